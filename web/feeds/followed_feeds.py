"""A feed per campaign, topic, area and kind, so a reader follows only what concerns them; unknown names are 404."""

from __future__ import annotations

from flask import current_app
from flask.typing import ResponseReturnValue

from campaigns import portal_lists
from campaigns import published_sets as sets
from web.database import get_db
from web.feeds.feed_list import area_page, campaign_page, kind_page, kind_title, topic_page
from web.feeds.feed_response import FEED_SIZE, feed_response


def _title(name: str) -> str:
    return f"{name} — {current_app.config['SITE_NAME']}"


def campaign_feed(slug: str, fmt: str) -> ResponseReturnValue:
    campaign = portal_lists.get_campaign(get_db(), slug)
    messages = sets.in_campaign(get_db(), campaign, limit=FEED_SIZE)
    return feed_response(messages, title=_title(campaign.title), page_url=campaign_page(slug), fmt=fmt,
                         self_endpoint=f"feeds.campaign_{fmt}", slug=slug)


def topic_feed(slug: str, fmt: str) -> ResponseReturnValue:
    topic = portal_lists.get_topic(get_db(), slug)
    messages = sets.on_topic(get_db(), topic, limit=FEED_SIZE)
    return feed_response(messages, title=_title(topic.name), page_url=topic_page(slug), fmt=fmt,
                         self_endpoint=f"feeds.topic_{fmt}", slug=slug)


def area_feed(code: str, fmt: str) -> ResponseReturnValue:
    found = portal_lists.get_area(get_db(), code)
    messages = sets.for_area(get_db(), found, limit=FEED_SIZE)
    return feed_response(messages, title=_title(found.area.name), page_url=area_page(code), fmt=fmt,
                         self_endpoint=f"feeds.area_{fmt}", code=code)


def kind_feed(kind: str, fmt: str) -> ResponseReturnValue:
    message_kind = portal_lists.parse_kind(kind)
    messages = sets.of_kind(get_db(), message_kind, limit=FEED_SIZE)
    return feed_response(messages, title=_title(kind_title(message_kind)), page_url=kind_page(kind), fmt=fmt,
                         self_endpoint=f"feeds.kind_{fmt}", kind=kind)
