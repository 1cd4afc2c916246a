"""Sends whose outcome nobody knows, settled by a person: "it was posted" or "send it again".

A platform that cannot tell a repeat (no idempotency key: Telegram, Zalo, Facebook) may already
show a post whose answer was lost on the way back. Loa does not guess: the delivery waits as
UNCERTAIN until someone has looked at the platform. Both decisions are one conditional UPDATE, so
two officers answering the same row at once cannot end up with one "posted" and one "send again".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from campaigns.models import Delivery, DeliveryStatus
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, Message, MessageStatus, User
from content.permissions import Action, authorize
from content.wording import Text
from content.workflow import SENDABLE


def uncertain_deliveries(session: Session, *, within: Area | None, limit: int) -> list[Delivery]:
    """Deliveries waiting for a person's check, oldest first (the longest wait is the most urgent to settle)."""
    query = (select(Delivery).join(Message).where(Delivery.status == DeliveryStatus.UNCERTAIN)
             .order_by(Delivery.due_at, Delivery.id).limit(limit))
    if within is not None:
        query = query.where(Message.area_id.in_(select_subtree(within).with_only_columns(Area.id)))
    return list(session.scalars(query))


def _settle(session: Session, delivery: Delivery, *, actor: User, values: dict[str, Any]) -> str | None:
    """Move an uncertain delivery on, or refuse; returns the platform error the person was answering."""
    authorize(actor, Action.MESSAGE_SCHEDULE, delivery.message.area, object_type="delivery", object_id=delivery.id)
    if delivery.status is not DeliveryStatus.UNCERTAIN:
        raise InvalidInput({"delivery": Text(
            "Lượt phát #%(id)s không ở trạng thái chưa rõ kết quả, nên không cần xác nhận nữa.", id=delivery.id)})
    error = delivery.last_error
    # Conditional on the status still being uncertain: of two people answering at once, only the first counts.
    result = cast(CursorResult[Any], session.execute(
        update(Delivery).where(Delivery.id == delivery.id, Delivery.status == DeliveryStatus.UNCERTAIN)
        .values(**values).execution_options(synchronize_session=False)))
    if result.rowcount != 1:
        session.refresh(delivery)
        raise InvalidInput({"delivery": Text(
            "Lượt phát #%(id)s vừa được người khác xử lý; hãy tải lại trang để xem kết quả.", id=delivery.id)})
    session.refresh(delivery)
    return error


def confirm_posted(session: Session, delivery: Delivery, *, actor: User, now: datetime,
                   external_id: str | None = None, remote_addr: str | None = None) -> Delivery:
    """Someone saw the post on the platform: the delivery is sent, as of now, and nothing goes out again.

    As for any successful send (scheduler.sending), a message not yet published becomes published, unless
    it was edited since and waits for approval again. Uncertain deliveries only come from social
    platforms, so there is no WebSub announcement to make (that is for the portal and feeds).
    :param external_id: the post's id or address on the platform, when the person copied it.
    """
    error = _settle(session, delivery, actor=actor, values={
        "status": DeliveryStatus.SENT, "sent_at": now, "last_error": None, "next_attempt_at": None,
        "lease_until": None, "external_id": (external_id or "").strip()[:200] or None,
    })
    session.execute(
        update(Message).where(Message.id == delivery.message_id, Message.status.in_(SENDABLE),
                              Message.status != MessageStatus.PUBLISHED)
        .values(status=MessageStatus.PUBLISHED, published_at=func.coalesce(Message.published_at, now))
        .execution_options(synchronize_session=False))
    session.expire(delivery.message)
    record_audit(session, actor=actor, action="delivery.confirm_posted", object_type="delivery",
                 object_id=delivery.id, now=now, remote_addr=remote_addr,
                 detail={"last_error": error, "external_id": delivery.external_id})
    return delivery


def send_again(session: Session, delivery: Delivery, *, actor: User, now: datetime,
               remote_addr: str | None = None) -> Delivery:
    """Someone looked and the post is not there: due again now; the attempts so far still count."""
    error = _settle(session, delivery, actor=actor, values={
        "status": DeliveryStatus.PLANNED, "due_at": min(delivery.due_at, now), "next_attempt_at": None,
        "claimed_by": None, "lease_until": None,
    })
    record_audit(session, actor=actor, action="delivery.send_again", object_type="delivery", object_id=delivery.id,
                 now=now, remote_addr=remote_addr, detail={"last_error": error})
    return delivery
