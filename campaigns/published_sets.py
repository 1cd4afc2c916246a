"""What a reader follows: the published messages of one campaign, topic, area or kind, and the lists to follow.

A feed's subject is found as its portal page finds it (campaigns.portal_lists), so both answer 404 alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.models import Campaign, ChannelKind, campaign_messages
from campaigns.portal_lists import AreaPage
from campaigns.publication import PUBLIC_WEB, select_published
from content.models import Area, AreaKind, Message, MessageKind, Topic, message_areas, message_topics

FEED_KINDS = (ChannelKind.FEED,)


def in_campaign(session: Session, campaign: Campaign, *, limit: int) -> list[Message]:
    ids = select(campaign_messages.c.message_id).where(campaign_messages.c.campaign_id == campaign.id)
    return list(session.scalars(select_published(FEED_KINDS).where(Message.id.in_(ids)).limit(limit)))


def on_topic(session: Session, topic: Topic, *, limit: int) -> list[Message]:
    ids = select(message_topics.c.message_id).where(message_topics.c.topic_id == topic.id)
    return list(session.scalars(select_published(FEED_KINDS).where(Message.id.in_(ids)).limit(limit)))


def of_kind(session: Session, kind: MessageKind, *, limit: int) -> list[Message]:
    return list(session.scalars(select_published(FEED_KINDS).where(Message.kind == kind).limit(limit)))


def for_area(session: Session, found: AreaPage, *, limit: int) -> list[Message]:
    """What targets the area or a place above it, as on its portal page: a commune's readers also hear their province."""
    ids = [found.area.id, *(a.id for a in found.parents)]
    targeted = select(message_areas.c.message_id).where(message_areas.c.area_id.in_(ids))
    return list(session.scalars(select_published(FEED_KINDS).where(Message.id.in_(targeted)).limit(limit)))


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
