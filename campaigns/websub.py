"""Which feeds a message is in, and the outbox of pings telling a WebSub hub they changed.

A ping intent is written in the transaction that changes what a feed shows, so it is never lost and never
holds up the change; the scheduler sends it later (scheduler.websub_job). The feeds are found by the rules the
feeds themselves use (campaigns.published_sets): the site's, the message's campaigns', topics', kind's, and
the area feeds that list it — the targeted area's and every area below it, since a commune's feed also
carries what targets its province. URLs are absolute from the base URL the caller passes in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from campaigns.models import Campaign, Channel, Delivery, DeliveryStatus, campaign_messages
from campaigns.publication import PUBLIC_WEB
from campaigns.websub_models import WebSubPing
from content.areas import select_subtree
from content.models import Area, AreaKind, Message

FORMATS = ("rss", "atom")
# The feed routes (web.feeds); tests/web check these against the app's own url_for.
SITE_FEED = "/feed.{fmt}"
CAMPAIGN_FEED = "/chien-dich/{slug}/feed.{fmt}"
TOPIC_FEED = "/chu-de/{slug}/feed.{fmt}"
AREA_FEED = "/dia-ban/{code}/feed.{fmt}"
KIND_FEED = "/loai/{kind}/feed.{fmt}"
KEEP_DONE = timedelta(days=7)


def feed_paths(session: Session, message: Message) -> list[str]:
    """The path of every feed the message appears in (or would, once public), each format, without repeats."""
    patterns = [SITE_FEED.format(fmt="{fmt}"), KIND_FEED.format(kind=message.kind.value, fmt="{fmt}")]
    slugs = session.scalars(select(Campaign.slug).join(campaign_messages, campaign_messages.c.campaign_id == Campaign.id)
                            .where(campaign_messages.c.message_id == message.id))
    patterns += [CAMPAIGN_FEED.format(slug=slug, fmt="{fmt}") for slug in slugs]
    patterns += [TOPIC_FEED.format(slug=topic.slug, fmt="{fmt}") for topic in message.topics]
    codes: list[str] = []
    for area in message.target_areas:
        # Residential areas below it are followed through their commune (published_sets.followable_areas).
        below = select_subtree(area).with_only_columns(Area.code).where(Area.kind != AreaKind.RESIDENTIAL)
        codes += [area.code, *session.scalars(below.order_by(Area.path))]
    patterns += [AREA_FEED.format(code=code, fmt="{fmt}") for code in codes]
    return list(dict.fromkeys(p.format(fmt=fmt) for p in patterns for fmt in FORMATS))


def announce(session: Session, message: Message, *, base_url: str, now: datetime) -> int:
    """Queue a ping for every feed the message is in; a feed already waiting for its ping is not queued again.

    Nothing is queued without a base URL: a hub can only fetch an absolute address. Returns how many were queued."""
    if not base_url:
        return 0
    urls = [f"{base_url.rstrip('/')}{path}" for path in feed_paths(session, message)]
    waiting = set(session.scalars(select(WebSubPing.topic_url)
                                  .where(WebSubPing.done_at.is_(None), WebSubPing.topic_url.in_(urls))))
    fresh = [url for url in urls if url not in waiting]
    session.add_all(WebSubPing(topic_url=url, due_at=now, attempts=0) for url in fresh)
    return len(fresh)


def announce_change(session: Session, message: Message, *, base_url: str, now: datetime) -> int:
    """After an edit, a review step or withdrawal: ping the feeds only if the message has ever been on them."""
    went_out = (select(Delivery.id).join(Channel, Delivery.channel_id == Channel.id)
                .where(Delivery.message_id == message.id, Delivery.status == DeliveryStatus.SENT,
                       Channel.kind.in_(list(PUBLIC_WEB))))
    if not session.scalar(select(went_out.exists())):
        return 0
    return announce(session, message, base_url=base_url, now=now)


@dataclass(frozen=True)
class DuePing:
    topic_url: str
    ids: tuple[int, ...]  # every waiting row of this feed: one ping answers them all
    attempts: int


def claim_pings(session: Session, *, now: datetime, lease: timedelta, limit: int = 200) -> list[DuePing]:
    """The due pings, put off by `lease` so another worker leaves them alone while we send; if we crash they
    come due again then. The caller commits at once (holding the write lock on SQLite, see begin_write)."""
    # Sent or given up a week ago: nothing left to learn from the row.
    session.execute(delete(WebSubPing).where(WebSubPing.done_at < now - KEEP_DONE))
    query = (select(WebSubPing).where(WebSubPing.done_at.is_(None), WebSubPing.due_at <= now)
             .order_by(WebSubPing.due_at, WebSubPing.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    by_topic: dict[str, list[WebSubPing]] = defaultdict(list)
    for row in session.scalars(query):
        by_topic[row.topic_url].append(row)
        row.due_at = now + lease
    return [DuePing(url, tuple(r.id for r in found), max(r.attempts for r in found)) for url, found in by_topic.items()]


def record_ping(session: Session, ping: DuePing, *, now: datetime, error: str | None = None,
                retry_in: timedelta | None = None) -> None:
    """The hub took it (no error), will be asked again in retry_in, or, with an error and no retry, we gave up."""
    for row in session.scalars(select(WebSubPing).where(WebSubPing.id.in_(ping.ids), WebSubPing.done_at.is_(None))):
        row.attempts = ping.attempts + 1
        row.last_error = error
        if error is None or retry_in is None:
            row.done_at = now
        else:
            row.due_at = now + retry_in
