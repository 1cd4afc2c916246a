"""Tracked short links: /r/<code> leads to the message's page with UTM parameters; its clicks are counted
(in batches, see `campaigns.clicks`)."""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from campaigns.campaign_records import campaign_of
from campaigns.models import Channel, ShortLink
from content.models import Message

# Where a short link lives on the portal: the route is built from this, and so is every link the dispatcher sends.
SHORT_LINK_PATH = "/r/"
ALPHABET = string.ascii_letters + string.digits
CODE_LENGTH = 8  # 62^8 ≈ 2·10^14: not guessable by walking, still short in a 1,024-character caption
CLICK = "link_click"
BOT_CLICK = "link_bot_click"  # a crawler's GET of a tracked link: counted apart, every one


def short_link(session: Session, message: Message, channel: Channel, *, now: datetime) -> ShortLink:
    """The one link for this message on this channel, made the first time it is needed."""
    existing = session.scalar(select(ShortLink).where(ShortLink.message_id == message.id,
                                                      ShortLink.channel_id == channel.id))
    if existing is not None:
        return existing
    link = ShortLink(code="".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)), message=message,
                     channel=channel, created_at=now)
    try:
        with session.begin_nested():
            session.add(link)
    except IntegrityError:
        # Made at the same moment by another worker: use theirs.
        return session.scalars(select(ShortLink).where(ShortLink.message_id == message.id,
                                                       ShortLink.channel_id == channel.id)).one()
    return link


def find_link(session: Session, code: str) -> ShortLink | None:
    if len(code) != CODE_LENGTH or not all(c in ALPHABET for c in code):
        return None
    return session.scalar(select(ShortLink).where(ShortLink.code == code))


def short_link_path(link: ShortLink) -> str:
    return f"{SHORT_LINK_PATH}{link.code}"


def destination(session: Session, link: ShortLink, *, message_path: Callable[[Message], str]) -> str:
    """The message's page, at the path the web layer hands in, with UTM parameters naming channel and campaign."""
    campaign = campaign_of(session, link.message)
    query = urlencode({"utm_source": link.channel.kind.value, "utm_medium": "social",
                       "utm_campaign": campaign.slug if campaign else "loa", "utm_content": link.code})
    return f"{message_path(link.message)}?{query}"


@dataclass(frozen=True)
class LinkTarget:
    """What following a short link needs: where it leads, and what its click counts towards."""

    code: str
    message_id: int
    channel_id: int
    area_id: int | None
    location: str


def find_target(session: Session, code: str, *, message_path: Callable[[Message], str]) -> LinkTarget | None:
    """The link's destination and reach keys, read once so a cache can answer the next clicks."""
    link = find_link(session, code)
    if link is None:
        return None
    return LinkTarget(code=link.code, message_id=link.message_id, channel_id=link.channel_id,
                      area_id=link.message.area_id, location=destination(session, link, message_path=message_path))
