"""A bounded load test on PostgreSQL: the public addresses under wrk while two `loa worker` processes send 10,000
deliveries, against the same load with the workers idle and the same sending without the load.

Loa runs as docs/deploy.md runs it: gunicorn (2 processes × 4 threads, gthread) in front of one PostgreSQL, and two
`loa worker` processes sending to a webhook receiver process (bench/fakes/webhook.py, the real signed contract;
it records every idempotency key, so a delivery lost or received twice is counted). On loopback, for a fixed window,
each address gets its own wrk with 2 connections: the home page, a message page, a topic page, the site's RSS
feed and the topic's Atom feed, a station's script for today as JSON (with the station's token), a tracked short
link (a 302, not followed) and the tip-off form; Python threads post tip-offs through that form meanwhile (session
cookie, CSRF token, a receipt read from each answer). The per-address limits (tip-offs, clicks, station tokens) are
raised through their LOA_ settings: every client here is 127.0.0.1, which the real limits would stop at once.

Phases, with the workers running throughout: (1) the load alone, nothing due; (2) N deliveries due at once, no load;
(3) the load again, N more deliveries falling due a second after it starts. Reported: errors (must be none: no
socket error, no answer of 400 or above, 429 included), lost or doubled deliveries (must be none), p50/p90/p99/max
per address in (1) and (3), and the dispatch rate in (3) — deliveries sent while the load ran — against (2).

    python -m bench.load [--deliveries 10000] [--seconds 40] [--quick] [--results bench/results/load.md]

PostgreSQL comes from LOA_BENCH_DATABASE_URL (its public schema is DROPPED and recreated).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bench import wrk
from bench.dispatch import SECRET, insert_deliveries
from bench.dispatch_rounds import Round, Settings, Target, count_sent, gather, running_workers, tail, worker_env
from bench.fakes.webhook import spawn_receiver
from bench.load_traffic import Endpoint, Figures, Traffic, check_answers
from bench.load_world import COMMUNE, TOPIC, LoadWorld, build_world
from bench.servers import ROOT, clean_env, free_port, wait_until_answering
from bench.timing import Comparison

TITLE = "Load (PostgreSQL, gunicorn): public addresses under wrk while 2 workers send 10,000 deliveries"
WEB_PROCESSES = 2
WEB_THREADS = 4
WORKERS = 2
RAISED_LIMIT = "1000000 per minute"  # every client of the bench is 127.0.0.1: one address, far past any real limit


@dataclass(frozen=True)
class Size:
    deliveries: int = 10_000
    seconds: float = 40.0  # each load window
    give_up: float = 600.0  # a dispatch round still unfinished then is reported as such

    @classmethod
    def quick(cls) -> Size:
        return cls(deliveries=200, seconds=2.0, give_up=120.0)


@dataclass(frozen=True)
class Sending:
    round: Round
    rate: float  # deliveries a second: over the whole round alone, or over the part the load covered
    sent_under_load: int  # deliveries sent while the load ran (all of them for the round alone)
    overlap: float  # seconds of the round the load covered (none for the round alone)


@dataclass
class LoadResult:
    size: Size
    idle: list[Figures]  # per address, workers idle
    busy: list[Figures]  # per address, during the dispatch
    alone: Sending
    loaded: Sending
    receipts: int
    distinct_receipts: int
    stored_tipoffs: int
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    web_log: str = ""  # the end of gunicorn's log: where a failed request's traceback is
    load_averages: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average at the start and the end
    warm_up: list[Figures] = field(default_factory=list)  # not reported, but its failures count like the others'

    @property
    def errors(self) -> int:
        return sum(f.errors for f in [*self.warm_up, *self.idle, *self.busy])

    @property
    def lost(self) -> int:
        """Deliveries not sent, sent but never received, or received more than once, over both rounds."""
        return sum(s.round.tally.lost + s.round.tally.unsent + s.round.tally.doubled_keys for s in (self.alone, self.loaded))


def endpoints(world: LoadWorld) -> list[Endpoint]:
    from web.addresses import MESSAGE_PATH

    token = (("Authorization", f"Bearer {world.station_token}"),)
    return [Endpoint("home page", "/", 200), Endpoint("message page", f"{MESSAGE_PATH}{world.message_slug}", 200),
            Endpoint("topic page", f"/chu-de/{TOPIC}", 200), Endpoint("site feed (RSS)", "/feed.rss", 200),
            Endpoint("topic feed (Atom)", f"/chu-de/{TOPIC}/feed.atom", 200),
            Endpoint("radio script (JSON, token)", f"/radio/stations/{world.station_id}/scripts/{world.today}.json",
                     200, token),
            Endpoint("short link (302)", f"/r/{world.short_code}", 302), Endpoint("tip-off form (GET)", "/phan-anh", 200)]


def web_env(url: str, port: int, credentials_key: str, folder: Path) -> dict[str, str]:
    from campaigns.tipoff_sealing import generate_tipoff_key

    return {**clean_env(), "LOA_DATABASE_URL": url, "LOA_SECRET_KEY": "khoa-phien-do-hieu-nang",
            "LOA_CREDENTIALS_KEY": credentials_key, "LOA_TIPOFF_KEY": generate_tipoff_key(),
            "LOA_TIPOFF_ROOT": str(folder / "tipoffs"), "LOA_ARTIFACTS_DIR": str(folder / "public"),
            "LOA_BASE_URL": f"http://127.0.0.1:{port}", "LOA_TIPOFF_RATE_LIMIT": RAISED_LIMIT,
            "LOA_CLICK_RATE_LIMIT": RAISED_LIMIT, "LOA_RADIO_RATE_LIMIT": RAISED_LIMIT}


def gunicorn_command(port: int) -> list[str]:
    return [sys.executable, "-m", "gunicorn", "--workers", str(WEB_PROCESSES), "--worker-class", "gthread",
            "--threads", str(WEB_THREADS), "--bind", f"127.0.0.1:{port}", "--graceful-timeout", "10",
            "web:create_app()"]


@dataclass(frozen=True)
class Web:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def wait_until_ready(self) -> int:
        try:
            wait_until_answering(self.process, self.port, "/robots.txt", "gunicorn")
        except AssertionError as error:
            raise AssertionError(f"{error}; its log:\n{tail(self.log)}") from None
        return self.port


@contextmanager
def running_web(url: str, credentials_key: str, folder: Path) -> Iterator[Web]:
    """gunicorn starting on a free port (it boots while the caller starts the workers); stopped with SIGTERM, its
    graceful stop, when the block ends."""
    port = free_port()
    log = folder / "gunicorn.log"
    with log.open("a", encoding="utf-8") as errors:
        server = subprocess.Popen(gunicorn_command(port), cwd=ROOT, env=web_env(url, port, credentials_key, folder),
                                  stdout=errors, stderr=errors)
    try:
        yield Web(server, port, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def queue_round(factory: sessionmaker[Session], world: LoadWorld, message_id: int, size: Size) -> None:
    """N deliveries planned an hour ahead: written before any clock starts (a 10,000-row insert takes seconds)."""
    with factory() as session:
        insert_deliveries(session, message_id, world.channel_id, world.approver_id, size.deliveries,
                          due_at=datetime.now(timezone.utc) + timedelta(hours=1))
        session.commit()


def send_round(factory: sessionmaker[Session], target: Target, message_id: int, *, label: str, size: Size,
               traffic: Traffic | None = None) -> Sending:
    """The round's deliveries made due at once (one UPDATE; the clock starts at its commit), waited for until all
    are sent; under load, how many were sent by the time the load ended."""
    from sqlalchemy import update

    from campaigns.models import Delivery

    with factory() as session:
        session.execute(update(Delivery).where(Delivery.message_id == message_id)
                        .values(due_at=datetime.now(timezone.utc)))
        session.commit()
    started = time.time()
    under_load, load_ended = None, None
    while (sent := count_sent(factory, message_id)) < size.deliveries and time.time() - started < size.give_up:
        if traffic is not None and under_load is None and not traffic.running():
            under_load, load_ended = sent, time.time()
        time.sleep(0.2)
    ended = time.time()
    result = gather(factory, target, message_id, label=label, workers=WORKERS, count=size.deliveries, started=started,
                    ended=ended, killed_after=None, sent_at_kill=0)
    if traffic is None:
        return Sending(result, result.rate, result.sent, 0.0)
    if under_load is None:  # every delivery was sent before the load ended
        return Sending(result, result.rate, result.sent, result.seconds)
    assert load_ended is not None
    overlap = load_ended - started
    return Sending(result, under_load / overlap, under_load, overlap)


def measure(url: str, size: Size) -> LoadResult:
    """Every phase on a freshly migrated database at `url`; the figures, with nothing asserted."""
    from bench.tipoff_burst import count_tipoffs
    from campaigns.credentials import generate_key
    from content.db import make_engine, make_session_factory

    began, load_before = time.perf_counter(), os.getloadavg()[0]
    key = generate_key()
    settings = Settings(deliveries=size.deliveries, fail_fraction=0.0, lease=20, tick=1, give_up=size.give_up)
    engine = make_engine(url)
    try:
        with tempfile.TemporaryDirectory(prefix="loa-bench-load-") as tmpdir:
            folder = Path(tmpdir)
            factory = make_session_factory(engine)
            with spawn_receiver(SECRET, folder / "received.jsonl") as receiver:
                world = build_world(factory, receiver, key)
                target = Target(receiver, world.channel_id, world.approver_id)
                addresses = endpoints(world)
                for message_id in world.round_message_ids:
                    queue_round(factory, world, message_id, size)
                traffics: list[Traffic] = []

                def load(port: int, seconds: float) -> Traffic:
                    traffics.append(Traffic(port, addresses, COMMUNE, folder).start(seconds))
                    return traffics[-1]

                with running_web(url, key, folder) as web, \
                        running_workers(WORKERS, worker_env(url, key, settings, folder), folder / "workers.log"):
                    port = web.wait_until_ready()
                    check_answers(port, addresses)
                    warm_up = load(port, min(3.0, size.seconds)).finish()  # templates compiled, caches and pools filled
                    idle = load(port, size.seconds).finish()
                    alone = send_round(factory, target, world.round_message_ids[0], label="alone", size=size)
                    traffic = load(port, size.seconds)
                    time.sleep(1)  # the load is running when the deliveries fall due
                    loaded = send_round(factory, target, world.round_message_ids[1], label="under load", size=size,
                                        traffic=traffic)
                    busy = traffic.finish()
            web_log = tail(folder / "gunicorn.log")
            codes = [code for traffic in traffics for code in traffic.codes]
    finally:
        engine.dispose()
    return LoadResult(size, idle, busy, alone, loaded, len(codes), len(set(codes)), count_tipoffs(url),
                      time.perf_counter() - began, web_log=web_log, load_averages=(load_before, os.getloadavg()[0]),
                      warm_up=warm_up)


def problems(result: LoadResult) -> list[str]:
    """What breaks the test's promises: any error, any delivery lost or doubled, a receipt without its tip-off."""
    found = [f"{f.name}, {window}: {f.errors} failed ({f.failures})" for window, figures in
             (("warm-up", result.warm_up), ("idle", result.idle), ("busy", result.busy)) for f in figures if f.errors]
    found += [f"{s.round.label}: {problem}" for s in (result.alone, result.loaded) for problem in s.round.problems()]
    if result.lost:
        found.append(f"{result.lost} deliveries lost, unsent or received twice")
    if not result.receipts or not result.receipts == result.distinct_receipts == result.stored_tipoffs:
        found.append(f"tip-offs: {result.receipts} receipts, {result.distinct_receipts} distinct, "
                     f"{result.stored_tipoffs} stored")
    return found


SETUP = (f"Loa under gunicorn ({WEB_PROCESSES} processes × {WEB_THREADS} threads, gthread) and {WORKERS} `loa worker` "
         f"processes on one PostgreSQL; a webhook receiver process; one wrk process (1 thread, "
         "2 connections) per address and 2 Python threads posting tip-offs, all on loopback.")


def note_overlap(result: LoadResult) -> None:
    loaded = result.loaded
    if loaded.sent_under_load < loaded.round.sent:
        result.notes.append(f"the load ended {loaded.overlap:.1f} s into the round, with {loaded.sent_under_load:,} "
                            f"of {loaded.round.count:,} sent; the rest went out after it (counted in the round's "
                            f"total, not in the rate under load)")


def run(size: Size | None = None) -> list[Comparison]:
    from bench.load_report import comparisons, text_lines
    from bench.postgres import fresh_database

    if not wrk.available():
        print("  skipped: wrk is not installed (Debian: apt-get install wrk).")
        return []
    url = fresh_database()
    if url is None:
        return []
    result = measure(url, size or Size())
    note_overlap(result)
    for line in text_lines(result):
        print(line)
    if found := problems(result):
        raise AssertionError("the load test failed: " + "; ".join(found) + f"\ngunicorn's log ends:\n{result.web_log}")
    return comparisons(result)


def main(argv: list[str] | None = None) -> int:
    from bench.load_report import markdown, text_lines
    from bench.postgres import fresh_database
    from bench.run import machine

    defaults = Size()
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=TITLE)
    parser.add_argument("--deliveries", type=int, default=defaults.deliveries, help="a round (default %(default)s)")
    parser.add_argument("--seconds", type=float, default=defaults.seconds, help="each load window (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help=f"{Size.quick().deliveries} deliveries, "
                                                             f"{Size.quick().seconds:g} s windows")
    parser.add_argument("--results", type=Path, help="also write the figures to this Markdown file")
    args = parser.parse_args(argv)
    size = Size.quick() if args.quick else Size(max(1, args.deliveries), max(1.0, args.seconds))
    print(TITLE)
    if not wrk.available():
        print("wrk is not installed (Debian: apt-get install wrk).")
        return 2
    url = fresh_database()
    if url is None:
        return 2
    result = measure(url, size)
    note_overlap(result)
    for line in text_lines(result):
        print(line)
    found = problems(result)
    for problem in found:
        print(f"  !! {problem}")
    if found:
        print(f"  gunicorn's log ends:\n{result.web_log}")
    print(f"total {result.seconds:.1f} s")
    if args.results:
        command = "python -m bench.load " + " ".join(argv if argv is not None else sys.argv[1:])
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(markdown(result, machine=machine(), command=command.strip(), setup=SETUP,
                                         date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")), encoding="utf-8")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
