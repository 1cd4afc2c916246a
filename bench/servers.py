"""Starting a bench server in its own process and waiting until it answers.

A server gets none of the caller's LOA_ settings, so a developer's environment cannot change what is measured.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOA_")}
    return {**env, "PYTHONPATH": str(ROOT)}


def start_server(module: str, args: list[str], *, probe_path: str = "/") -> tuple[subprocess.Popen[bytes], int]:
    """`python -m module *args PORT` on a free port, returned once `probe_path` answers (within a minute)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", module, *args, str(port)], cwd=ROOT, env=clean_env())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", probe_path)
            connection.getresponse().read()
            connection.close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise AssertionError(f"{module} {args[0]} did not start within a minute")
