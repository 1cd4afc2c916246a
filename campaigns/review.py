"""Workflow steps that also move the message's deliveries: held while the text is being changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from campaigns.models import Delivery, DeliveryStatus
from content.messages import MessageInput, transition_message, update_message
from content.models import Message, MessageStatus, User
from content.workflow import SENDABLE


def _move_deliveries(session: Session, message: Message, source: DeliveryStatus, target: DeliveryStatus) -> int:
    result = cast(CursorResult[Any], session.execute(
        update(Delivery).where(Delivery.message_id == message.id, Delivery.status == source).values(status=target)
    ))
    return result.rowcount


def save_revision(session: Session, message: Message, editor: User, data: MessageInput, *,
                  expected_version: int, now: datetime, remote_addr: str | None = None) -> Message:
    """Save an edit; if that sent an approved text back to review, hold what was waiting to go out."""
    update_message(session, message, editor, data, expected_version=expected_version, now=now,
                   remote_addr=remote_addr)
    if message.status not in SENDABLE:
        _move_deliveries(session, message, DeliveryStatus.PLANNED, DeliveryStatus.HELD)
    return message


def review_message(session: Session, message: Message, action: str, *, actor: User, now: datetime,
                   comment: str | None = None, remote_addr: str | None = None) -> Message:
    """A workflow step; approving again releases the deliveries the last edit held."""
    transition_message(session, message, action, actor=actor, now=now, comment=comment, remote_addr=remote_addr)
    if message.status in SENDABLE and _move_deliveries(session, message, DeliveryStatus.HELD, DeliveryStatus.PLANNED):
        if message.status is MessageStatus.APPROVED:
            transition_message(session, message, "schedule", actor=actor, now=now, remote_addr=remote_addr)
    return message
