"""What a reader follows: the published messages of one campaign, topic, area or kind, and the lists to follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from campaigns.models import Campaign, ChannelKind, campaign_messages
from campaigns.publication import PUBLIC_WEB, select_published
from content.errors import NotFound
from content.models import Area, AreaKind, Message, MessageKind, Topic, message_areas, message_topics
from content.wording import Text

FEED_KINDS = (ChannelKind.FEED,)


def campaign_by_slug(session: Session, slug: str) -> Campaign:
    campaign = session.scalar(select(Campaign).where(Campaign.slug == slug))
    if campaign is None:
        raise NotFound(Text("Không tìm thấy chiến dịch này."))
    return campaign


def topic_by_slug(session: Session, slug: str) -> Topic:
    topic = session.scalar(select(Topic).where(Topic.slug == slug))
    if topic is None:
        raise NotFound(Text("Không tìm thấy chủ đề này."))
    return topic


def area_by_code(session: Session, code: str) -> Area:
    area = session.scalar(select(Area).where(Area.code == code))
    if area is None:
        raise NotFound(Text("Không tìm thấy địa bàn này."))
    return area


def kind_by_name(name: str) -> MessageKind:
    try:
        return MessageKind(name)
    except ValueError:
        raise NotFound(Text("Không có loại tin này.")) from None


def in_campaign(session: Session, campaign: Campaign, *, limit: int) -> list[Message]:
    ids = select(campaign_messages.c.message_id).where(campaign_messages.c.campaign_id == campaign.id)
    return list(session.scalars(select_published(FEED_KINDS).where(Message.id.in_(ids)).limit(limit)))


def on_topic(session: Session, topic: Topic, *, limit: int) -> list[Message]:
    ids = select(message_topics.c.message_id).where(message_topics.c.topic_id == topic.id)
    return list(session.scalars(select_published(FEED_KINDS).where(Message.id.in_(ids)).limit(limit)))


def of_kind(session: Session, kind: MessageKind, *, limit: int) -> list[Message]:
    return list(session.scalars(select_published(FEED_KINDS).where(Message.kind == kind).limit(limit)))


def area_and_parents(session: Session, area: Area) -> list[int]:
    """The area and every area above it: its path ("/01/00070/") lists their codes."""
    codes = [code for code in area.path.split("/") if code] or [area.code]
    return list(session.scalars(select(Area.id).where(Area.code.in_(codes)))) or [area.id]


def for_area(session: Session, area: Area, *, limit: int) -> list[Message]:
    """What targets the area or a place above it: a commune's readers also hear their province."""
    above = area_and_parents(session, area)
    targeted = select(message_areas.c.message_id).where(message_areas.c.area_id.in_(above))
    untargeted = ~select(message_areas.c.message_id).where(message_areas.c.message_id == Message.id).exists()
    # A message saved with no target areas is meant for its own area.
    wanted = or_(Message.id.in_(targeted), and_(untargeted, Message.area_id.in_(above)))
    return list(session.scalars(select_published(FEED_KINDS).where(wanted).limit(limit)))


def followable_campaigns(session: Session) -> list[Campaign]:
    return list(session.scalars(select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.id.desc())))


def followable_topics(session: Session) -> list[Topic]:
    return list(session.scalars(select(Topic).order_by(Topic.name)))


def followable_areas(session: Session) -> list[Area]:
    """Provinces and communes; a residential area is followed through its commune."""
    kinds = [AreaKind.PROVINCE, AreaKind.COMMUNE]
    return list(session.scalars(select(Area).where(Area.kind.in_(kinds)).order_by(Area.path)))


def all_published(session: Session, *, limit: int) -> list[Message]:
    """Every message with a public page, newest first (the sitemap)."""
    return list(session.scalars(select_published(PUBLIC_WEB).limit(limit)))


def newest_changes(session: Session) -> NewestChanges:
    """When the newest published message of each campaign, topic and kind last changed, and of all of them."""
    published = select_published(PUBLIC_WEB).with_only_columns(Message.id).order_by(None).subquery()
    changed = func.max(Message.updated_at)
    visible = Message.id.in_(select(published.c.id))
    by_campaign = session.execute(select(campaign_messages.c.campaign_id, changed)
                                  .join(Message, Message.id == campaign_messages.c.message_id).where(visible)
                                  .group_by(campaign_messages.c.campaign_id))
    by_topic = session.execute(select(message_topics.c.topic_id, changed)
                               .join(Message, Message.id == message_topics.c.message_id).where(visible)
                               .group_by(message_topics.c.topic_id))
    by_kind = session.execute(select(Message.kind, changed).where(visible).group_by(Message.kind))
    return NewestChanges(campaigns={k: v for k, v in by_campaign}, topics={k: v for k, v in by_topic},
                         kinds={k: v for k, v in by_kind}, site=session.scalar(select(changed).where(visible)))


@dataclass(frozen=True)
class NewestChanges:
    campaigns: dict[int, datetime]
    topics: dict[int, datetime]
    kinds: dict[MessageKind, datetime]
    site: datetime | None
