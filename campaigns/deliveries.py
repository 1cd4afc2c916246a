"""Changing planned deliveries by hand: retry a failed one, move or cancel one not yet sent; the sweep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from campaigns.models import Channel, Delivery, DeliveryStatus
from campaigns.planning import carries
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, Message, User
from content.permissions import Action, authorize
from content.wording import Text

# Not yet handed to a worker, so still ours to change. A claimed delivery may be on the wire.
CHANGEABLE = (DeliveryStatus.PLANNED, DeliveryStatus.HELD, DeliveryStatus.FAILED)
# A tick runs every few seconds; past this, a due delivery nobody has claimed means no worker is running.
OVERDUE_AFTER = timedelta(minutes=5)


def _check(session: Session, delivery: Delivery, actor: User, verb: Text) -> None:
    authorize(actor, Action.MESSAGE_SCHEDULE, delivery.message.area, object_type="delivery", object_id=delivery.id)
    if delivery.status not in CHANGEABLE:
        raise InvalidInput({"delivery": Text("Lượt phát #%(id)s đang được gửi hoặc đã xong, không thể %(verb)s.",
                                             id=delivery.id, verb=verb)})


def retry_delivery(session: Session, delivery: Delivery, *, actor: User, now: datetime,
                   remote_addr: str | None = None) -> Delivery:
    """A failed delivery gets a fresh set of attempts, due now."""
    authorize(actor, Action.MESSAGE_SCHEDULE, delivery.message.area, object_type="delivery", object_id=delivery.id)
    if delivery.status is not DeliveryStatus.FAILED:
        raise InvalidInput({"delivery": Text("Lượt phát #%(id)s không ở trạng thái lỗi nên không cần gửi lại.",
                                             id=delivery.id)})
    delivery.status, delivery.attempts, delivery.next_attempt_at = DeliveryStatus.PLANNED, 0, None
    delivery.due_at = min(delivery.due_at, now)
    record_audit(session, actor=actor, action="delivery.retry", object_type="delivery", object_id=delivery.id,
                 now=now, remote_addr=remote_addr, detail={"last_error": delivery.last_error})
    return delivery


def move_delivery(session: Session, delivery: Delivery, *, due_at: datetime, actor: User, now: datetime,
                  remote_addr: str | None = None) -> Delivery:
    _check(session, delivery, actor, Text("dời giờ"))
    if due_at < now:
        raise InvalidInput({"due_at": Text("Thời điểm phát mới phải ở tương lai.")})
    previous = delivery.due_at
    delivery.due_at, delivery.next_attempt_at = due_at, None
    if delivery.status is DeliveryStatus.FAILED:
        delivery.status, delivery.attempts = DeliveryStatus.PLANNED, 0
    record_audit(session, actor=actor, action="delivery.move", object_type="delivery", object_id=delivery.id,
                 now=now, remote_addr=remote_addr, detail={"from": previous.isoformat(), "to": due_at.isoformat()})
    return delivery


def cancel_delivery(session: Session, delivery: Delivery, *, actor: User, now: datetime,
                    remote_addr: str | None = None) -> Delivery:
    _check(session, delivery, actor, Text("hủy"))
    delivery.status = DeliveryStatus.CANCELLED
    record_audit(session, actor=actor, action="delivery.cancel", object_type="delivery", object_id=delivery.id,
                 now=now, remote_addr=remote_addr)
    return delivery


def paused_channels(moment: datetime | None = None):
    """Channels switched off, whose credentials were refused, or (at `moment`) paused by the dispatcher while their
    platform is down or throttling: their deliveries wait, untried."""
    stopped = or_(Channel.is_enabled.is_(False), Channel.needs_attention.is_not(None))
    if moment is not None:
        stopped = or_(stopped, Channel.paused_until > moment)
    return select(Channel.id).where(stopped)


def runnable(moment: datetime):
    return or_(Delivery.channel_id.is_(None), Delivery.channel_id.not_in(paused_channels(moment)))


def due_planned(moment: datetime):
    """Planned, due by `moment`, not waiting out a backoff, on a channel that may send: what a tick takes."""
    return and_(Delivery.status == DeliveryStatus.PLANNED, Delivery.due_at <= moment,
                or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= moment), runnable(moment))


def deliveries_of(session: Session, message: Message) -> list[Delivery]:
    """Every delivery of a message, soonest first: the message page's schedule."""
    return list(session.scalars(select(Delivery).where(Delivery.message_id == message.id).order_by(Delivery.due_at)))


def recent_failures(session: Session, *, within: Area | None, limit: int) -> list[Delivery]:
    """Deliveries that failed for good, newest first, of messages in `within`'s subtree (None: all)."""
    query = (select(Delivery).join(Message).where(Delivery.status == DeliveryStatus.FAILED)
             .order_by(Delivery.due_at.desc()).limit(limit))
    if within is not None:
        query = query.where(Message.area_id.in_(select_subtree(within).with_only_columns(Area.id)))
    return list(session.scalars(query))


@dataclass(frozen=True)
class Backlog:
    """What the dashboard warns about."""

    overdue: int  # due, sendable, and no worker has taken it
    oldest_due: datetime | None
    failed: int
    waiting_on_channels: int  # held back by a switched-off channel or one that needs attention
    channels_needing_attention: list[Channel]


def sweep(session: Session, *, now: datetime, within: Area | None = None) -> Backlog:
    """The backlog; the flagged channels named are those that carry messages of `within` (None: all).

    Counts stay whole (a stopped worker stops everyone's deliveries), but a channel's name and its
    platform's error text belong to the admins and officers of its own area.
    """
    # What a tick would have taken a while ago and no tick has: no worker is running.
    overdue, oldest = session.execute(
        select(func.count(), func.min(Delivery.due_at)).where(due_planned(now - OVERDUE_AFTER))).one()
    return Backlog(
        overdue=overdue,
        oldest_due=oldest,
        failed=session.scalar(select(func.count()).where(Delivery.status == DeliveryStatus.FAILED)) or 0,
        waiting_on_channels=session.scalar(select(func.count()).where(
            Delivery.status == DeliveryStatus.PLANNED, Delivery.channel_id.in_(paused_channels()))) or 0,
        channels_needing_attention=[channel for channel in session.scalars(
            select(Channel).where(Channel.needs_attention.is_not(None)).order_by(Channel.name))
            if carries(channel, within)],
    )
