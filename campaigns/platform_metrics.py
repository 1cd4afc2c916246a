"""Platform-reported figures of sent posts: when to read them back, how they are kept, how they are read.

A platform's figure is a running total it recomputes (views, reactions …), so each read is stored as
a snapshot (a ReachEvent, source REPORTED, `occurred_at` = when it was read, under the platform's
metric name and API version) and only the newest snapshot per channel and metric counts: summing
snapshots would count the same views again at every read. Snapshots rather than one overwritten
row keep the curve over time (after 1 h, 24 h, 7 d) and the metric names an older API version used.

Reads are scheduled per delivery at +1 h, +24 h and +7 d after sending. A read that fails keeps
its place with a later retry; one that is overtaken by the next (the job was stopped for a day, say)
is closed as overtaken rather than read late, since it would only read the same totals twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from campaigns.models import (
    Campaign,
    Channel,
    ChannelKind,
    Delivery,
    DeliveryMetricPull,
    DeliveryStatus,
    ReachEvent,
    ReachSource,
    campaign_messages,
)
from content.models import Area, Message

SLOTS: tuple[tuple[str, timedelta], ...] = (
    ("1h", timedelta(hours=1)), ("24h", timedelta(hours=24)), ("7d", timedelta(days=7)),
)
# The kinds whose platform reports figures; the scheduler's metrics registry must list the same.
REPORTING_KINDS = frozenset({ChannelKind.FACEBOOK, ChannelKind.ZALO})
MAX_PULL_ATTEMPTS = 8
# A pull still failing this long after its time is abandoned (the last slot is +7 d).
LOOKBACK = timedelta(days=14)
PULL_LEASE = timedelta(minutes=10)
OVERTAKEN = "Bỏ qua: đã đến lượt đọc số liệu sau."


@dataclass(frozen=True)
class PullTask:
    """One read to make: which post, on which platform, with which channel settings and sealed secret."""

    delivery_id: int
    slot: str
    kind: str
    external_id: str
    settings: dict[str, Any] = field(repr=False)
    sealed_secret: str | None = field(repr=False)
    attempts: int = 0


@dataclass(frozen=True)
class PlatformFigure:
    metric: str
    value: float
    api_version: str | None
    read_at: datetime
    source: ReachSource = ReachSource.REPORTED


@dataclass(frozen=True)
class ChannelFigures:
    """The newest figures of one channel for one message; `available` False: the platform gives none."""

    channel_id: int
    kind: ChannelKind
    available: bool
    figures: dict[str, PlatformFigure]


def _pull(session: Session, delivery_id: int, slot: str) -> DeliveryMetricPull:
    row = session.scalar(select(DeliveryMetricPull).where(
        DeliveryMetricPull.delivery_id == delivery_id, DeliveryMetricPull.slot == slot))
    if row is None:
        row = DeliveryMetricPull(delivery_id=delivery_id, slot=slot, attempts=0)
        session.add(row)
    return row


def due_metric_pulls(session: Session, *, now: datetime, limit: int = 50) -> list[PullTask]:
    """Leases the reads whose time has come and that are not done, oldest post first; closes overtaken ones.

    The caller commits, then reads each platform outside any transaction, then records the outcome.
    """
    rows = session.execute(
        select(Delivery.id, Delivery.sent_at, Delivery.external_id, Channel.kind, Channel.settings,
               Channel.secret_ciphertext)
        .join(Channel, Channel.id == Delivery.channel_id)
        .where(Delivery.status == DeliveryStatus.SENT, Delivery.external_id.is_not(None),
               Channel.kind.in_(REPORTING_KINDS), Delivery.sent_at <= now - SLOTS[0][1],
               Delivery.sent_at >= now - LOOKBACK)
        .order_by(Delivery.sent_at, Delivery.id)
    ).all()
    pulls: dict[tuple[int, str], DeliveryMetricPull] = {}
    if rows:
        for pull in session.scalars(select(DeliveryMetricPull).where(
                DeliveryMetricPull.delivery_id.in_([row.id for row in rows]))):
            pulls[(pull.delivery_id, pull.slot)] = pull
    tasks: list[PullTask] = []
    for row in rows:
        started = [name for name, offset in SLOTS if row.sent_at + offset <= now]
        for name in started[:-1]:  # overtaken by a later slot
            earlier = pulls.get((row.id, name))
            if earlier is None:
                session.add(DeliveryMetricPull(delivery_id=row.id, slot=name, attempts=0, done_at=now,
                                               last_error=OVERTAKEN))
            elif earlier.done_at is None:
                earlier.done_at, earlier.last_error = now, OVERTAKEN
        current = pulls.get((row.id, started[-1]))
        if current is not None and (current.done_at is not None or
                                    (current.next_attempt_at is not None and current.next_attempt_at > now)):
            continue
        if len(tasks) < limit:
            if current is None:
                current = DeliveryMetricPull(delivery_id=row.id, slot=started[-1], attempts=0)
                session.add(current)
            # Leased while it is read, so another worker's job leaves it alone; a dead worker's lease runs out.
            current.next_attempt_at = now + PULL_LEASE
            tasks.append(PullTask(row.id, started[-1], str(row.kind), str(row.external_id), dict(row.settings or {}),
                                  row.secret_ciphertext, current.attempts))
    session.flush()
    return tasks


def record_platform_reading(session: Session, delivery_id: int, slot: str, *, values: dict[str, float],
                            api_version: str, now: datetime) -> None:
    """Store one read's figures as snapshots and close the pull. No figure: nothing is stored."""
    delivery = session.get(Delivery, delivery_id)
    if delivery is None:
        return
    for metric, value in sorted(values.items()):
        session.add(ReachEvent(message_id=delivery.message_id, channel_id=delivery.channel_id, metric=metric,
                               source=ReachSource.REPORTED, api_version=api_version, value=value,
                               occurred_at=now))
    pull = _pull(session, delivery_id, slot)
    pull.attempts += 1
    pull.done_at, pull.next_attempt_at, pull.last_error = now, None, None
    session.flush()


def record_pull_failure(session: Session, delivery_id: int, slot: str, *, error: str, retry_at: datetime,
                        now: datetime) -> DeliveryMetricPull:
    """Keep the error and the time to try again; after the last attempt the pull is given up."""
    pull = _pull(session, delivery_id, slot)
    pull.attempts += 1
    pull.last_error = error
    if pull.attempts >= MAX_PULL_ATTEMPTS:
        pull.done_at, pull.next_attempt_at = now, None
    else:
        pull.next_attempt_at = retry_at
    session.flush()
    return pull


def latest_platform_metrics(session: Session, target: Message | Delivery) -> list[ChannelFigures]:
    """The newest reported value per channel and metric, for each channel the message was sent to.

    A channel whose platform gives no figure (Telegram, webhooks) is listed with `available` False:
    a page shows "không có số liệu" there, never 0.
    """
    message_id = target.message_id if isinstance(target, Delivery) else target.id
    sent = select(Delivery.channel_id).where(Delivery.message_id == message_id, Delivery.status == DeliveryStatus.SENT,
                                             Delivery.channel_id.is_not(None))
    if isinstance(target, Delivery):
        sent = sent.where(Delivery.id == target.id)
    channels = session.execute(select(Channel.id, Channel.kind).where(Channel.id.in_(sent)).order_by(Channel.id)).all()
    newest = (
        select(ReachEvent.channel_id, ReachEvent.metric, ReachEvent.value, ReachEvent.api_version,
               ReachEvent.occurred_at,
               func.row_number().over(partition_by=(ReachEvent.channel_id, ReachEvent.metric),
                                      order_by=(ReachEvent.occurred_at.desc(), ReachEvent.id.desc())).label("rank"))
        .where(ReachEvent.message_id == message_id, ReachEvent.source == ReachSource.REPORTED,
               ReachEvent.channel_id.in_([channel.id for channel in channels]))
        .subquery()
    )
    figures: dict[int, dict[str, PlatformFigure]] = {}
    for row in session.execute(select(newest).where(newest.c.rank == 1)):
        figures.setdefault(row.channel_id, {})[row.metric] = PlatformFigure(
            row.metric, row.value, row.api_version, row.occurred_at)
    return [ChannelFigures(channel.id, channel.kind, channel.kind in REPORTING_KINDS, figures.get(channel.id, {}))
            for channel in channels]


@dataclass(frozen=True)
class PlatformTotal:
    """One channel's metric summed over a campaign's messages, each message's newest snapshot counted once."""

    channel_id: int
    kind: ChannelKind
    metric: str
    value: float
    messages: int  # how many messages the sum covers
    read_at: datetime  # the newest read among them
    api_versions: tuple[str, ...]


def latest_campaign_platform_metrics(session: Session, campaign: Campaign, *, upto: datetime | None = None,
                                     within: Area | None = None) -> tuple[list[PlatformTotal], list[Channel]]:
    """A campaign's platform-reported totals per channel and metric, and the channels it was sent to whose
    platform gives no figure (a page says "không có số liệu" for them, never 0).

    Each (message, channel, metric) counts its newest snapshot read at or before `upto` (a report of a past
    period reads the totals as they stood then); those newest values are then summed over the messages —
    the same metric on the same channel, never a sum of one message's snapshots. `within`: only messages
    whose own area lies in that subtree (a platform figure has no place of its own).
    """
    messages = select(campaign_messages.c.message_id).where(campaign_messages.c.campaign_id == campaign.id)
    if within is not None:
        messages = (messages.join(Message, Message.id == campaign_messages.c.message_id)
                    .join(Area, Area.id == Message.area_id)
                    .where(Area.path.startswith(within.path, autoescape=True)))
    wanted = messages.scalar_subquery()
    sent = select(Delivery.channel_id).where(Delivery.message_id.in_(wanted), Delivery.status == DeliveryStatus.SENT,
                                             Delivery.channel_id.is_not(None))
    channels = list(session.scalars(select(Channel).where(Channel.id.in_(sent)).order_by(Channel.id)))
    snapshots: list[ColumnElement[bool]] = [ReachEvent.message_id.in_(wanted), ReachEvent.source == ReachSource.REPORTED,
                                            ReachEvent.channel_id.in_([channel.id for channel in channels])]
    if upto is not None:
        snapshots.append(ReachEvent.occurred_at <= upto)
    newest = (
        select(ReachEvent.channel_id, ReachEvent.metric, ReachEvent.value, ReachEvent.api_version,
               ReachEvent.occurred_at,
               func.row_number().over(partition_by=(ReachEvent.message_id, ReachEvent.channel_id, ReachEvent.metric),
                                      order_by=(ReachEvent.occurred_at.desc(), ReachEvent.id.desc())).label("rank"))
        .where(*snapshots).subquery())
    rows = session.execute(
        select(newest.c.channel_id, newest.c.metric, func.sum(newest.c.value), func.count(),
               func.max(newest.c.occurred_at))
        .where(newest.c.rank == 1).group_by(newest.c.channel_id, newest.c.metric)
        .order_by(newest.c.channel_id, newest.c.metric)).all()
    versions: dict[tuple[int, str], set[str]] = {}
    for channel_id, metric, version in session.execute(
            select(newest.c.channel_id, newest.c.metric, newest.c.api_version).distinct()
            .where(newest.c.rank == 1, newest.c.api_version.is_not(None))):
        versions.setdefault((channel_id, metric), set()).add(version)
    kinds = {channel.id: channel.kind for channel in channels}
    totals = [PlatformTotal(channel_id, kinds[channel_id], metric, float(value), int(count), read_at,
                            tuple(sorted(versions.get((channel_id, metric), ()))))
              for channel_id, metric, value, count, read_at in rows]
    return totals, [channel for channel in channels if channel.kind not in REPORTING_KINDS]
