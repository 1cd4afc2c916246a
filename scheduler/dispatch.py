"""The dispatch tick: claim what the database says is due, then send, each destination on its own.

Deliveries are grouped by destination and the groups are sent side by side, so a slow or broken
platform only ever holds up its own deliveries. Within a group, the first retryable failure puts
the rest of the group back for later: a platform that is down costs one timeout per tick, not one
per delivery.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Row, and_, select, update
from sqlalchemy.orm import Session, sessionmaker

from campaigns.deliveries import due_planned, runnable
from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from content.db import begin_write
from scheduler.channels import REGISTRY
from scheduler.sending import DispatchSettings, Outcome, send_one

Destination = tuple[str, int | None]  # (connector kind, channel id); ("station", None): stations are all local


@dataclass(frozen=True)
class TickReport:
    claimed: int
    sent: int
    retried: int
    failed: int
    held: int
    deferred: int = 0  # put back untried because their destination had just failed


def _abandoned(now: datetime):
    # A claim whose lease ran out belongs to a worker that died mid-send: take it over.
    return and_(Delivery.status == DeliveryStatus.CLAIMED, Delivery.lease_until < now, runnable())


def claim_due(session: Session, *, now: datetime, worker: str, lease: timedelta = DispatchSettings.lease,
              limit: int = 100) -> list[tuple[int, Destination]]:
    """Lease up to `limit` due deliveries to this worker; commits so other workers see the claim.

    Abandoned claims first, then planned ones, each its own query: one condition per query lets
    the (status, due_at) index hand rows over in order, where an OR of the two made the database
    sort the whole backlog on every claim.
    """
    begin_write(session)
    rows: list[Row[int, int | None, ChannelKind | None]] = []
    for condition in (_abandoned(now), due_planned(now)):
        query = (select(Delivery.id, Delivery.channel_id, Channel.kind)
                 .outerjoin(Channel, Delivery.channel_id == Channel.id).where(condition)
                 .order_by(Delivery.due_at, Delivery.id).limit(limit - len(rows)))
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(of=Delivery, skip_locked=True)
        rows += session.execute(query).all()
        if len(rows) >= limit:
            break
    if rows:
        session.execute(
            update(Delivery).where(Delivery.id.in_([row.id for row in rows]))
            .values(status=DeliveryStatus.CLAIMED, claimed_by=worker, lease_until=now + lease)
        )
    session.commit()
    return [(row.id, (row.kind.value, row.channel_id) if row.channel_id else ("station", None)) for row in rows]


def release(session: Session, ids: list[int], *, worker: str, next_attempt_at: datetime | None) -> int:
    """Hand untried claims back, to be picked up when their destination may work again."""
    if not ids:
        return 0
    begin_write(session)
    result = cast(CursorResult[Any], session.execute(
        update(Delivery)
        .where(Delivery.id.in_(ids), Delivery.status == DeliveryStatus.CLAIMED, Delivery.claimed_by == worker)
        .values(status=DeliveryStatus.PLANNED, claimed_by=None, lease_until=None, next_attempt_at=next_attempt_at)
    ))
    session.commit()
    return result.rowcount


def _send_group(session_factory: sessionmaker[Session], destination: Destination, ids: list[int], *,
                clock: Callable[[], datetime], worker: str, settings: DispatchSettings) -> tuple[list[Outcome], int]:
    connector = REGISTRY[destination[0]](settings.endpoints)
    outcomes: list[Outcome] = []
    for position, delivery_id in enumerate(ids):
        outcome = send_one(session_factory, delivery_id, connector, clock=clock, worker=worker, settings=settings)
        outcomes.append(outcome)
        if outcome.pause_destination:
            with session_factory() as session:
                deferred = release(session, ids[position + 1:], worker=worker, next_attempt_at=outcome.next_attempt_at)
            return outcomes, deferred
    return outcomes, 0


def run_tick(session_factory: sessionmaker[Session], *, now: datetime, worker: str,
             settings: DispatchSettings = DispatchSettings()) -> TickReport:
    """One pass of the dispatcher. Each send commits alone, so one bad channel never undoes the rest.

    `now` decides what is due; leases are renewed at `now` plus the time this tick has taken, so a
    long tick never sends on a lease that has already run out.
    """
    started = time.monotonic()

    def clock() -> datetime:
        return now + timedelta(seconds=time.monotonic() - started)

    with session_factory() as session:
        claims = claim_due(session, now=now, worker=worker, lease=settings.lease, limit=settings.batch)
    groups: dict[Destination, list[int]] = defaultdict(list)
    for delivery_id, destination in claims:
        groups[destination].append(delivery_id)
    results: list[tuple[list[Outcome], int]] = []
    if groups:
        with ThreadPoolExecutor(max_workers=min(settings.parallel, len(groups)), thread_name_prefix="loa-send") as pool:
            futures = [pool.submit(_send_group, session_factory, destination, ids, clock=clock, worker=worker,
                                   settings=settings) for destination, ids in groups.items()]
            results = [future.result() for future in futures]
    statuses = [outcome.status for outcomes, _ in results for outcome in outcomes]
    return TickReport(
        claimed=len(claims),
        sent=statuses.count(DeliveryStatus.SENT),
        retried=statuses.count(DeliveryStatus.PLANNED),
        failed=statuses.count(DeliveryStatus.FAILED),
        held=statuses.count(DeliveryStatus.HELD),
        deferred=sum(deferred for _, deferred in results),
    )
