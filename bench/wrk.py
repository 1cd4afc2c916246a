"""Requests per second under wrk (a C load generator), when this machine has it.

A Python load generator shares the machine's few cores with the servers it measures and tops out near
their speed; wrk spends far less per request, so the ratio it gives is the servers'. It cannot check
each answer, so the caller checks one answer first, and wrk's own count of socket errors and of
answers outside 2xx/3xx must be zero.
"""

from __future__ import annotations

import re
import shutil
import subprocess

PROGRAM = "wrk"
ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def available() -> bool:
    return shutil.which(PROGRAM) is not None


def rate(port: int, path: str, seconds: float, *, connections: int, headers: dict[str, str]) -> float:
    """Requests per second over `seconds` with `connections` keep-alive connections on one wrk thread."""
    command = [PROGRAM, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, f"http://127.0.0.1:{port}{path}"], check=True, capture_output=True,
                         text=True, timeout=seconds + 60).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = ERRORS.search(out)
    if failed or (errors and any(int(n) for n in errors.groups())):
        raise AssertionError(f"wrk saw failed requests to {path}:\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if found is None:
        raise AssertionError(f"wrk printed no rate:\n{out}")
    return float(found.group(1))
