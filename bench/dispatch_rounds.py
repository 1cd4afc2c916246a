"""One round of the dispatch benchmark: `loa worker` processes sending deliveries that fall due at once.

bench/dispatch_workers.py runs its scenarios from these rounds; tests/test_bench_dispatch_workers.py runs
one at a tiny size. A round counts what the receiver process recorded against what Loa recorded, so a
delivery lost or received twice is reported, never hidden in a rate.
"""

from __future__ import annotations

import math
import os
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bench.dispatch import BASE_URL, insert_deliveries
from bench.fakes.webhook import ReceiverProcess, Record

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    deliveries: int = int(os.environ.get("LOA_BENCH_DELIVERIES", "10000"))
    fail_fraction: float = float(os.environ.get("LOA_BENCH_FAIL_FRACTION", "0.1"))
    lease: float = float(os.environ.get("LOA_BENCH_LEASE_SECONDS", "20"))
    tick: float = float(os.environ.get("LOA_BENCH_TICK_SECONDS", "1"))
    give_up: float = float(os.environ.get("LOA_BENCH_GIVE_UP_SECONDS", "900"))

    @property
    def stall(self) -> float:
        """Seconds without one more delivery sent after which a round is stuck: well past a lease running out."""
        return max(120.0, 4 * self.lease)


# --- the workers --------------------------------------------------------------------------------------------

def worker_env(url: str, key: str, settings: Settings, folder: Path) -> dict[str, str]:
    """What an operator sets for `loa worker`, with the receiver on this machine allowed."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "LOA_DATABASE_URL": url, "LOA_CREDENTIALS_KEY": key, "LOA_SECRET_KEY": "khoa-phien-do-hieu-nang",
            "LOA_TICK_SECONDS": str(settings.tick), "LOA_LEASE_SECONDS": str(settings.lease),
            "LOA_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1", "LOA_BASE_URL": BASE_URL,
            "LOA_ARTIFACTS_DIR": str(folder / "public")}


@contextmanager
def running_workers(count: int, env: dict[str, str], log: Path, *, timeout: float = 60) -> Iterator[list[subprocess.Popen[str]]]:
    """`loa worker` × count, each past its start-up line; stopped (if still alive) when the block ends."""
    workers: list[subprocess.Popen[str]] = []
    try:
        with log.open("a", encoding="utf-8") as errors:
            for _ in range(count):
                workers.append(subprocess.Popen([sys.executable, "-c", "from web.cli import cli; cli()", "worker"],
                                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True))
        for worker in workers:
            assert worker.stdout is not None
            ready, _, _ = select.select([worker.stdout], [], [], timeout)
            line = worker.stdout.readline() if ready else ""
            if "started" not in line:
                raise RuntimeError(f"`loa worker` did not start (said {line!r}); its log:\n{tail(log)}")
        yield workers
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()  # what a service manager sends; it ends the process at once
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
            if worker.stdout is not None:
                worker.stdout.close()


def tail(log: Path, chars: int = 3000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-chars:] if log.exists() else "(no log)"


# --- one round: deliveries due now, workers sending them ----------------------------------------------------

@dataclass(frozen=True)
class Target:
    """Where a round's deliveries go: a webhook channel to one receiver, and who planned them."""

    receiver: ReceiverProcess
    channel_id: int
    approver_id: int


@dataclass(frozen=True)
class Tally:
    """What the receiver and the database say about a round's keys."""

    lost: int  # marked sent, or failed for good, yet never accepted by the receiver
    unsent: int  # not yet sent when the round ended (none when it finished)
    duplicates: int  # requests for a key the receiver had already accepted (it answered them idempotently)
    doubled_keys: int  # keys received more than once
    refused_500: int  # requests the receiver failed on purpose


def tally(keys: set[str], statuses: dict[str, str], record: Record) -> Tally:
    """Compare the round's keys, their delivery status in Loa (key -> status) and what the receiver recorded."""
    accepted = {key for key in record.accepted if key in keys}
    duplicates = [key for key in record.duplicates if key in keys]
    done = {key for key, status in statuses.items() if status in ("sent", "failed")}
    return Tally(lost=len(done - accepted), unsent=len(keys - done), duplicates=len(duplicates),
                 doubled_keys=len(set(duplicates)), refused_500=sum(key in keys for key in record.failed))


@dataclass(frozen=True)
class Round:
    label: str
    workers: int
    count: int
    seconds: float  # from the commit of the due deliveries to the last one sent (or to giving up)
    finished: bool
    lateness: list[float]  # sent_at − due_at in seconds; for unsent deliveries a lower bound
    tally: Tally
    max_attempts: int
    statuses: dict[str, int]
    error: str | None
    killed_after: float | None = None  # seconds from the start to the SIGKILL
    sent_at_kill: int = 0

    @property
    def sent(self) -> int:
        return self.statuses.get("sent", 0)

    @property
    def rate(self) -> float:
        return self.sent / self.seconds

    def progress(self) -> str:
        done = (f"{self.sent:,} sent in {self.seconds:.1f} s" if self.finished
                else f"only {self.sent:,} of {self.count:,} sent when given up at {self.seconds:.0f} s")
        return f"{done}, {self.rate:,.0f}/s"

    @property
    def after_kill(self) -> float:
        assert self.killed_after is not None
        return self.seconds - self.killed_after

    def problems(self) -> list[str]:
        """Anything that makes the figures untrustworthy or the dispatcher wrong, said plainly."""
        found = []
        if not self.finished:
            found.append(f"UNFINISHED: {self.tally.unsent:,} of {self.count:,} deliveries not sent after "
                         f"{self.seconds:.0f} s (statuses {self.statuses}); lateness figures are lower bounds")
        if self.tally.lost:
            found.append(f"LOST: {self.tally.lost:,} deliveries marked sent or failed never reached the receiver")
        failed = self.statuses.get("failed", 0) + self.statuses.get("uncertain", 0)
        if failed:
            found.append(f"GAVE UP: {failed:,} deliveries failed or uncertain (an error: {self.error})")
        return found


def run_round(factory: sessionmaker[Session], env: dict[str, str], log: Path, target: Target, message_id: int, *,
              label: str, workers: int, count: int, settings: Settings, kill_at: float | None = None) -> Round:
    """Start the workers, commit `count` deliveries falling due together a moment later, wait until all are sent
    (SIGKILLing the first worker once `kill_at` of them are, if given), then count what arrived."""
    killed_after, sent_at_kill = None, 0
    with running_workers(workers, env, log) as processes:
        # Planned ahead and due together, as a campaign's are: the clock starts when they fall due, not while
        # they are being written (a commit that outlasts the lead is counted against the dispatcher).
        due = datetime.now(timezone.utc) + timedelta(seconds=max(2.0, count / 5_000))
        with factory() as session:
            insert_deliveries(session, message_id, target.channel_id, target.approver_id, count, due_at=due)
            session.commit()
        started = due.timestamp()
        time.sleep(max(0.0, started - time.time()))
        moved, last = time.monotonic(), -1
        while (sent := count_sent(factory, message_id)) < count:
            if kill_at is not None and killed_after is None and sent >= kill_at * count:
                processes[0].send_signal(signal.SIGKILL)
                killed_after, sent_at_kill = time.time() - started, sent
            if dead := [p.returncode for p in processes[1 if killed_after is not None else 0:] if p.poll() is not None]:
                raise RuntimeError(f"a worker exited ({dead}) in round {label!r}; the log:\n{tail(log)}")
            if sent != last:
                moved, last = time.monotonic(), sent
            if time.monotonic() - moved > settings.stall or time.time() - started > settings.give_up:
                break
            time.sleep(0.2)
        ended = time.time()
    return gather(factory, target, message_id, label=label, workers=workers, count=count, started=started,
                  ended=ended, killed_after=killed_after, sent_at_kill=sent_at_kill)


def count_sent(factory: sessionmaker[Session], message_id: int) -> int:
    from sqlalchemy import func, select

    from campaigns.models import Delivery, DeliveryStatus

    with factory() as session:
        return session.scalar(select(func.count()).where(Delivery.message_id == message_id,
                                                         Delivery.status == DeliveryStatus.SENT)) or 0


def gather(factory: sessionmaker[Session], target: Target, message_id: int, *, label: str, workers: int, count: int,
           started: float, ended: float, killed_after: float | None, sent_at_kill: int) -> Round:
    from sqlalchemy import select, update

    from campaigns.models import Delivery, DeliveryStatus

    with factory() as session:
        rows = session.execute(select(Delivery.idempotency_key, Delivery.status, Delivery.due_at, Delivery.sent_at,
                                      Delivery.attempts).where(Delivery.message_id == message_id)).all()
        error = session.scalar(select(Delivery.last_error).where(Delivery.message_id == message_id,
                                                                 Delivery.last_error.is_not(None)).limit(1))
        # A round given up on must not spill into the next one's workers.
        session.execute(update(Delivery).where(Delivery.message_id == message_id,
                                               Delivery.status.in_((DeliveryStatus.PLANNED, DeliveryStatus.CLAIMED)))
                        .values(status=DeliveryStatus.CANCELLED, claimed_by=None, lease_until=None))
        session.commit()
    statuses = {row.idempotency_key: str(row.status) for row in rows}
    # When each went out; an unsent one counts as sent when the bench stopped waiting (a lower bound).
    sent_at = [row.sent_at.timestamp() if row.status == "sent" and row.sent_at else None for row in rows]
    finished = None not in sent_at and len(rows) == count
    last = max(at for at in sent_at if at is not None) if finished else ended
    lateness = [(ended if at is None else at) - row.due_at.timestamp() for at, row in zip(sent_at, rows)]
    return Round(label, workers, count, last - started, finished, lateness,
                 tally(set(statuses), statuses, target.receiver.read()), max(row.attempts for row in rows),
                 dict(Counter(statuses.values())), error, killed_after, sent_at_kill)


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of all values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def lateness(result: Round) -> str:
    bound = "" if result.finished else "≥ "
    return ", ".join(f"{name} {bound}{percentile(result.lateness, share):.1f} s"
                     for name, share in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)))


def describe(result: Round) -> str:
    t = result.tally
    received = ("lost: none" if not t.lost else f"LOST: {t.lost:,}") + (
        f"; duplicate requests received: {t.duplicates:,} (keys seen more than once: {t.doubled_keys:,})"
        if t.duplicates else "; duplicates received: none")
    failing = f"; {t.refused_500:,} requests answered 500" if t.refused_500 else ""
    return f"lateness {lateness(result)}; {received}{failing}; most attempts {result.max_attempts}"
