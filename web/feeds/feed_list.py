"""Every feed there is to follow, with the page each one mirrors: for the OPML file, the follow page and the sitemap.

The pages of a campaign, topic, area and kind are the portal's (/chien-dich/<slug>, /chu-de/<slug>,
/dia-ban/<code>, /loai/<kind>); each feed sits below its page.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext

from campaigns import published_sets as sets
from content.models import MessageKind
from web.addresses import external_url
from web.database import get_db
from web.formatting import KIND_LABELS


@dataclass(frozen=True)
class FollowedFeed:
    group: str
    title: str
    page: str
    rss: str
    atom: str


def campaign_page(slug: str) -> str:
    return external_url("portal.campaign", slug=slug)


def topic_page(slug: str) -> str:
    return external_url("portal.topic", slug=slug)


def area_page(code: str) -> str:
    return external_url("portal.area", code=code)


def kind_page(kind: str) -> str:
    return external_url("portal.kind", kind=kind)


def kind_title(kind: MessageKind) -> str:
    return str(KIND_LABELS[kind.value])


def _feed(group: str, title: str, page: str, endpoint: str, **values: str) -> FollowedFeed:
    return FollowedFeed(group=group, title=title, page=page, rss=external_url(f"feeds.{endpoint}_rss", **values),
                        atom=external_url(f"feeds.{endpoint}_atom", **values))


def all_feeds() -> list[FollowedFeed]:
    """The site's feed first, then each kind, campaign, topic and area (provinces and communes)."""
    db = get_db()
    site = gettext("Toàn trang")
    feeds = [FollowedFeed(site, current_app.config["SITE_NAME"], external_url("portal.index"),
                          external_url("feeds.site_rss"), external_url("feeds.site_atom"))]
    feeds += [_feed(gettext("Loại tin"), kind_title(k), kind_page(k.value), "kind", kind=k.value) for k in MessageKind]
    feeds += [_feed(gettext("Chiến dịch"), c.title, campaign_page(c.slug), "campaign", slug=c.slug)
              for c in sets.followable_campaigns(db)]
    feeds += [_feed(gettext("Chủ đề"), t.name, topic_page(t.slug), "topic", slug=t.slug)
              for t in sets.followable_topics(db)]
    feeds += [_feed(gettext("Địa bàn"), a.name, area_page(a.code), "area", code=a.code)
              for a in sets.followable_areas(db)]
    return feeds
