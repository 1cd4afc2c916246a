"""The public's search: published messages only, matched and shown in the words the public may read."""

from __future__ import annotations

from sqlalchemy.orm import Session, selectinload

from campaigns.publication import PUBLIC_WEB, select_published
from content.models import Message
from content.paging import Page
from content.search import SearchHit, plain_text, search_messages


def _public_text(message: Message) -> tuple[str, str]:
    # The revision's public forms, where a name without consent is already masked (content.public_forms).
    public = message.current_revision
    return public.public_title, plain_text(public.public_summary, public.public_html)


def search_published(session: Session, query_text: str, *, page: int, per_page: int) -> Page[SearchHit]:
    published = select_published(PUBLIC_WEB).with_only_columns(Message.id).order_by(None)
    return search_messages(session, query_text, where=Message.id.in_(published), visible=_public_text,
                           options=(selectinload(Message.current_revision), selectinload(Message.topics)),
                           page=page, per_page=per_page)
