"""The load test's traffic: one wrk process per address, all at once for a fixed time, and tip-offs posted by Python.

Each address gets its own wrk (one thread, CONNECTIONS keep-alive connections), so each has its own latency
percentiles and error counts. Tip-offs need a session cookie, the form's CSRF token and a receipt read from every
answer, which wrk cannot check; Python threads post them through the real form (bench.tipoff_burst.send).
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench import wrk
from bench.dispatch_rounds import percentile
from bench.reach_http import AGENT
from bench.tipoff_burst import Side, send

CONNECTIONS = 2  # per address: 8 wrk addresses and the tip-off posts keep 18 connections busy
TIPOFF_POST = "tip-off form (POST)"
MAX_POSTS = 1_000_000  # a sender stops at the end of the window long before this


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    status: int  # what a right answer is; checked once before the load, since wrk cannot look
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Figures:
    """One address over one window: throughput, failures, latency percentiles in seconds."""

    name: str
    requests: int
    seconds: float
    errors: int  # socket errors and answers 400 or above (429 included)
    p50: float
    p90: float
    p99: float
    max: float
    failures: str = ""  # what the errors were

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class Traffic:
    """Every address loaded at once for `seconds`; `finish()` waits and returns each address's figures."""

    def __init__(self, port: int, endpoints: list[Endpoint], commune: str, folder: Path, *,
                 connections: int = CONNECTIONS) -> None:
        self.port, self.endpoints, self.commune, self.connections = port, endpoints, commune, connections
        self.script = wrk.write_summary_script(folder)
        self.processes: list[subprocess.Popen[str]] = []
        self.senders: list[threading.Thread] = []
        self.stop = threading.Event()
        self.posts = Side([])
        self.codes: list[str] = []
        self.lock = threading.Lock()
        self.started = self.seconds = 0.0

    def start(self, seconds: float) -> Traffic:
        self.seconds = float(max(1, round(seconds)))
        self.started = time.monotonic()
        for endpoint in self.endpoints:
            command = wrk.command(self.port, endpoint.path, self.seconds, connections=self.connections,
                                  headers={"User-Agent": AGENT, **dict(endpoint.headers)}, script=self.script)
            self.processes.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        self.senders = [threading.Thread(target=send, args=(self.port, self.commune, MAX_POSTS, self.posts, self.codes,
                                                            self.lock, self.stop)) for _ in range(self.connections)]
        for thread in self.senders:
            thread.start()
        return self

    def running(self) -> bool:
        return time.monotonic() - self.started < self.seconds and any(p.poll() is None for p in self.processes)

    def finish(self) -> list[Figures]:
        time.sleep(max(0.0, self.started + self.seconds - time.monotonic()))
        self.stop.set()
        for thread in self.senders:
            thread.join()
        posted = time.monotonic() - self.started
        figures = []
        for endpoint, process in zip(self.endpoints, self.processes):
            out, _ = process.communicate(timeout=self.seconds + 60)
            summary = wrk.read_summary(out)
            figures.append(Figures(endpoint.name, summary.requests, summary.seconds,
                                   summary.socket_errors + summary.failed_answers,
                                   summary.p50, summary.p90, summary.p99, summary.max, summary.failures))
        latencies = self.posts.latencies or [0.0]
        p50, p90, p99, top = (percentile(latencies, share) for share in (0.5, 0.9, 0.99, 1.0))
        failures = ", ".join(f"{kind} {n}" for kind, n in Counter(self.posts.failures).items())
        figures.append(Figures(TIPOFF_POST, len(self.posts.latencies), posted, self.posts.errors, p50, p90, p99, top,
                               failures))
        return figures


def check_answers(port: int, endpoints: list[Endpoint]) -> None:
    """Each address gives the answer wrk will be counting (a redirect stays a redirect: it is not followed)."""
    import http.client

    for endpoint in endpoints:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", endpoint.path, headers={"User-Agent": AGENT, **dict(endpoint.headers)})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status != endpoint.status or (endpoint.status == 200 and not body):
            raise AssertionError(f"{endpoint.name} ({endpoint.path}) answered {response.status}, "
                                 f"expected {endpoint.status}: {body[:300]!r}")
