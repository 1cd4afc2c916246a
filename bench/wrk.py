"""Requests per second and latency percentiles under wrk (a C load generator), when this machine has it.

A Python load generator shares the machine's few cores with the servers it measures and tops out near
their speed; wrk spends far less per request, so the ratio it gives is the servers'. It cannot check
each answer, so the caller checks one answer first, and wrk's own count of socket errors and of
answers outside 2xx/3xx must be zero.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

PROGRAM = "wrk"
ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
# wrk's summary hook: exact counts and percentiles (µs) on one line, instead of its rounded human figures.
SUMMARY_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("loa-wrk %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def available() -> bool:
    return shutil.which(PROGRAM) is not None


def command(port: int, path: str, seconds: float, *, connections: int, headers: dict[str, str],
            script: Path | None = None) -> list[str]:
    """wrk with `connections` keep-alive connections on one thread for `seconds` (whole seconds, at least 1)."""
    args = [PROGRAM, "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    if script is not None:
        args += ["-s", str(script)]
    return [*args, f"http://127.0.0.1:{port}{path}"]


def rate(port: int, path: str, seconds: float, *, connections: int, headers: dict[str, str]) -> float:
    """Requests per second over `seconds` with `connections` keep-alive connections on one wrk thread."""
    out = subprocess.run(command(port, path, seconds, connections=connections, headers=headers), check=True,
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = ERRORS.search(out)
    if failed or (errors and any(int(n) for n in errors.groups())):
        raise AssertionError(f"wrk saw failed requests to {path}:\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if found is None:
        raise AssertionError(f"wrk printed no rate:\n{out}")
    return float(found.group(1))


@dataclass(frozen=True)
class Summary:
    """What one wrk run counted: requests, failures by kind, and latency percentiles in seconds."""

    requests: int
    seconds: float
    socket_errors: int  # connect, read, write and timeout together
    failed_answers: int  # status 400 or above (wrk counts those as "Non-2xx or 3xx")
    p50: float
    p90: float
    p99: float
    max: float
    failures: str = ""  # the non-zero error counts by kind, e.g. "read 1, status ≥ 400 2"


def write_summary_script(folder: Path) -> Path:
    path = folder / "summary.lua"
    path.write_text(SUMMARY_SCRIPT, encoding="utf-8")
    return path


def read_summary(out: str) -> Summary:
    """The line SUMMARY_SCRIPT printed; a run that printed none raises with wrk's own output."""
    found = re.search(r"^loa-wrk ([\d ]+)$", out, re.MULTILINE)
    if found is None:
        raise AssertionError(f"wrk printed no summary:\n{out}")
    requests, duration, connect, read, write, status, timeout, p50, p90, p99, top = map(int, found.group(1).split())
    kinds = {"connect": connect, "read": read, "write": write, "timeout": timeout, "status ≥ 400": status}
    return Summary(requests, duration / 1e6, connect + read + write + timeout, status,
                   p50 / 1e6, p90 / 1e6, p99 / 1e6, top / 1e6,
                   ", ".join(f"{kind} {n}" for kind, n in kinds.items() if n))
