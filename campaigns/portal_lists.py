"""What the portal's browse pages list: published messages of one campaign, topic, area or kind, and the home's strips.

Only what `campaigns.publication` calls published is ever listed; a page's subject (campaign, topic, area) is
looked up by its public slug or code, and an unknown one is a NotFound the visitor reads as a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, selectinload

from campaigns.models import Campaign, Channel, ChannelKind, Delivery, DeliveryStatus, campaign_messages
from campaigns.publication import PUBLIC_WEB, select_published
from content.errors import LoaError, NotFound
from content.models import Area, Message, MessageKind, MessageStatus, Priority, Topic, message_areas, message_topics
from content.paging import Page, paginate
from content.wording import Text

# A notice stays in the home page's banner this long after it is published: long enough to be seen by
# everyone who opens the portal once a day, short enough that yesterday's warning does not become wallpaper.
NOTICE_ACTIVE_FOR = timedelta(hours=48)


class Withdrawn(LoaError):
    """The message was published and has since been archived: gone for good, not merely missing."""


@dataclass(frozen=True)
class AreaPage:
    area: Area
    parents: list[Area]  # widest first, the area itself not included
    children: list[Area]



def _listed() -> Select[Message]:
    """Published messages with their pictures loaded, since every list shows a thumbnail."""
    return select_published(PUBLIC_WEB).options(selectinload(Message.image))


def get_campaign(session: Session, slug: str) -> Campaign:
    campaign = session.scalar(select(Campaign).where(Campaign.slug == slug))
    if campaign is None:
        raise NotFound(Text("Không tìm thấy chiến dịch này."))
    return campaign


def get_topic(session: Session, slug: str) -> Topic:
    topic = session.scalar(select(Topic).where(Topic.slug == slug))
    if topic is None:
        raise NotFound(Text("Không tìm thấy chủ đề này."))
    return topic


def get_area(session: Session, code: str) -> AreaPage:
    area = session.scalar(select(Area).where(Area.code == code))
    if area is None:
        raise NotFound(Text("Không tìm thấy địa bàn này."))
    codes = [c for c in area.path.strip("/").split("/") if c and c != area.code]
    by_code = {a.code: a for a in session.scalars(select(Area).where(Area.code.in_(codes)))} if codes else {}
    children = list(session.scalars(select(Area).where(Area.parent_id == area.id).order_by(Area.name)))
    return AreaPage(area=area, parents=[by_code[c] for c in codes if c in by_code], children=children)


def parse_kind(value: str) -> MessageKind:
    try:
        return MessageKind(value)
    except ValueError:
        raise NotFound(Text("Không có loại tin này.")) from None


def page_latest(session: Session, *, page: int, per_page: int) -> Page[Message]:
    """The home page's list: what went out on the portal itself, newest first."""
    query = select_published([ChannelKind.PORTAL]).options(selectinload(Message.image))
    return paginate(session, query, page=page, per_page=per_page)


def page_of_campaign(session: Session, campaign: Campaign, *, page: int, per_page: int) -> Page[Message]:
    linked = select(campaign_messages.c.message_id).where(campaign_messages.c.campaign_id == campaign.id)
    return paginate(session, _listed().where(Message.id.in_(linked)), page=page, per_page=per_page)


def page_of_topic(session: Session, topic: Topic, *, page: int, per_page: int) -> Page[Message]:
    linked = select(message_topics.c.message_id).where(message_topics.c.topic_id == topic.id)
    return paginate(session, _listed().where(Message.id.in_(linked)), page=page, per_page=per_page)


def page_of_area(session: Session, found: AreaPage, *, page: int, per_page: int) -> Page[Message]:
    """What targets the area or any area above it: a commune's readers also follow their province's messages."""
    ids = [found.area.id, *(a.id for a in found.parents)]
    linked = select(message_areas.c.message_id).where(message_areas.c.area_id.in_(ids))
    return paginate(session, _listed().where(Message.id.in_(linked)), page=page, per_page=per_page)


def page_of_kind(session: Session, kind: MessageKind, *, page: int, per_page: int) -> Page[Message]:
    return paginate(session, _listed().where(Message.kind == kind), page=page, per_page=per_page)


def page_of_good_deeds(session: Session, *, page: int, per_page: int) -> Page[Message]:
    query = _listed().where(Message.kind == MessageKind.STORY)
    return paginate(session, query, page=page, per_page=per_page)


def latest_good_deeds(session: Session, *, limit: int) -> list[Message]:
    return page_of_good_deeds(session, page=1, per_page=limit).items


def active_notices(session: Session, *, now: datetime) -> list[Message]:
    """Notices published within NOTICE_ACTIVE_FOR of `now`, emergencies first."""
    query = (_listed()
             .where(Message.kind == MessageKind.NOTICE, Message.published_at >= now - NOTICE_ACTIVE_FOR,
                    Message.published_at <= now))
    notices = list(session.scalars(query.limit(5)))
    return sorted(notices, key=lambda m: m.priority != Priority.EMERGENCY)


def campaigns_with_messages(session: Session, *, limit: int = 12) -> list[Campaign]:
    published = select_published(PUBLIC_WEB).with_only_columns(Message.id).order_by(None)
    linked = select(campaign_messages.c.campaign_id).where(campaign_messages.c.message_id.in_(published))
    return list(session.scalars(select(Campaign).where(Campaign.id.in_(linked))
                                .order_by(Campaign.starts_on.desc(), Campaign.id.desc()).limit(limit)))


def campaigns_of(session: Session, message: Message) -> list[Campaign]:
    linked = select(campaign_messages.c.campaign_id).where(campaign_messages.c.message_id == message.id)
    return list(session.scalars(select(Campaign).where(Campaign.id.in_(linked)).order_by(Campaign.title)))


def top_areas(session: Session) -> list[Area]:
    return list(session.scalars(select(Area).where(Area.parent_id.is_(None)).order_by(Area.name)))


def get_public_message(session: Session, slug: str) -> Message:
    """The published message, or Withdrawn if it went out and was archived since, else NotFound."""
    message = session.scalar(_published_one(slug))
    if message is not None:
        return message
    went_out = exists(select(Delivery.id).join(Channel, Delivery.channel_id == Channel.id)
                      .where(Delivery.message_id == Message.id, Delivery.status == DeliveryStatus.SENT,
                             Channel.kind.in_(list(PUBLIC_WEB))))
    gone = session.scalar(select(Message.id).where(Message.slug == slug, Message.status == MessageStatus.ARCHIVED,
                                                   went_out))
    if gone is not None:
        raise Withdrawn(Text("Tin này đã được gỡ khỏi trang và không còn được đăng."))
    raise NotFound(Text("Không tìm thấy tin này."))


def _published_one(slug: str) -> Select[Message]:
    return _listed().where(Message.slug == slug)
