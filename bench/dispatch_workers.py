"""Dispatching by real `loa worker` processes on PostgreSQL: throughput, a worker killed mid-run, a failing receiver.

Each worker is the `loa worker` command in its own process (the APScheduler loop operators run, ticking
every LOA_TICK_SECONDS with LOA_LEASE_SECONDS leases), so this measures whatever dispatcher the checkout
has. The receiver is the webhook fake (bench/fakes/webhook.py) in its own process: it checks every
signature and records every idempotency key, so a delivery lost or received twice is counted, not guessed.
Workers are started first; each round's deliveries are committed a moment before they all fall due, and
its clock starts then.

  (a) N deliveries due at once, sent by 1 and then by 2 workers, against a plain sequential loop of
      `requests` POSTs of the same signed bodies to the same receiver (goal: 2 workers at least 2× it);
  (b) 2 workers, one SIGKILLed once a third is sent: time from the kill until the last delivery is sent
      (goal: under 90 s), against the time the 2 workers of (a) took for as many deliveries;
  (c) 2 workers and a receiver answering LOA_BENCH_FAIL_FRACTION (0.1) of requests 500: lateness
      (sent_at − due_at) p50/p95/max (goal: p95 under 60 s), against (a)'s 2 workers with no failures.

    python -m bench.dispatch_workers [--deliveries 1000] [--only a,b,c]

PostgreSQL comes from LOA_BENCH_DATABASE_URL (its public schema is DROPPED and recreated). Sizes and
patience: LOA_BENCH_DELIVERIES (default 10,000), LOA_BENCH_FAIL_FRACTION, LOA_BENCH_LEASE_SECONDS (20),
LOA_BENCH_TICK_SECONDS (1), LOA_BENCH_GIVE_UP_SECONDS (900: a round still unfinished then is reported
as such, with its lateness figures as lower bounds).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bench.dispatch import SECRET, approved_message, connector_body, people, post_loop
from bench.dispatch_rounds import Round, Settings, Target, describe, lateness, percentile, run_round, worker_env
from bench.fakes.webhook import ReceiverProcess, spawn_receiver
from bench.postgres import fresh_database
from bench.timing import Comparison, Timing

TITLE = "Dispatching by `loa worker` processes (PostgreSQL): throughput, a killed worker, a failing receiver"
BASELINE_POSTS = 2_000  # at most, per round of the plain loop; two rounds, before and after the workers


# --- the three scenarios ------------------------------------------------------------------------------------

@dataclass
class Bench:
    """The database, its people and messages, and where the workers' log goes."""

    factory: sessionmaker[Session]
    env: dict[str, str]
    log: Path
    key: str
    settings: Settings
    province_id: int
    editor_id: int
    approver_id: int
    made: int = 0

    def message(self) -> int:
        """A fresh approved message: each round's deliveries hang off their own."""
        from content.models import Area, User

        self.made += 1
        with self.factory() as session:
            message = approved_message(session, session.get_one(Area, self.province_id),
                                       session.get_one(User, self.editor_id), session.get_one(User, self.approver_id),
                                       self.made)
            session.commit()
            return message.id

    def target(self, receiver: ReceiverProcess, name: str) -> Target:
        from campaigns.credentials import set_channel_secret
        from campaigns.models import Channel, ChannelKind

        with self.factory() as session:
            channel = Channel(kind=ChannelKind.WEBHOOK, name=name, settings={"url": receiver.url})
            set_channel_secret(channel, self.key, SECRET)
            session.add(channel)
            session.commit()
            return Target(receiver, channel.id, self.approver_id)

    def round(self, target: Target, label: str, workers: int, kill_at: float | None = None) -> Round:
        result = run_round(self.factory, self.env, self.log, target, self.message(), label=label, workers=workers,
                           count=self.settings.deliveries, settings=self.settings, kill_at=kill_at)
        for problem in result.problems():
            print(f"  !! {label}: {problem}", flush=True)
        return result


def make_bench(factory: sessionmaker[Session], url: str, key: str, settings: Settings, folder: Path) -> Bench:
    with factory() as session:
        province, editor, approver = people(session)
        session.commit()
        ids = province.id, editor.id, approver.id
    return Bench(factory, worker_env(url, key, settings, folder), folder / "workers.log", key, settings, *ids)


def scenario_throughput(bench: Bench, target: Target) -> tuple[list[Comparison], Round]:
    body = connector_body(bench.factory, bench.key, target.channel_id, bench.message(), bench.approver_id)
    posts = min(BASELINE_POSTS, bench.settings.deliveries)
    loop = [post_loop(target.receiver.url, body, posts)]
    rounds = [bench.round(target, f"(a) {workers} worker{'s' if workers > 1 else ''}", workers) for workers in (1, 2)]
    loop.append(post_loop(target.receiver.url, body, posts))
    baseline = Timing.from_rounds(loop, posts)
    plain = 1 / baseline.median
    print(f"  plain sequential requests POST loop: {plain:,.0f}/s (median of 2 rounds × {posts:,} POSTs)")
    for result in rounds:
        print(f"  {result.label}: {result.progress()} = {result.rate / plain:.2f}× the plain loop; {describe(result)}")
    two = rounds[1].rate / plain
    met = two >= 2 and rounds[1].finished
    print(f"  goal: 2 workers ≥ 2× the plain loop — {'met' if met else 'NOT met'} ({two:.2f}×)", flush=True)
    rows = [Comparison(f"{r.label}: {r.count:,} deliveries, {r.rate:,.0f}/s", per_delivery(r),
                       f"requests POST loop, {plain:,.0f}/s", baseline, "ms") for r in rounds]
    return rows, rounds[1]


def scenario_kill(bench: Bench, target: Target, undisturbed: Round) -> Comparison:
    result = bench.round(target, "(b) 2 workers, one SIGKILLed", 2, kill_at=1 / 3)
    if result.killed_after is None:
        print("  !! (b): the round ended before a third was sent, so no worker was killed")
        return Comparison("(b) kill → last sent: no kill", per_delivery(result), "undisturbed", per_delivery(undisturbed), "s")
    remaining = result.count - result.sent_at_kill
    expected = remaining / undisturbed.rate
    print(f"  (b): worker 1 SIGKILLed at {result.killed_after:.1f} s with {result.sent_at_kill:,} of {result.count:,} sent;"
          f" kill → last delivery sent {result.after_kill:.1f} s, start → all sent {result.seconds:.1f} s; "
          f"{describe(result)}")
    print(f"  (b): 2 undisturbed workers ((a)'s rate) send the other {remaining:,} in {expected:.1f} s: "
          f"{result.after_kill / expected:.2f}× that", flush=True)
    print(f"  goal: kill → last sent under 90 s — {'met' if result.finished and result.after_kill < 90 else 'NOT met'}")
    return Comparison(f"(b) kill → last sent, {remaining:,} left", Timing.from_rounds([result.after_kill], 1),
                      "the same left, undisturbed", Timing.from_rounds([expected], 1), "s")


def scenario_failing(bench: Bench, target: Target, undisturbed: Round) -> Comparison:
    share = bench.settings.fail_fraction
    result = bench.round(target, f"(c) 2 workers, receiver failing {share:.0%}", 2)
    p95, base95 = percentile(result.lateness, 0.95), percentile(undisturbed.lateness, 0.95)
    bound = "" if result.finished else "≥ "
    print(f"  (c): {result.progress()}; {describe(result)}")
    print(f"  (c): no failures ((a), 2 workers): lateness {lateness(undisturbed)}", flush=True)
    print(f"  goal: p95 lateness under 60 s — {'met' if result.finished and p95 < 60 else 'NOT met'} "
          f"({bound}{p95:.1f} s)")
    return Comparison(f"(c) p95 lateness, {share:.0%} failing", Timing.from_rounds([p95], 1),
                      "p95 lateness, no failures", Timing.from_rounds([base95], 1), "s")


def per_delivery(result: Round) -> Timing:
    return Timing.from_rounds([result.seconds / max(result.sent, 1)], result.sent)


# --- running it ---------------------------------------------------------------------------------------------

def run(settings: Settings | None = None, only: str = "abc") -> list[Comparison]:
    settings = settings or Settings()
    url = fresh_database()
    if url is None:
        return []
    from campaigns.credentials import generate_key
    from content.db import make_engine, make_session_factory

    print(f"  {settings.deliveries:,} deliveries a round; tick {settings.tick:g} s, lease {settings.lease:g} s; "
          f"rounds give up after {settings.give_up:.0f} s, or {settings.stall:.0f} s with nothing sent", flush=True)
    engine = make_engine(url)
    rows: list[Comparison] = []
    try:
        with tempfile.TemporaryDirectory(prefix="loa-bench-workers-") as tmpdir:
            folder = Path(tmpdir)
            bench = make_bench(make_session_factory(engine), url, generate_key(), settings, folder)
            with spawn_receiver(SECRET, folder / "received.jsonl") as receiver:
                target = bench.target(receiver, "Webhook đo hiệu năng")
                throughput, undisturbed = scenario_throughput(bench, target)
                rows += throughput if "a" in only else []
                if "b" in only:
                    rows.append(scenario_kill(bench, target, undisturbed))
            if "c" in only:
                with spawn_receiver(SECRET, folder / "failing.jsonl", fail_fraction=settings.fail_fraction) as failing:
                    rows.append(scenario_failing(bench, bench.target(failing, "Webhook hay lỗi"), undisturbed))
    finally:
        engine.dispose()
    return rows


def main(argv: list[str] | None = None) -> int:
    from bench.timing import format_table

    defaults = Settings()
    parser = argparse.ArgumentParser(prog="python -m bench.dispatch_workers", description=TITLE)
    parser.add_argument("--deliveries", type=int, default=defaults.deliveries, help="a round (default %(default)s)")
    parser.add_argument("--fail-fraction", type=float, default=defaults.fail_fraction)
    parser.add_argument("--lease", type=float, default=defaults.lease, help="LOA_LEASE_SECONDS for the workers")
    parser.add_argument("--tick", type=float, default=defaults.tick, help="LOA_TICK_SECONDS for the workers")
    parser.add_argument("--give-up", type=float, default=defaults.give_up, help="seconds a round may take")
    parser.add_argument("--only", default="abc", help="scenarios to run: a, b, c (a always runs: the others' baseline)")
    args = parser.parse_args(argv)
    print(TITLE)
    started = time.perf_counter()
    rows = run(Settings(args.deliveries, args.fail_fraction, args.lease, args.tick, args.give_up), args.only)
    for line in format_table(rows) if rows else []:
        print(line)
    print(f"total {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
