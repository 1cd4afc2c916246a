"""Throughput of a tracked portal message page against the same page with tracking switched off (LOA_TRACKING).

Two servers run the same app on the same database under waitress with 8 threads, as `loa run` does,
one with tracking on and one with it off; a load generator in another process keeps 8 keep-alive
connections busy for a few seconds against one, then the other, alternating, and the medians of
requests per second are compared. Every reader has a browser's user agent, so each view is hashed
into a visitor and counted as the real portal counts it; when the servers stop, the tracked one must
have counted exactly the views it served, and the other none.

Run alone: `python -m bench.reach_http serve URL on|off PORT` and `python -m bench.reach_http load PORT PATH SECONDS`.
"""

from __future__ import annotations

import http.client
import json
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from bench.servers import ROOT, clean_env, start_server

CONNECTIONS = 8
AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124 Mobile Safari/537.36"


@dataclass(frozen=True)
class Throughput:
    tracked: list[float]  # requests per second, one per round
    untracked: list[float]
    tracked_requests: int
    counted_views: float

    @property
    def ratio(self) -> float:
        return statistics.median(self.tracked) / statistics.median(self.untracked)


def serve(url: str, port: int, tracking: bool) -> None:
    import logging

    from waitress import serve as waitress_serve

    from web import create_app

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth": the load is meant to queue

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "TRACKING": tracking,
                      "BASE_URL": f"http://127.0.0.1:{port}"})
    try:
        waitress_serve(app, host="127.0.0.1", port=port, threads=CONNECTIONS, _quiet=True)
    except KeyboardInterrupt:  # the bench's stop: leave normally, so the write-behind writes what it counted
        pass


def load(port: int, path: str, seconds: float, etag: str | None = None) -> dict[str, int]:
    """Keep CONNECTIONS keep-alive connections busy with GETs for `seconds` (conditional when given an ETag,
    then a 304 is the right answer); count the right answers and the rest."""
    deadline = time.perf_counter() + seconds
    expected = 304 if etag else 200
    ok, errors = [0] * CONNECTIONS, [0] * CONNECTIONS

    def reader(n: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"User-Agent": f"{AGENT} nguoi-doc-{n}", "Accept-Language": "vi",
                   **({"If-None-Match": etag} if etag else {})}
        while time.perf_counter() < deadline:
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok[n] += response.status == expected
                errors[n] += response.status != expected
            except (OSError, http.client.HTTPException):
                errors[n] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"ok": sum(ok), "errors": sum(errors)}


def _round(port: int, path: str, seconds: float) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-m", "bench.reach_http", "load", str(port), path, str(seconds)],
                         cwd=ROOT, env=clean_env(), check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    if result["errors"]:
        raise AssertionError(f"{result['errors']} requests failed during the load round")
    return result["ok"] / seconds, int(result["ok"])


def _views(url: str, message_id: int) -> float:
    from sqlalchemy import func, select

    from campaigns.models import ReachEvent
    from content.db import make_engine, make_session_factory

    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            return float(session.scalar(select(func.coalesce(func.sum(ReachEvent.value), 0)).where(
                ReachEvent.message_id == message_id, ReachEvent.metric == "portal_view")) or 0)
    finally:
        engine.dispose()


def measure_throughput(url: str, message_id: int, slug: str, *, rounds: int = 5, seconds: float = 5.0) -> Throughput:
    from web.addresses import MESSAGE_PATH

    path = f"{MESSAGE_PATH}{slug}"
    before = _views(url, message_id)
    servers = {tracking: start_server("bench.reach_http", ["serve", url, "on" if tracking else "off"], probe_path="/robots.txt")
               for tracking in (True, False)}
    results: dict[bool, list[float]] = {True: [], False: []}
    served = 0
    try:
        for tracking, (_, port) in servers.items():  # warm-up: templates compiled, caches and the salt read
            ok = _round(port, path, 1.0)[1]
            served += ok if tracking else 0
        for n in range(rounds):
            for tracking in ((True, False) if n % 2 == 0 else (False, True)):
                rate, ok = _round(servers[tracking][1], path, seconds)
                results[tracking].append(rate)
                served += ok if tracking else 0
    finally:
        for server, _ in servers.values():
            server.send_signal(signal.SIGINT)
        for server, _ in servers.values():
            server.wait(timeout=60)
    return Throughput(results[True], results[False], served, _views(url, message_id) - before)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "serve":
        serve(args[0], int(args[2]), args[1] == "on")
    elif command == "load":
        print(json.dumps(load(int(args[0]), args[1], float(args[2]))))
    else:
        raise SystemExit(f"unknown command {command!r}")
