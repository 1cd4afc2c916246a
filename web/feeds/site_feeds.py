"""The site's RSS and Atom feeds of what has been published, built by content.feeds from the portal's HTML; each
poll counted in memory (web.tracking), its client once a day, and a feed service's announced subscriber count kept."""

from __future__ import annotations

from flask import Response, current_app, request
from flask.typing import ResponseReturnValue

from campaigns.models import ChannelKind
from campaigns.publication import list_published
from content.feeds import FeedEntry, FeedInfo, build_atom, build_rss
from content.models import Message
from web.addresses import external_url
from web.database import get_db
from web.tracking import count_feed_fetch

FEED_SIZE = 50


def _entry(message: Message) -> FeedEntry:
    link = external_url("portal.message", slug=message.slug)
    public = message.current_revision
    return FeedEntry(guid=link, title=public.public_title, link=link, summary=public.public_summary, html=public.public_html,
                     # Set with its first sent delivery, so a listed message has it; its last change stands in.
                     published_at=message.published_at or message.updated_at, categories=tuple(t.name for t in message.topics))


def _site_feed(builder, endpoint: str, mimetype: str) -> ResponseReturnValue:
    info = FeedInfo(
        title=current_app.config["SITE_NAME"],
        link=external_url("portal.index"),
        self_url=external_url(endpoint),
        description="Tin tuyên truyền an ninh, trật tự và gương người tốt, việc tốt.",
    )
    entries = [_entry(m) for m in list_published(get_db(), ChannelKind.FEED, limit=FEED_SIZE)]
    response = Response(builder(info, entries), mimetype=mimetype)
    count_feed_fetch(request.path)  # after the build: a feed that fails to load is not a poll
    response.add_etag()
    # Readers poll feeds; an unchanged feed answers 304 with no body.
    return response.make_conditional(request)


def site_rss() -> ResponseReturnValue:
    return _site_feed(build_rss, "feeds.site_rss", "application/rss+xml")


def site_atom() -> ResponseReturnValue:
    return _site_feed(build_atom, "feeds.site_atom", "application/atom+xml")
