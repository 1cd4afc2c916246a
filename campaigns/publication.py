"""What the public may see now: messages whose portal or feed delivery has gone out."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from content.errors import NotFound
from content.models import Message, MessageStatus


def select_published(kind: ChannelKind) -> Select[tuple[Message]]:
    """Messages with a sent delivery on a channel of this kind, newest first."""
    sent_on_kind = (
        select(Delivery.message_id)
        .join(Channel, Delivery.channel_id == Channel.id)
        .where(Channel.kind == kind, Delivery.status == DeliveryStatus.SENT)
    )
    return (
        select(Message)
        .where(Message.id.in_(sent_on_kind), Message.status != MessageStatus.ARCHIVED)
        .order_by(Message.published_at.desc(), Message.id.desc())
    )


def list_published(session: Session, kind: ChannelKind, *, limit: int = 50, offset: int = 0) -> list[Message]:
    return list(session.scalars(select_published(kind).limit(limit).offset(offset)))


def get_published(session: Session, slug: str) -> Message:
    message = session.scalar(select_published(ChannelKind.PORTAL).where(Message.slug == slug))
    if message is None:
        raise NotFound("Không tìm thấy tin này.")
    return message
