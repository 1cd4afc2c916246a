"""The site's RSS and Atom feeds of what has been published; each poll counted in memory (web.tracking)."""

from __future__ import annotations

from flask import current_app
from flask.typing import ResponseReturnValue

from campaigns.models import ChannelKind
from campaigns.publication import list_published
from web.addresses import external_url
from web.database import get_db
from web.feeds.feed_response import FEED_SIZE, feed_response


def _site_feed(fmt: str) -> ResponseReturnValue:
    messages = list_published(get_db(), ChannelKind.FEED, limit=FEED_SIZE)
    return feed_response(messages, title=current_app.config["SITE_NAME"], page_url=external_url("portal.index"),
                         self_endpoint=f"feeds.site_{fmt}", fmt=fmt)


def site_rss() -> ResponseReturnValue:
    return _site_feed("rss")


def site_atom() -> ResponseReturnValue:
    return _site_feed("atom")
