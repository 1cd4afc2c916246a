"""Reach at scale, on SQLite and PostgreSQL in one run: 10 million events, the rollup job, the campaign
dashboard's reads from rollups against the raw GROUP BY, and a tracked portal page against an untracked one.

For each database: a migrated schema with a province of 100 communes and 500 hamlets, three campaigns
and 200 published messages, channels and 150 loudspeaker stations (bench/reach_world.py); the events
loaded in bulk (PostgreSQL COPY, SQLite executemany), spread over 90 local days; then
- the rollup job (`roll_up_new_events`) over all of them, in seconds per million events;
- the dashboard's four reads of the largest campaign over the 90 days (bench/reach_reads.py), each checked
  equal to its raw GROUP BY, then timed (medians); goal: ≥50× faster than raw, and under 200 ms in all;
- a portal message page under waitress, tracked against untracked (bench/reach_http.py); goal: ≥0.9×.

`python -m bench.reach --events 10000000 --database sqlite|postgresql|both` (default: both, 10 million);
`python -m bench` runs it too, with LOA_BENCH_REACH_EVENTS for the count. PostgreSQL comes from
LOA_BENCH_DATABASE_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test): its public schema is
DROPPED and recreated. SQLite is a file in a temporary folder (or --sqlite-dir), deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from bench.postgres import bench_url, reset_schema, shown, unreachable
from bench.reach_http import Throughput, measure_throughput
from bench.reach_reads import ReadTiming, read_pairs, time_reads
from bench.reach_world import DAYS, FIRST_DAY, LAST_DAY, ZONE, World, build_world, load_events
from bench.timing import Comparison, Timing

TITLE = "Reach: rollups, dashboard reads and tracked pages (SQLite and PostgreSQL)"
EVENTS = int(os.environ.get("LOA_BENCH_REACH_EVENTS", "10000000"))
READS_GOAL, READS_BUDGET, THROUGHPUT_GOAL = 50.0, 0.200, 0.9


@dataclass(frozen=True)
class Report:
    database: str
    events: int
    load_seconds: float
    rollup_seconds: float
    rollup_rows: int
    reads: list[ReadTiming]
    throughput: Throughput | None

    @property
    def dashboard_rollups(self) -> float:
        return sum(r.rollup.median for r in self.reads)

    @property
    def dashboard_raw(self) -> float:
        return sum(r.raw.median for r in self.reads)


def prepare(url: str, events: int) -> tuple[World, float]:
    """A fresh migrated schema with the world and its events; returns the world and the load time."""
    from content.db import make_engine, make_session_factory
    from content.schema import upgrade_database

    if url.startswith("postgresql"):
        reset_schema(url)
    else:
        upgrade_database(url)
    engine = make_engine(url)
    try:
        world = build_world(make_session_factory(engine))
        started = time.perf_counter()
        loaded = load_events(engine, world, events)
        if loaded != events:
            raise AssertionError(f"loaded {loaded} events, expected {events}")
        return world, time.perf_counter() - started
    finally:
        engine.dispose()


def roll_up(url: str) -> tuple[float, int]:
    """Time one run of the rollup job over every event; returns the seconds and the rollup rows written."""
    from campaigns.models import ReachDaily, ReachEvent
    from campaigns.reach_rollups import LAG, roll_up_new_events
    from content.db import make_engine, make_session_factory

    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        with factory() as session:
            newest = session.scalar(select(func.max(ReachEvent.recorded_at)))
        assert newest is not None
        with factory() as session:
            started = time.perf_counter()
            report = roll_up_new_events(session, now=newest + LAG + timedelta(minutes=1), zone=ZONE)
            session.commit()
            seconds = time.perf_counter() - started
        if len(report.days) < DAYS:
            raise AssertionError(f"the job rolled up {len(report.days)} days, expected at least {DAYS}")
        with engine.begin() as connection:
            # The new rollup rows' statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would
            # gather them soon after; without them PostgreSQL still plans for an empty table.
            connection.execute(text("ANALYZE reach_daily"))
        with factory() as session:
            rows = int(session.scalar(select(func.count()).select_from(ReachDaily)) or 0)
        return seconds, rows
    finally:
        engine.dispose()


def read(url: str, world: World, *, rollup_runs: int = 9, raw_runs: int = 3) -> list[ReadTiming]:
    from content.db import make_engine, make_session_factory

    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        pairs = read_pairs(factory, campaign_id=world.campaign_ids[0], province_id=world.province_id,
                           commune_id=world.busiest_commune_id, first=FIRST_DAY, last=LAST_DAY, zone=ZONE)
        return time_reads(pairs, factory, rollup_runs=rollup_runs, raw_runs=raw_runs)
    finally:
        engine.dispose()


def bench_database(url: str, events: int, *, http: bool = True, rollup_runs: int = 9, raw_runs: int = 3) -> Report:
    print(f"  {_name(url)}: building the world and loading {events:,} events …", flush=True)
    world, load_seconds = prepare(url, events)
    print(f"  {_name(url)}: loaded in {load_seconds:.1f} s; rolling up …", flush=True)
    rollup_seconds, rollup_rows = roll_up(url)
    print(f"  {_name(url)}: rolled up in {rollup_seconds:.1f} s; timing the dashboard's reads …", flush=True)
    reads = read(url, world, rollup_runs=rollup_runs, raw_runs=raw_runs)
    throughput = None
    if http:
        print(f"  {_name(url)}: measuring the portal page's throughput …", flush=True)
        message_id = min(world.area_of_message)
        throughput = measure_throughput(url, message_id, world.page_slug)
        if throughput.counted_views != throughput.tracked_requests:
            raise AssertionError(f"the tracked server served {throughput.tracked_requests} views but counted "
                                 f"{throughput.counted_views:.0f}")
    return Report(_name(url), events, load_seconds, rollup_seconds, rollup_rows, reads, throughput)


def _name(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def describe(report: Report) -> list[str]:
    """The figures of one database as an aligned table."""
    per_million = report.rollup_seconds / (report.events / 1e6)
    lines = [f"{report.database}: {report.events:,} events over {DAYS} local days "
             f"({report.events / report.load_seconds:,.0f} loaded per second)",
             f"  rollup job      {report.rollup_seconds:8.1f} s in all   {per_million:6.2f} s per million events   "
             f"{report.rollup_rows:,} rollup rows ({report.events / max(report.rollup_rows, 1):,.0f} events per row)"]
    width = max(len(r.label) for r in report.reads)
    lines.append(f"  {'read (largest campaign, 90 days)'.ljust(width)}   {'rollups':>11}   {'raw GROUP BY':>13}   "
                 f"{'speed-up':>9}   rows (equal)")
    for r in report.reads:
        lines.append(f"  {r.label.ljust(width)}   {_ms(r.rollup.median):>11}   {_ms(r.raw.median):>13}   "
                     f"{r.speedup:8.0f}×   {r.rows:,}")
    speedup = report.dashboard_raw / report.dashboard_rollups
    met = speedup >= READS_GOAL and report.dashboard_rollups < READS_BUDGET
    lines.append(f"  {'dashboard (the four reads)'.ljust(width)}   {_ms(report.dashboard_rollups):>11}   "
                 f"{_ms(report.dashboard_raw):>13}   {speedup:8.0f}×   goal ≥{READS_GOAL:.0f}× and "
                 f"<{READS_BUDGET * 1000:.0f} ms: {'met' if met else 'MISSED'}")
    if report.throughput is not None:
        t = report.throughput
        lines.append(f"  portal message page, waitress 8 threads: tracked {statistics.median(t.tracked):,.0f} req/s, "
                     f"untracked {statistics.median(t.untracked):,.0f} req/s, ratio {t.ratio:.2f}× "
                     f"(goal ≥{THROUGHPUT_GOAL}: {'met' if t.ratio >= THROUGHPUT_GOAL else 'MISSED'}); "
                     f"{t.counted_views:,.0f} of {t.tracked_requests:,} tracked views counted")
        lines.append(f"    rounds tracked {', '.join(f'{x:,.0f}' for x in t.tracked)}; "
                     f"untracked {', '.join(f'{x:,.0f}' for x in t.untracked)} req/s")
    return lines


def comparisons(report: Report) -> list[Comparison]:
    """The same figures as lines of `python -m bench`'s table (ratio < 1: Loa's side is faster)."""
    rows = [Comparison(f"{report.database}: {r.label}", r.rollup, "raw GROUP BY", r.raw, "ms") for r in report.reads]
    if report.throughput is not None:
        t = report.throughput
        rows.append(Comparison(f"{report.database}: tracked portal page, per request", _per_request(t.tracked),
                               "tracking off", _per_request(t.untracked), "ms"))
    return rows


def _per_request(rates: list[float]) -> Timing:
    seconds = [1 / rate for rate in rates]
    return Timing(statistics.median(seconds), min(seconds), max(seconds), len(seconds), 1)


def targets(database: str, sqlite_dir: Path | None) -> list[str]:
    urls = []
    if database in ("sqlite", "both"):
        folder = Path(tempfile.mkdtemp(prefix="loa-bench-reach-", dir=sqlite_dir))
        urls.append(f"sqlite:///{folder / 'reach.db'}")
    if database in ("postgresql", "both"):
        url = bench_url()
        reason = unreachable(url)
        if reason:
            print(f"  PostgreSQL skipped: not reachable at {shown(url)} ({reason}).")
        else:
            urls.append(url)
    return urls


def _clean(url: str) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for file in path.parent.glob(f"{path.name}*"):
            file.unlink()
        path.parent.rmdir()


def run(events: int = EVENTS, database: str = "both", sqlite_dir: Path | None = None,
        http: bool = True) -> list[Comparison]:
    """Each database one after the other (never both at once: they would share the CPU)."""
    rows = []
    for url in targets(database, sqlite_dir):
        try:
            report = bench_database(url, events, http=http)
        finally:
            _clean(url)
        for line in describe(report):
            print(line, flush=True)
        rows += comparisons(report)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reach", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--events", type=int, default=EVENTS, help="reach events to load (default %(default)s)")
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--sqlite-dir", type=Path, default=None, help="where the SQLite file goes (default: /tmp)")
    parser.add_argument("--no-http", action="store_true", help="skip the portal throughput part")
    args = parser.parse_args(argv)
    print(TITLE)
    started = time.perf_counter()
    run(args.events, args.database, args.sqlite_dir, http=not args.no_http)
    print(f"total {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
