"""The desk's message lists: what a user may see in their area, filtered, searched (content.search), paged."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from campaigns.models import campaign_messages
from content.models import Area, Message, MessageKind, MessageStatus, Topic, User, message_topics
from content.paging import Page, paginate
from content.permissions import Action, authorize
from content.search import narrow, query_terms

VIEWS = ("all", "mine", "review", "scheduled", "published")


@dataclass(frozen=True)
class MessageFilter:
    view: str = "all"
    query: str = ""
    campaign_id: int | None = None
    topic_id: int | None = None
    area_id: int | None = None
    kind: MessageKind | None = None
    status: MessageStatus | None = None


def _filtered(user: User, criteria: MessageFilter) -> Select[Message]:
    query = select(Message).join(Area, Message.area_id == Area.id)
    if user.area is not None:
        query = query.where(Area.path.startswith(user.area.path, autoescape=True))
    if criteria.view == "mine":
        query = query.where(Message.author_id == user.id,
                            Message.status.in_((MessageStatus.DRAFT, MessageStatus.CHANGES_REQUESTED)))
    elif criteria.view == "review":
        query = query.where(Message.status == MessageStatus.IN_REVIEW)
    elif criteria.view == "scheduled":
        query = query.where(Message.status == MessageStatus.SCHEDULED)
    elif criteria.view == "published":
        query = query.where(Message.status == MessageStatus.PUBLISHED)
    if criteria.campaign_id:
        query = query.where(Message.id.in_(select(campaign_messages.c.message_id)
                                           .where(campaign_messages.c.campaign_id == criteria.campaign_id)))
    if criteria.topic_id:
        query = query.where(Message.id.in_(select(message_topics.c.message_id)
                                           .where(message_topics.c.topic_id == criteria.topic_id)))
    if criteria.area_id:
        area = select(Area.path).where(Area.id == criteria.area_id).scalar_subquery()
        query = query.where(Area.path.startswith(area))
    if criteria.kind:
        query = query.where(Message.kind == criteria.kind)
    if criteria.status:
        query = query.where(Message.status == criteria.status)
    return query


def messages_in_scope(user: User, criteria: MessageFilter) -> Select[Message]:
    """The query of the messages the user may read that match `criteria`, unordered (the API pages it by key)."""
    authorize(user, Action.MESSAGE_VIEW, None, object_type="message")
    return _filtered(user, criteria)


def list_messages(session: Session, user: User, criteria: MessageFilter, *, page: int = 1,
                  per_page: int = 20) -> Page[Message]:
    # The area filter below scopes the list; whether the role may read messages at all is asked here.
    authorize(user, Action.MESSAGE_VIEW, None, object_type="message")
    query = _filtered(user, criteria)
    terms = query_terms(criteria.query)
    if terms is not None:
        # Whole words (the last a prefix if need be), best match first: content.search, as on the portal.
        query, _, rank = narrow(session, query, terms)
        query = query.order_by(rank.desc())
    query = query.order_by(Message.updated_at.desc(), Message.id.desc())
    return paginate(session, query, page=page, per_page=per_page)


def list_topics(session: Session) -> list[Topic]:
    return list(session.scalars(select(Topic).order_by(Topic.name)))
