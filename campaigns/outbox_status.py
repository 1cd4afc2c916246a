"""The outbox at a glance for an operator (`loa outbox status`): what waits, who holds what, what is paused.

Every figure is an aggregate query: a big outbox is counted by the database, never loaded. Channels are
read whole, as there are a handful of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from campaigns.deliveries import due_planned
from campaigns.models import Channel, Delivery, DeliveryStatus

STATIONS = "station"  # the kind stations are counted under, all together: they share one local connector


@dataclass(frozen=True)
class DestinationCounts:
    """One channel's deliveries by status; stations all together under channel_id None."""

    channel_id: int | None
    kind: str  # a ChannelKind value, or STATIONS
    name: str | None  # None for the stations
    counts: dict[DeliveryStatus, int]


@dataclass(frozen=True)
class WorkerClaims:
    """Claims one worker holds: `lease_ends` is the earliest of their leases."""

    worker: str | None
    claims: int
    lease_ends: datetime | None


@dataclass(frozen=True)
class ChannelState:
    """A channel that holds its deliveries back: paused by the dispatcher, or flagged for a person."""

    channel_id: int
    kind: str
    name: str
    reason: str | None
    paused_until: datetime | None
    waiting: int  # its planned deliveries


@dataclass(frozen=True)
class OutboxStatus:
    now: datetime
    lease: timedelta
    by_status: dict[DeliveryStatus, int]  # every status, zeros included
    by_destination: list[DestinationCounts]
    # Planned and due: all of them (in backoff or on a held-back channel too), and those a tick would take now.
    waiting: int
    oldest_waiting: datetime | None
    ready: int
    oldest_ready: datetime | None
    stuck: list[WorkerClaims]  # leases run out: the worker died or hangs; another worker takes them over
    holding: list[WorkerClaims]  # live leases, each ending within about one lease unless renewed
    paused: list[ChannelState]
    needing_attention: list[ChannelState]
    switched_off: list[ChannelState]  # only those with planned deliveries: an idle one switched off is no news

    @property
    def uncertain(self) -> int:
        return self.by_status[DeliveryStatus.UNCERTAIN]

    @property
    def late_by(self) -> timedelta | None:
        """How late the oldest waiting delivery is."""
        return self.now - self.oldest_waiting if self.oldest_waiting is not None else None


def _claims(session: Session, condition: ColumnElement[bool]) -> list[WorkerClaims]:
    rows = session.execute(
        select(Delivery.claimed_by, func.count(), func.min(Delivery.lease_until))
        .where(Delivery.status == DeliveryStatus.CLAIMED, condition)
        .group_by(Delivery.claimed_by).order_by(func.min(Delivery.lease_until), Delivery.claimed_by)).all()
    return [WorkerClaims(worker=worker, claims=count, lease_ends=ends) for worker, count, ends in rows]


def read_outbox_status(session: Session, *, now: datetime, lease: timedelta) -> OutboxStatus:
    """The outbox as it stands at `now`; `lease` is the setting the workers run with (LOA_LEASE_SECONDS)."""
    # One pass over the table gives both the per-destination and the overall counts.
    grouped = session.execute(select(Delivery.channel_id, Delivery.status, func.count())
                              .group_by(Delivery.channel_id, Delivery.status)).all()
    channels = {channel.id: channel for channel in session.scalars(select(Channel))}
    per_destination: dict[int | None, dict[DeliveryStatus, int]] = {}
    by_status = dict.fromkeys(DeliveryStatus, 0)
    for channel_id, status, count in grouped:
        per_destination.setdefault(channel_id, dict.fromkeys(DeliveryStatus, 0))[status] += count
        by_status[status] += count

    def destination(channel_id: int | None) -> DestinationCounts:
        channel = channels[channel_id] if channel_id is not None else None
        return DestinationCounts(channel_id=channel_id, kind=channel.kind.value if channel else STATIONS,
                                 name=channel.name if channel else None, counts=per_destination[channel_id])

    def state(channel: Channel, reason: str | None) -> ChannelState:
        waiting = per_destination.get(channel.id, {}).get(DeliveryStatus.PLANNED, 0)
        return ChannelState(channel_id=channel.id, kind=channel.kind.value, name=channel.name, reason=reason,
                            paused_until=channel.paused_until, waiting=waiting)

    waiting, oldest_waiting = session.execute(select(func.count(), func.min(Delivery.due_at)).where(
        Delivery.status == DeliveryStatus.PLANNED, Delivery.due_at <= now)).one()
    ready, oldest_ready = session.execute(select(func.count(), func.min(Delivery.due_at))
                                          .where(due_planned(now))).one()
    by_name = sorted(channels.values(), key=lambda channel: (channel.name, channel.id))
    return OutboxStatus(
        now=now, lease=lease, by_status=by_status,
        # Stations first, then channels by name: the same order on every run, for eyes and for diffs.
        by_destination=[destination(key) for key in sorted(per_destination, key=lambda key: (
            key is not None, channels[key].name if key is not None else "", key or 0))],
        waiting=waiting, oldest_waiting=oldest_waiting, ready=ready, oldest_ready=oldest_ready,
        stuck=_claims(session, or_(Delivery.lease_until.is_(None), Delivery.lease_until < now)),
        holding=_claims(session, Delivery.lease_until >= now),
        paused=[state(channel, channel.pause_reason) for channel in by_name
                if channel.paused_until is not None and channel.paused_until > now],
        needing_attention=[state(channel, channel.needs_attention) for channel in by_name
                           if channel.needs_attention is not None],
        switched_off=[state(channel, None) for channel in by_name
                      if not channel.is_enabled and per_destination.get(channel.id, {}).get(DeliveryStatus.PLANNED)],
    )
