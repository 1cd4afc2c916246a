"""What the public may see now: messages whose portal or feed delivery has gone out."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from content.errors import NotFound
from content.models import Message, MessageStatus
from content.paging import Page, paginate
from content.wording import Text
from content.workflow import SENDABLE

# A feed entry links to the portal page, so whatever went out on either may be read there.
PUBLIC_WEB = (ChannelKind.PORTAL, ChannelKind.FEED)


def select_published(kinds: Iterable[ChannelKind]) -> Select[Message]:
    """Messages with a sent delivery on a channel of these kinds, newest first, topics and public forms loaded."""
    sent_on_kind = (
        select(Delivery.message_id)
        .join(Channel, Delivery.channel_id == Channel.id)
        .where(Channel.kind.in_(list(kinds)), Delivery.status == DeliveryStatus.SENT)
    )
    return (
        select(Message)
        .options(selectinload(Message.topics), selectinload(Message.current_revision))
        .where(Message.id.in_(sent_on_kind), Message.status != MessageStatus.ARCHIVED)
        .order_by(Message.published_at.desc(), Message.id.desc())
    )


def list_published(session: Session, kind: ChannelKind, *, limit: int = 50) -> list[Message]:
    return list(session.scalars(select_published([kind]).limit(limit)))


def page_published(session: Session, kind: ChannelKind, *, page: int, per_page: int) -> Page[Message]:
    return paginate(session, select_published([kind]), page=page, per_page=per_page)


def get_published(session: Session, slug: str) -> Message:
    message = session.scalar(select_published(PUBLIC_WEB).where(Message.slug == slug))
    if message is None:
        raise NotFound(Text("Không tìm thấy tin này."))
    return message


def image_is_public(session: Session, image_id: int) -> bool:
    """Whether anyone may fetch this image: it illustrates a message approved and planned for publication.

    Not only once it is on the portal: Facebook, Zalo and Telegram fetch the image from its URL
    while posting, anonymously, often before the portal delivery has gone out.
    """
    planned = select(Delivery.message_id).where(Delivery.status != DeliveryStatus.CANCELLED)
    query = select(Message.id).where(Message.image_id == image_id, Message.status.in_(list(SENDABLE)),
                                     Message.id.in_(planned))
    return session.scalar(select(query.exists())) is True


def published_slugs(session: Session) -> list[str]:
    """The slug of every message the public may read now (one page each), newest first: written first."""
    query = select_published(PUBLIC_WEB).with_only_columns(Message.slug)
    return list(session.scalars(query))
