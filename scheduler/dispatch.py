"""The dispatch tick: sending threads each claim a small group of one destination, the most pressing first.

Each of `settings.parallel` threads loops: claim up to `settings.batch` due deliveries of one destination
(an emergency's first, then claims whose worker died, then the oldest due), send them one by one, record
each at once, claim again — until nothing is due. So a new emergency waits for at most one send per
thread, never for a backlog; a slow platform holds up only the thread sending to it; and several threads
may send to one busy destination side by side. A failure backs off that delivery alone; only evidence the
destination itself is down or throttling pauses it (scheduler.pauses), and then this thread hands the
rest of its group back untried. Claims carry a short lease that the heartbeat renews while the tick runs
(scheduler.heartbeat): a worker that dies frees its claims within one lease.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Row, and_, select, update
from sqlalchemy.orm import Session, sessionmaker

from campaigns.deliveries import due_planned, runnable
from campaigns.models import Channel, Delivery, DeliveryStatus
from content.db import begin_write
from scheduler.backoff import BASE_BACKOFF
from scheduler.channels import REGISTRY, Connector
from scheduler.heartbeat import Heartbeat
from scheduler.pauses import DestinationHealth
from scheduler.sending import Answer, DispatchSettings, Outcome, ask, prepare_group, record

Destination = tuple[str, int | None]  # (connector kind, channel id); ("station", None): stations are all local
Claimed = Row[Any]
log = logging.getLogger("loa.scheduler")


@dataclass(frozen=True)
class TickReport:
    claimed: int
    sent: int
    retried: int
    failed: int
    held: int
    deferred: int = 0  # handed back untried because their destination was paused or stopped
    uncertain: int = 0  # may have reached a platform that cannot tell a repeat: a person decides


@dataclass
class _Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    claimed: int = 0
    deferred: int = 0
    statuses: list[DeliveryStatus | None] = field(default_factory=list)

    def add(self, *, claimed: int = 0, deferred: int = 0, outcomes: tuple[Outcome, ...] = ()) -> None:
        with self.lock:
            self.claimed += claimed
            self.deferred += deferred
            self.statuses += [outcome.status for outcome in outcomes]

    def report(self) -> TickReport:
        count = self.statuses.count
        return TickReport(claimed=self.claimed, sent=count(DeliveryStatus.SENT), retried=count(DeliveryStatus.PLANNED),
                          failed=count(DeliveryStatus.FAILED), held=count(DeliveryStatus.HELD), deferred=self.deferred,
                          uncertain=count(DeliveryStatus.UNCERTAIN))


def _abandoned(now: datetime):
    # A claim whose lease ran out belongs to a worker that died mid-send: take it over.
    return and_(Delivery.status == DeliveryStatus.CLAIMED, Delivery.lease_until < now, runnable(now))


def _first(session: Session, condition: Any, limit: int) -> list[Claimed]:
    query = (select(Delivery.id, Delivery.channel_id, Channel.kind).outerjoin(Channel, Delivery.channel_id == Channel.id)
             .where(condition).order_by(Delivery.due_at, Delivery.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Delivery, skip_locked=True)
    return cast(list[Claimed], list(session.execute(query).all()))


def _destination(row: Claimed) -> Destination:
    return (row.kind.value, row.channel_id) if row.channel_id is not None and row.kind else ("station", None)


def claim_due(session: Session, *, now: datetime, worker: str, lease: timedelta = DispatchSettings.lease,
              limit: int = 100) -> list[tuple[int, Destination]]:
    """Lease up to `limit` due deliveries of one destination to this worker, counting the attempt; commits.

    The most pressing delivery decides the destination — an emergency's, else a claim whose worker died,
    else the oldest due — and the rest of the group is that destination's oldest due. One condition per
    query, so the (status, urgent, due_at) and (status, due_at) indexes hand rows over in order.
    """
    begin_write(session)
    rows: list[Claimed] = []
    for condition in (and_(due_planned(now), Delivery.urgent.is_(True)), _abandoned(now), due_planned(now)):
        rows = _first(session, condition, 1)
        if rows:
            break
    if rows and limit > 1:
        first = rows[0]
        same = (Delivery.channel_id == first.channel_id if first.channel_id is not None
                else Delivery.station_id.is_not(None))
        rows += _first(session, and_(due_planned(now), same, Delivery.id != first.id), limit - 1)
    if rows:
        session.execute(update(Delivery).where(Delivery.id.in_([row.id for row in rows])).values(
            status=DeliveryStatus.CLAIMED, claimed_by=worker, lease_until=now + lease, attempts=Delivery.attempts + 1))
    session.commit()
    return [(row.id, _destination(row)) for row in rows]


def release(session: Session, ids: list[int], *, worker: str, next_attempt_at: datetime | None) -> int:
    """Hand untried claims back, the attempt their claim counted undone."""
    if not ids:
        return 0
    begin_write(session)
    result = cast(CursorResult[Any], session.execute(
        update(Delivery)
        .where(Delivery.id.in_(ids), Delivery.status == DeliveryStatus.CLAIMED, Delivery.claimed_by == worker)
        .values(status=DeliveryStatus.PLANNED, claimed_by=None, lease_until=None, next_attempt_at=next_attempt_at,
                attempts=Delivery.attempts - 1)
    ))
    session.commit()
    return result.rowcount


@dataclass(frozen=True)
class _Sender:
    session_factory: sessionmaker[Session]
    clock: Callable[[], datetime]
    worker: str
    settings: DispatchSettings
    health: DestinationHealth
    tally: _Tally
    on_published: Callable[[], None] | None

    def run(self) -> None:
        """Claim, send and record until nothing more is due."""
        connectors: dict[str, Connector] = {}  # one per platform and thread: its connections stay open
        while True:
            with self.session_factory() as session:
                claims = claim_due(session, now=self.clock(), worker=self.worker, lease=self.settings.lease,
                                   limit=self.settings.batch)
            if not claims:
                return
            kind, channel_id = claims[0][1]
            if kind not in connectors:
                connectors[kind] = REGISTRY[kind](self.settings.endpoints)
            self.tally.add(claimed=len(claims))
            ids = [delivery_id for delivery_id, _ in claims]
            try:
                self._send_group(connectors[kind], channel_id, ids)
            except Exception:
                # The database went away mid-group, or a bug: what is still ours goes back, a little later, and
                # this thread goes on (a thread that died would leave its claims to wait out their lease).
                log.exception("dispatch %s: a group for %s failed; its unsent deliveries are put back", self.worker,
                              kind)
                with self.session_factory() as session:
                    release(session, ids, worker=self.worker, next_attempt_at=self.clock() + BASE_BACKOFF)

    def _send_group(self, connector: Connector, channel_id: int | None, ids: list[int]) -> None:
        prepared, settled = prepare_group(self.session_factory, ids, now=self.clock(), worker=self.worker,
                                          settings=self.settings)
        self.tally.add(outcomes=tuple(settled))
        # A receiver that drops a repeated key lets the group's answers wait for one commit; elsewhere each answer
        # is on record before the next send, so a crash can leave at most one send unrecorded.
        deduplicates = getattr(connector, "deduplicates", False)
        waiting: list[Answer] = []
        stopped = any(outcome.stop_destination for outcome in settled)
        for position, item in enumerate(prepared):
            if stopped or self.health.is_paused(channel_id):
                with self.session_factory() as session:
                    untried = [p.outgoing.delivery_id for p in prepared[position:]]
                    self.tally.add(deferred=release(session, untried, worker=self.worker, next_attempt_at=None))
                break
            answer = ask(connector, item, self.clock)
            waiting.append(answer)
            if not deduplicates:
                self._record(waiting, deduplicates)
                waiting = []
            if answer.error is None:
                self.health.succeeded(channel_id)
            else:
                stopped = answer.error.needs_attention or self.health.failed(channel_id, answer.error,
                                                                             now=answer.at)
        self._record(waiting, deduplicates)

    def _record(self, answers: list[Answer], deduplicates: bool) -> None:
        outcomes = record(self.session_factory, answers, worker=self.worker, settings=self.settings,
                          deduplicates=deduplicates)
        self.tally.add(outcomes=tuple(outcomes))
        if self.on_published is not None and any(
                outcome.status is DeliveryStatus.SENT and answer.prepared.announces
                for answer, outcome in zip(answers, outcomes, strict=True)):
            self.on_published()


def run_tick(session_factory: sessionmaker[Session], *, now: datetime, worker: str,
             settings: DispatchSettings = DispatchSettings(),
             on_published: Callable[[], None] | None = None) -> TickReport:
    """Send until nothing is due. `now` decides what is due, moved on by the time this tick has taken;
    `on_published` is called after each portal or feed send (the web's files are written at once)."""
    started = time.monotonic()

    def clock() -> datetime:
        return now + timedelta(seconds=time.monotonic() - started)

    tally = _Tally()
    sender = _Sender(session_factory, clock, worker, settings, DestinationHealth(session_factory), tally,
                     on_published)
    with Heartbeat(session_factory, worker=worker, lease=settings.lease, clock=clock):
        with ThreadPoolExecutor(max_workers=settings.parallel, thread_name_prefix="loa-send") as pool:
            for future in [pool.submit(sender.run) for _ in range(settings.parallel)]:
                future.result()
    return tally.report()
