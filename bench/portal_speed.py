"""The public pages served by Loa against a bare Flask view returning the same bytes, for 200 and for 304.

One SQLite database with 200 published messages (bench/reach_world.py). Loa runs under waitress with 8
threads, as `loa run` does; a bare Flask app (one view, the bytes fetched from Loa at start, Flask's own
ETag check) runs the same way in another process. wrk (or, without it, Python threads in a third process)
keeps 8 keep-alive connections busy for a few seconds against one server then the other, alternating, for
the home page, a message page and a 50-item feed, plain and with If-None-Match; the medians of
requests per second are compared (goal: Loa ≥ 0.9× the bare view). Then, in this process, a new message is
planned, the scheduler runs (its dispatch job sends, then wakes the files job), and the time until its page
is on disk in the artifacts directory (web.artifacts) is the publish-to-file time.

`python -m bench.portal_speed run` alone; `serve-loa URL DIR PORT`, `serve-bare LOA_PORT PATHS PORT` and
`load PORT PATH SECONDS [ETAG]` are the pieces it starts.
"""

from __future__ import annotations

import http.client
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench import wrk
from bench.reach_http import AGENT, CONNECTIONS, load
from bench.servers import ROOT, clean_env, start_server
from bench.timing import Comparison, Timing

TITLE = "Public pages: Loa (ETag from the content version, built bytes kept) against a bare Flask view of the same bytes"
ROUNDS = 3
SECONDS = 3.0
# As a busy site would set LOA_PUBLIC_VERSION_SECONDS: a change shows a second later, no query per request.
VERSION_SECONDS = 1.0


def serve_loa(url: str, port: int, artifacts: str) -> None:
    import logging

    from waitress import serve as waitress_serve

    from web import create_app

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "BASE_URL": f"http://127.0.0.1:{port}",
                      "ARTIFACTS_DIR": artifacts, "PUBLIC_VERSION_SECONDS": VERSION_SECONDS})
    try:
        waitress_serve(app, host="127.0.0.1", port=port, threads=CONNECTIONS, _quiet=True)
    except KeyboardInterrupt:
        pass


def serve_bare(loa_port: int, port: int, paths: list[str]) -> None:
    import logging

    from flask import Flask, Response, request
    from flask.typing import ResponseReturnValue
    from waitress import serve as waitress_serve

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    copies: dict[str, tuple[bytes, str]] = {}
    for path in paths:
        connection = http.client.HTTPConnection("127.0.0.1", loa_port, timeout=30)
        connection.request("GET", path, headers={"User-Agent": AGENT})
        answer = connection.getresponse()
        copies[path] = (answer.read(), answer.getheader("Content-Type") or "text/html")
    bare = Flask(__name__)

    def view(path: str = "") -> ResponseReturnValue:
        body, mimetype = copies["/" + path]
        response = Response(body, content_type=mimetype)
        response.set_etag("bare")
        return response.make_conditional(request)

    bare.add_url_rule("/", view_func=view)
    bare.add_url_rule("/<path:path>", view_func=view)
    try:
        waitress_serve(bare, host="127.0.0.1", port=port, threads=CONNECTIONS, _quiet=True)
    except KeyboardInterrupt:
        pass


def _etag(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"User-Agent": AGENT})
    response = connection.getresponse()
    response.read()
    return (response.getheader("ETag") or "").strip('"')


def _check(port: int, path: str, etag: str | None) -> None:
    """The answer wrk will be counting is the right one: 304 to the ETag, else 200."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"User-Agent": AGENT, **({"If-None-Match": f'"{etag}"'} if etag else {})})
    response = connection.getresponse()
    response.read()
    if response.status != (304 if etag else 200):
        raise AssertionError(f"{path} answered {response.status}")


def _round(port: int, path: str, etag: str | None) -> float:
    if wrk.available():
        return wrk.rate(port, path, SECONDS, connections=CONNECTIONS,
                        headers={"User-Agent": AGENT, **({"If-None-Match": f'"{etag}"'} if etag else {})})
    out = subprocess.run([sys.executable, "-m", "bench.portal_speed", "load", str(port), path, str(SECONDS),
                          *([etag] if etag else [])], cwd=ROOT, env=clean_env(), check=True, capture_output=True,
                         text=True).stdout
    result = json.loads(out)
    if result["errors"]:
        raise AssertionError(f"{result['errors']} requests to {path} got an unexpected answer")
    return result["ok"] / SECONDS


def _per_request(rates: list[float]) -> Timing:
    seconds = [1 / rate for rate in rates]
    return Timing(statistics.median(seconds), min(seconds), max(seconds), len(seconds), 1)


def _publish_to_file(url: str, artifacts: Path) -> tuple[float, float, int]:
    """With the scheduler running and idle, from a delivery's dispatch job starting to (its message's page on disk,
    the files job's whole run done); and how many files that run rendered."""
    from campaigns.models import Channel, ChannelKind
    from campaigns.planning import plan_deliveries
    from campaigns.public_version import public_version
    from content.messages import MessageInput, create_message, transition_message
    from content.models import MessageKind, User
    from scheduler.jobs import make_scheduler
    from web import create_app
    from web.artifacts import artifacts_dir, refresh_artifacts
    from web.database import session_factory

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "BASE_URL": "http://127.0.0.1",
                      "ARTIFACTS_DIR": str(artifacts), "TRACKING": False})
    now = datetime.now(timezone.utc)
    moment = [now]
    with app.app_context():
        factory = session_factory()

        def files_done() -> bool:
            with factory() as session:
                return app.extensions.get("loa.artifacts_version") == public_version(session).token

        with factory() as session:
            editor = session.query(User).filter_by(username="bientap").one()
            approver = session.query(User).filter_by(username="pheduyet").one()
            portal = session.query(Channel).filter_by(kind=ChannelKind.PORTAL).one()
            assert editor.area_id is not None
            message = create_message(session, editor, MessageInput(
                kind=MessageKind.ARTICLE, title="Cảnh giác lừa đảo đầu tư tiền ảo (bản tin mới)",
                body_md="Không chuyển tiền cho người lạ hứa lãi cao.", area_id=editor.area_id), now=now)
            transition_message(session, message, "submit", actor=editor, now=now)
            transition_message(session, message, "approve", actor=approver, now=now)
            plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=1), now=now,
                            channels=[portal])
            session.commit()
            page = artifacts / "tin" / f"{message.slug}.html"
        scheduler = make_scheduler(factory, clock=lambda: moment[0], interval_seconds=3600,
                                   publish_files=lambda: refresh_artifacts(app))
        scheduler.start()
        try:
            while not files_done():  # the first run at start writes every file; nothing is due yet
                time.sleep(0.01)
            moment[0] = now + timedelta(minutes=2)
            started = time.perf_counter()
            scheduler.modify_job("dispatch", next_run_time=datetime.now(timezone.utc))
            while not page.exists():
                time.sleep(0.001)
            on_disk = time.perf_counter() - started
            while not files_done():
                time.sleep(0.001)
            whole = time.perf_counter() - started
        finally:
            scheduler.shutdown(wait=True)
        files = sum(1 for f in artifacts_dir(app).rglob("*") if f.is_file() and f.suffix != ".gz")
        return on_disk, whole, files


def run() -> list[Comparison]:
    from bench.reach_world import build_world
    from content.db import make_engine, make_session_factory
    from content.schema import upgrade_database
    from web.addresses import MESSAGE_PATH

    folder = Path(tempfile.mkdtemp(prefix="loa-bench-portal-"))
    url = f"sqlite:///{folder / 'portal.db'}"
    try:
        upgrade_database(url)
        engine = make_engine(url)
        world = build_world(make_session_factory(engine))
        engine.dispose()
        paths = {"home page": "/", "message page": f"{MESSAGE_PATH}{world.page_slug}",
                 "50-item feed": "/loai/article/feed.rss"}
        loa, loa_port = start_server("bench.portal_speed", ["serve-loa", url, str(folder / "served")])
        bare, bare_port = start_server("bench.portal_speed", ["serve-bare", str(loa_port), ",".join(paths.values())])
        rows = []
        print(f"  load: {'wrk, one thread' if wrk.available() else 'Python threads (install wrk for truer figures)'}, "
              f"{CONNECTIONS} keep-alive connections, {SECONDS:.0f} s a round, {ROUNDS} rounds a server, alternating")
        try:
            for label, path in paths.items():
                for conditional in (False, True):
                    tags = {loa_port: _etag(loa_port, path) if conditional else None,
                            bare_port: "bare" if conditional else None}
                    rates: dict[int, list[float]] = {loa_port: [], bare_port: []}
                    for port in rates:
                        _check(port, path, tags[port])
                        _round(port, path, tags[port])  # warm-up
                    for n in range(ROUNDS):
                        for port in ((loa_port, bare_port) if n % 2 == 0 else (bare_port, loa_port)):
                            rates[port].append(_round(port, path, tags[port]))
                    status = "304" if conditional else "200"
                    loa_rate, bare_rate = statistics.median(rates[loa_port]), statistics.median(rates[bare_port])
                    print(f"  {label}, {status}: Loa {loa_rate:,.0f} req/s, bare Flask {bare_rate:,.0f} req/s, "
                          f"{loa_rate / bare_rate:.2f}× (goal ≥ 0.9×)")
                    rows.append(Comparison(f"{label}, {status}, per request", _per_request(rates[loa_port]),
                                           "bare Flask view", _per_request(rates[bare_port]), "ms"))
        finally:
            for server in (loa, bare):
                server.send_signal(signal.SIGINT)
            for server in (loa, bare):
                server.wait(timeout=60)
        on_disk, whole, files = _publish_to_file(url, folder / "artifacts")
        print(f"  publish to artifact file on disk (scheduler running: its dispatch job sends and wakes the files job, "
              f"which writes the newest message's page first): {on_disk * 1000:,.0f} ms; the files job's whole run, "
              f"{files:,} files rendered and the changed ones written: {whole * 1000:,.0f} ms")
        return rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "serve-loa":
        serve_loa(args[0], int(args[2]), args[1])
    elif command == "serve-bare":
        serve_bare(int(args[0]), int(args[2]), args[1].split(","))
    elif command == "load":
        print(json.dumps(load(int(args[0]), args[1], float(args[2]), args[3] if len(args) > 3 else None)))
    elif command == "run":
        run()
    else:
        raise SystemExit(f"unknown command {command!r}")
