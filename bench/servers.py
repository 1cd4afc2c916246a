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
    wait_until_answering(server, port, probe_path, f"{module} {args[0]}")
    return server, port


def wait_until_answering(server: subprocess.Popen[bytes], port: int, probe_path: str, name: str) -> None:
    """Return once `probe_path` on `port` answers; kill the server and raise if it has not within a minute."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", probe_path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    server.kill()
    server.wait()
    raise AssertionError(f"{name} did not start within a minute (exit code {server.returncode})")
