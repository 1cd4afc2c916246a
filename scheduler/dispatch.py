"""The dispatch tick: claim what the database says is due, send each in its own transaction."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from campaigns.models import Delivery, DeliveryStatus
from content.db import begin_write
from content.models import MessageStatus
from content.spoken import spoken_text
from content.workflow import SENDABLE
from scheduler.channels import REGISTRY, ChannelError, Outgoing

LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 6
BASE_BACKOFF = timedelta(seconds=30)


@dataclass(frozen=True)
class TickReport:
    claimed: int
    sent: int
    retried: int
    failed: int
    held: int


def _due(now: datetime):
    planned = and_(
        Delivery.status == DeliveryStatus.PLANNED,
        Delivery.due_at <= now,
        or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= now),
    )
    # A claim whose lease ran out belongs to a worker that died mid-send: take it over.
    abandoned = and_(Delivery.status == DeliveryStatus.CLAIMED, Delivery.lease_until < now)
    return or_(planned, abandoned)


def claim_due(session: Session, *, now: datetime, worker: str, limit: int = 100) -> list[int]:
    """Lease up to `limit` due deliveries to this worker; commits so other workers see the claim."""
    begin_write(session)
    query = select(Delivery.id).where(_due(now)).order_by(Delivery.due_at, Delivery.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list(session.scalars(query))
    if ids:
        session.execute(
            update(Delivery).where(Delivery.id.in_(ids))
            .values(status=DeliveryStatus.CLAIMED, claimed_by=worker, lease_until=now + LEASE)
        )
    session.commit()
    return ids


def backoff(attempts: int, *, retry_after: float | None = None) -> timedelta:
    """Exponential with full jitter, but never sooner than the server asked."""
    ceiling = BASE_BACKOFF * (2 ** max(attempts - 1, 0))
    delay = timedelta(seconds=random.uniform(ceiling.total_seconds() / 2, ceiling.total_seconds()))
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def _outgoing(delivery: Delivery, base_url: str) -> Outgoing:
    message = delivery.message
    channel = delivery.channel
    text = delivery.variant or (spoken_text(message) if delivery.station_id else message.summary or message.title)
    return Outgoing(
        delivery_id=delivery.id,
        idempotency_key=delivery.idempotency_key,
        title=message.title,
        text=text,
        html=message.body_html,
        url=f"{base_url.rstrip('/')}/tin/{message.slug}",
        settings=dict(channel.settings) if channel else {},
    )


def send_one(session: Session, delivery_id: int, *, now: datetime, worker: str, base_url: str = "") -> DeliveryStatus:
    """Send one claimed delivery and record the outcome; the caller commits."""
    begin_write(session)
    delivery = session.get(Delivery, delivery_id)
    if delivery is None or delivery.status != DeliveryStatus.CLAIMED or delivery.claimed_by != worker:
        return delivery.status if delivery else DeliveryStatus.CANCELLED
    message = delivery.message
    if message.status not in SENDABLE:
        # Edited after approval: wait for the new text to be approved rather than send the old one.
        delivery.status, delivery.lease_until = DeliveryStatus.HELD, None
        return delivery.status
    kind = "station" if delivery.station_id else delivery.channel.kind.value
    connector = REGISTRY[kind]()
    delivery.attempts += 1
    try:
        external_id = connector.send(_outgoing(delivery, base_url))
    except ChannelError as error:
        delivery.last_error = str(error)
        delivery.lease_until = None
        if error.needs_attention and delivery.channel is not None:
            delivery.channel.needs_attention = str(error)
        if error.retryable and delivery.attempts < MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.PLANNED
            delivery.next_attempt_at = now + backoff(delivery.attempts, retry_after=error.retry_after)
        else:
            delivery.status = DeliveryStatus.FAILED
        return delivery.status
    delivery.external_id = external_id
    delivery.status, delivery.sent_at, delivery.lease_until, delivery.last_error = DeliveryStatus.SENT, now, None, None
    if message.published_at is None:
        message.published_at = now
    message.status = MessageStatus.PUBLISHED
    return delivery.status


def run_tick(
    session_factory: sessionmaker[Session], *, now: datetime, worker: str, base_url: str = "", limit: int = 100
) -> TickReport:
    """One pass of the dispatcher. Each send commits alone, so one bad channel never undoes the rest."""
    with session_factory() as session:
        ids = claim_due(session, now=now, worker=worker, limit=limit)
    outcomes: list[DeliveryStatus] = []
    for delivery_id in ids:
        with session_factory() as session:
            outcomes.append(send_one(session, delivery_id, now=now, worker=worker, base_url=base_url))
            session.commit()
    return TickReport(
        claimed=len(ids),
        sent=outcomes.count(DeliveryStatus.SENT),
        retried=outcomes.count(DeliveryStatus.PLANNED),
        failed=outcomes.count(DeliveryStatus.FAILED),
        held=outcomes.count(DeliveryStatus.HELD),
    )
