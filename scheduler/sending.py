"""Sending one claimed delivery: check the claim, send outside any transaction, record the outcome.

No database transaction is open while a platform is being called: on SQLite a write transaction
locks the whole database, and a slow platform would stall every writer (editors included) for
as long as it takes to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload, sessionmaker

from campaigns.credentials import CredentialError
from campaigns.links import short_link
from campaigns.models import Delivery, DeliveryStatus
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
    batch: int = 100
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
    pause_destination: bool = False  # a retryable failure or a rejected credential: stop this tick


def _lock(session: Session, delivery_id: int, *, with_related: bool = False) -> Delivery | None:
    begin_write(session)
    query = select(Delivery).where(Delivery.id == delivery_id)
    if with_related:  # one query instead of three lazy loads on every send
        query = query.options(joinedload(Delivery.message), joinedload(Delivery.channel))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Delivery)
    return session.scalar(query)


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
    if channel is not None and channel.kind in SOCIAL:
        if not settings.base_url:
            raise ChannelError("Chưa cấu hình địa chỉ công khai của Loa (LOA_BASE_URL), nên không tạo được đường dẫn "
                               "trong bài đăng mạng xã hội.", retryable=False, needs_attention=True)
        link = _absolute(settings.base_url, f"/r/{short_link(session, message, channel, now=now).code}")
        if delivery.variant is None:
            # Kept on the row: what went out is on record, and a retry sends the same words.
            delivery.variant = social_variant(message, channel.kind, with_image=image_url is not None,
                                              link_length=len(link))
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
        url=_absolute(settings.base_url, settings.message_path(message)) if settings.message_path else "",
        settings=dict(channel.settings) if channel else {},
        secret=secret,
        image_url=image_url,
        link=link,
    )


@dataclass(frozen=True)
class Prepared:
    outgoing: Outgoing
    publishes: bool  # the message is not published yet: this send, if it succeeds, publishes it


def _prepare(session: Session, delivery_id: int, *, now: datetime, worker: str,
             settings: DispatchSettings) -> Prepared | Outcome:
    """Renew our claim and count the attempt before calling out, so a crash mid-send still counts."""
    delivery = _lock(session, delivery_id, with_related=True)
    if delivery is None or delivery.status is not DeliveryStatus.CLAIMED or delivery.claimed_by != worker:
        return Outcome(None)  # cancelled, moved, or taken over after our lease ran out
    if delivery.message.status not in SENDABLE:
        # Edited after approval: wait for the new text to be approved rather than send the old one.
        delivery.status, delivery.claimed_by, delivery.lease_until = DeliveryStatus.HELD, None, None
        return Outcome(DeliveryStatus.HELD)
    # Holding the row lock, no one can take it over between this check and the renewal.
    delivery.lease_until = now + settings.lease
    delivery.attempts += 1
    try:
        return Prepared(build_outgoing(session, delivery, settings, now=now),
                        publishes=delivery.message.status is not MessageStatus.PUBLISHED)
    except ChannelError as error:  # nothing can be sent as things stand (no key, no public address)
        return _record_failure(delivery, error, now, settings)


def _record_success(session: Session, delivery: Delivery, external_id: str | None, now: datetime, *,
                    publishes: bool, settings: DispatchSettings) -> Outcome:
    # Recorded even if our lease lapsed meanwhile: the platform has it, and the idempotency key
    # lets the receiver drop the copy a worker that took over might send.
    delivery.external_id = external_id
    delivery.status, delivery.sent_at = DeliveryStatus.SENT, now
    # claimed_by stays: it says which worker sent it.
    delivery.lease_until, delivery.last_error, delivery.next_attempt_at = None, None, None
    if settings.websub_hub and delivery.channel is not None and delivery.channel.kind in PUBLIC_WEB:
        announce(session, delivery.message, base_url=settings.base_url, now=now)
    if not publishes:
        return Outcome(DeliveryStatus.SENT)
    # A plain UPDATE, not the ORM's versioned one: several destinations of one message are recorded
    # at once from parallel senders, and publishing is not an edit an editor could conflict with.
    session.execute(
        update(Message).where(Message.id == delivery.message_id, Message.status != MessageStatus.PUBLISHED)
        .values(status=MessageStatus.PUBLISHED, published_at=func.coalesce(Message.published_at, now))
        .execution_options(synchronize_session=False)
    )
    return Outcome(DeliveryStatus.SENT)


def _record_failure(delivery: Delivery, error: ChannelError, now: datetime, settings: DispatchSettings, *,
                    deduplicates: bool = False) -> Outcome:
    delivery.last_error = str(error)
    delivery.claimed_by, delivery.lease_until = None, None
    if error.ambiguous and not deduplicates:
        # It may be on the platform already, which could not tell a second copy: a person decides.
        delivery.status = DeliveryStatus.UNCERTAIN
        return Outcome(DeliveryStatus.UNCERTAIN)
    if error.needs_attention and delivery.channel is not None:
        delivery.channel.needs_attention = str(error)
        if error.final:
            delivery.status = DeliveryStatus.FAILED
            return Outcome(DeliveryStatus.FAILED, pause_destination=True)
        # Not this delivery's fault: it waits, with the channel's others, until someone fixes it.
        delivery.status, delivery.next_attempt_at = DeliveryStatus.PLANNED, None
        return Outcome(DeliveryStatus.PLANNED, pause_destination=True)
    if error.retryable and delivery.attempts < settings.max_attempts:
        delivery.status = DeliveryStatus.PLANNED
        delivery.next_attempt_at = now + backoff(delivery.attempts, retry_after=error.retry_after)
        return Outcome(DeliveryStatus.PLANNED, delivery.next_attempt_at, pause_destination=True)
    delivery.status = DeliveryStatus.FAILED
    return Outcome(DeliveryStatus.FAILED)


def send_one(session_factory: sessionmaker[Session], delivery_id: int, connector: Connector, *,
             clock: Callable[[], datetime], worker: str, settings: DispatchSettings) -> Outcome:
    """Send one claimed delivery in three steps, each short: prepare, transmit, record."""
    with session_factory() as session:
        prepared = _prepare(session, delivery_id, now=clock(), worker=worker, settings=settings)
        session.commit()
    if isinstance(prepared, Outcome):
        return prepared
    try:
        external_id, error = connector.send(prepared.outgoing), None
    except ChannelError as failure:
        external_id, error = None, failure
    with session_factory() as session:
        delivery = _lock(session, delivery_id)
        now = clock()
        if delivery is None or delivery.status is DeliveryStatus.SENT:
            outcome = Outcome(delivery.status if delivery else None)
        elif error is None:
            outcome = _record_success(session, delivery, external_id, now, publishes=prepared.publishes,
                                      settings=settings)
        elif delivery.status is not DeliveryStatus.CLAIMED or delivery.claimed_by != worker:
            outcome = Outcome(None)  # someone else owns it now; their outcome stands
        else:
            outcome = _record_failure(delivery, error, now, settings,
                                      deduplicates=getattr(connector, "deduplicates", False))
        session.commit()
    return outcome
