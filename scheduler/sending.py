"""Sending a claimed group: prepare it in one transaction, send each outside any transaction, record each at once.

No database transaction is open while a platform is being called: on SQLite a write transaction
locks the whole database, and a slow platform would stall every writer (editors included) for
as long as it takes to answer. A group's deliveries, messages, revisions, images and channels are
loaded by one query; each outcome is recorded by one guarded UPDATE as soon as the platform answers,
so a crash leaves at most the send in flight unrecorded (and the "uncertain" status covers that one) —
except where the receiver drops a repeated idempotency key (webhooks): there a group's answers are recorded
together, one commit for the group, and a crash may leave the group's sends to be repeated and dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Update, func, select, update
from sqlalchemy.orm import Session, joinedload, sessionmaker

from campaigns.credentials import CredentialError
from campaigns.links import short_link, short_link_path
from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from campaigns.publication import PUBLIC_WEB
from campaigns.variants import SOCIAL, social_variant
from campaigns.websub import announce
from content.consent_masking import public_text
from content.db import begin_write
from content.models import MediaItem, Message, MessageStatus
from content.public_forms import spoken_for
from content.workflow import SENDABLE
from scheduler.backoff import backoff
from scheduler.channels import ChannelError, Connector, Endpoints, Outgoing

LEASE_SECONDS = 60
MAX_ATTEMPTS = 6


@dataclass(frozen=True)
class DispatchSettings:
    """What a worker needs to know beyond the database; the web layer fills it from configuration."""

    base_url: str = ""
    # LOA_LEASE_SECONDS: how long a claim holds without its worker's heartbeat; a dead worker's claims are
    # free again this long after its last beat.
    lease: timedelta = timedelta(seconds=LEASE_SECONDS)
    max_attempts: int = MAX_ATTEMPTS
    batch: int = 10  # a claim's group: small, so a dead worker strands little and an emergency waits little
    parallel: int = 8  # destinations sent to at the same time
    # Platform API addresses and private webhook hosts, from the operator's settings.
    endpoints: Endpoints = Endpoints()
    # How a channel's stored secret becomes usable (decryption lives with the configuration key).
    unseal: Callable[[str], str] | None = None
    # The public path of an image; the web layer owns its URLs.
    media_path: Callable[[MediaItem], str] | None = None
    # The public path of a message's page, likewise; without it a post carries no page address.
    message_path: Callable[[Message], str] | None = None
    # LOA_WEBSUB_HUB: when set, a portal or feed send queues pings for the feeds it changed (campaigns.websub).
    websub_hub: str = ""


@dataclass(frozen=True)
class Outcome:
    status: DeliveryStatus | None  # None: not ours to send any more (another worker has it)
    next_attempt_at: datetime | None = None
    # The channel's credential or address was refused: nothing else of the destination can go now.
    stop_destination: bool = False
    error: ChannelError | None = None  # the platform's answer, for the destination's health (scheduler.pauses)


def _absolute(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}"


def build_outgoing(session: Session, delivery: Delivery, settings: DispatchSettings, *, now: datetime) -> Outgoing:
    """What the platform gets: the forms the public reads, stored with the message's revision (content.public_forms).

    A per-delivery wording is not stored with the revision, so it is masked here, as it goes out.
    """
    message, channel = delivery.message, delivery.channel
    public = message.current_revision
    image = message.image
    image_url = _absolute(settings.base_url, settings.media_path(image)) if image and settings.media_path else None
    link = None
    if channel is not None and channel.kind in SOCIAL and settings.base_url:
        link = _absolute(settings.base_url, short_link_path(short_link(session, message, channel, now=now)))
        if delivery.variant is None:
            # Kept on the row: what went out is on record, and a retry sends the same words.
            delivery.variant = social_variant(message, channel.kind, with_image=image_url is not None,
                                              link_length=len(link))
    elif channel is not None and channel.kind in SOCIAL and channel.kind is not ChannelKind.WEBHOOK:
        # A post without its link would send readers nowhere; a webhook's receiver may want the text alone.
        raise ChannelError("Chưa cấu hình địa chỉ công khai của Loa (LOA_BASE_URL), nên không tạo được đường dẫn "
                           "trong bài đăng mạng xã hội.", retryable=False, needs_attention=True)
    if delivery.variant:
        text = public_text(message, delivery.variant)
    elif delivery.station_id:
        text = spoken_for(message)
    else:
        text = public.public_summary or public.public_title
    sealed = channel.secret_ciphertext if channel else None
    try:
        secret = settings.unseal(sealed) if sealed and settings.unseal else None
    except CredentialError as error:
        raise ChannelError(str(error), retryable=False, needs_attention=True) from None
    return Outgoing(
        delivery_id=delivery.id,
        idempotency_key=delivery.idempotency_key,
        title=public.public_title,
        text=text,
        html=public.public_html,
        url=(_absolute(settings.base_url, settings.message_path(message))
             if settings.message_path and settings.base_url else ""),
        settings=dict(channel.settings) if channel else {},
        secret=secret,
        image_url=image_url,
        link=link,
    )


@dataclass(frozen=True)
class Prepared:
    outgoing: Outgoing
    message_id: int
    attempts: int  # this one included: counted when claimed, so a crash mid-send still counts
    publishes: bool  # the message is not published yet: this send, if it succeeds, publishes it
    announces: bool  # a portal or feed send: WebSub hears of it


def prepare_group(session_factory: sessionmaker[Session], ids: list[int], *, now: datetime, worker: str,
                  settings: DispatchSettings) -> tuple[list[Prepared], list[Outcome]]:
    """What each of our claimed deliveries sends, in claim order; the outcomes of those that cannot go as things stand."""
    prepared: list[Prepared] = []
    settled: list[Outcome] = []
    with session_factory() as session:
        begin_write(session)
        query = (select(Delivery).where(Delivery.id.in_(ids))
                 .options(joinedload(Delivery.message).joinedload(Message.current_revision),
                          joinedload(Delivery.message).joinedload(Message.image), joinedload(Delivery.channel)))
        found = {delivery.id: delivery for delivery in session.scalars(query).unique()}
        for delivery_id in ids:
            delivery = found.get(delivery_id)
            if delivery is None or delivery.status is not DeliveryStatus.CLAIMED or delivery.claimed_by != worker:
                settled.append(Outcome(None))  # cancelled, moved, or taken over after our lease ran out
            elif delivery.message.status not in SENDABLE:
                # Edited after approval: wait for the new text to be approved rather than send the old one.
                delivery.status, delivery.claimed_by, delivery.lease_until = DeliveryStatus.HELD, None, None
                delivery.attempts -= 1  # counted when claimed, never tried
                settled.append(Outcome(DeliveryStatus.HELD))
            else:
                try:
                    outgoing = build_outgoing(session, delivery, settings, now=now)
                except ChannelError as error:  # nothing can be sent as things stand (no key, no public address)
                    settled.append(_apply(delivery, failure(error, delivery.attempts, settings, now=now)))
                    continue
                kind = delivery.channel.kind if delivery.channel is not None else None
                prepared.append(Prepared(outgoing, delivery.message_id, delivery.attempts,
                                         publishes=delivery.message.status is not MessageStatus.PUBLISHED,
                                         announces=kind in PUBLIC_WEB))
        session.commit()
    return prepared, settled


@dataclass(frozen=True)
class Failure:
    status: DeliveryStatus
    next_attempt_at: datetime | None
    flag_channel: bool  # a person must fix the channel (credential, address) before it sends again
    outcome: Outcome


def failure(error: ChannelError, attempts: int, settings: DispatchSettings, *, now: datetime,
            deduplicates: bool = False) -> Failure:
    """What a failed send leaves: retried alone after its own backoff, waiting for a person, or failed for good."""
    if error.ambiguous and not deduplicates:
        # It may be on the platform already, which could not tell a second copy: a person decides.
        return Failure(DeliveryStatus.UNCERTAIN, None, False, Outcome(DeliveryStatus.UNCERTAIN, error=error))
    if error.needs_attention:
        if error.final:
            return Failure(DeliveryStatus.FAILED, None, True,
                           Outcome(DeliveryStatus.FAILED, stop_destination=True, error=error))
        # Not this delivery's fault: it waits, with the channel's others, until someone fixes it.
        return Failure(DeliveryStatus.PLANNED, None, True,
                       Outcome(DeliveryStatus.PLANNED, stop_destination=True, error=error))
    if error.retryable and attempts < settings.max_attempts:
        at = now + backoff(attempts, retry_after=error.retry_after)
        return Failure(DeliveryStatus.PLANNED, at, False, Outcome(DeliveryStatus.PLANNED, at, error=error))
    return Failure(DeliveryStatus.FAILED, None, False, Outcome(DeliveryStatus.FAILED, error=error))


def _apply(delivery: Delivery, result: Failure) -> Outcome:
    delivery.status, delivery.next_attempt_at = result.status, result.next_attempt_at
    delivery.claimed_by, delivery.lease_until = None, None
    if result.outcome.error is not None:
        delivery.last_error = str(result.outcome.error)
        if result.flag_channel and delivery.channel is not None:
            delivery.channel.needs_attention = str(result.outcome.error)
    return result.outcome


def _changed(session: Session, statement: Update) -> bool:
    return cast(CursorResult[Any], session.execute(statement)).rowcount > 0


@dataclass(frozen=True)
class Answer:
    """What the platform said to one send, and when."""

    prepared: Prepared
    at: datetime
    external_id: str | None = None
    error: ChannelError | None = None


def ask(connector: Connector, prepared: Prepared, clock: Callable[[], datetime]) -> Answer:
    """Send outside any transaction."""
    try:
        external_id = connector.send(prepared.outgoing)
    except ChannelError as error:
        return Answer(prepared, clock(), error=error)
    return Answer(prepared, clock(), external_id=external_id)


def _succeeded(session: Session, answer: Answer, settings: DispatchSettings) -> Outcome:
    """One UPDATE: recorded even if our lease lapsed meanwhile (the platform has it, and the idempotency key lets
    the receiver drop the copy a worker that took over might send); claimed_by stays, saying who sent it."""
    prepared, now = answer.prepared, answer.at
    if not _changed(session, update(Delivery).where(Delivery.id == prepared.outgoing.delivery_id,
                                                    Delivery.status != DeliveryStatus.SENT)
                    .values(status=DeliveryStatus.SENT, sent_at=now, external_id=answer.external_id, lease_until=None,
                            last_error=None, next_attempt_at=None)):
        return Outcome(None)
    if prepared.publishes:
        # A plain UPDATE, not the ORM's versioned one: several destinations of one message are recorded at once
        # from parallel senders, and publishing is not an edit an editor could conflict with. Only from approved
        # or scheduled: a message sent back to review while this send was in flight stays in review.
        session.execute(
            update(Message).where(Message.id == prepared.message_id,
                                  Message.status.in_(SENDABLE - {MessageStatus.PUBLISHED}))
            .values(status=MessageStatus.PUBLISHED, published_at=func.coalesce(Message.published_at, now))
            .execution_options(synchronize_session=False))
    if settings.websub_hub and prepared.announces:
        message = session.get(Message, prepared.message_id)
        assert message is not None
        announce(session, message, base_url=settings.base_url, now=now)
    return Outcome(DeliveryStatus.SENT)


def _failed(session: Session, answer: Answer, error: ChannelError, *, worker: str, settings: DispatchSettings,
            deduplicates: bool) -> Outcome:
    """One guarded UPDATE (two when the channel must be flagged): if another worker owns it now, its outcome stands."""
    delivery_id = answer.prepared.outgoing.delivery_id
    result = failure(error, answer.prepared.attempts, settings, now=answer.at, deduplicates=deduplicates)
    if not _changed(session, update(Delivery).where(
            Delivery.id == delivery_id, Delivery.status == DeliveryStatus.CLAIMED, Delivery.claimed_by == worker)
            .values(status=result.status, next_attempt_at=result.next_attempt_at, claimed_by=None, lease_until=None,
                    last_error=str(error))):
        return Outcome(None)
    if result.flag_channel:
        session.execute(update(Channel).where(Channel.id == select(Delivery.channel_id).where(
            Delivery.id == delivery_id).scalar_subquery()).values(needs_attention=str(error)))
    return result.outcome


def record(session_factory: sessionmaker[Session], answers: list[Answer], *, worker: str, settings: DispatchSettings,
           deduplicates: bool) -> list[Outcome]:
    """What the platform said to one send or several, in one transaction."""
    if not answers:
        return []
    with session_factory() as session:
        outcomes = [_succeeded(session, answer, settings) if answer.error is None else
                    _failed(session, answer, answer.error, worker=worker, settings=settings, deduplicates=deduplicates)
                    for answer in answers]
        session.commit()
    return outcomes


def transmit(connector: Connector, prepared: Prepared, session_factory: sessionmaker[Session], *,
             clock: Callable[[], datetime], worker: str, settings: DispatchSettings) -> Outcome:
    """Send, then record what the platform said at once."""
    [outcome] = record(session_factory, [ask(connector, prepared, clock)], worker=worker, settings=settings,
                       deduplicates=getattr(connector, "deduplicates", False))
    return outcome


def send_one(session_factory: sessionmaker[Session], delivery_id: int, connector: Connector, *,
             clock: Callable[[], datetime], worker: str, settings: DispatchSettings) -> Outcome:
    """Send one claimed delivery: prepare, transmit, record."""
    prepared, settled = prepare_group(session_factory, [delivery_id], now=clock(), worker=worker, settings=settings)
    if settled:
        return settled[0]
    return transmit(connector, prepared[0], session_factory, clock=clock, worker=worker, settings=settings)
