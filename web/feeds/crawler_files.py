"""sitemap.xml and robots.txt: what search engines may index, in absolute addresses from LOA_BASE_URL."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from flask import Response, request
from flask.typing import ResponseReturnValue

from campaigns import published_sets as sets
from content.models import MessageKind
from web.addresses import external_url
from web.database import get_db
from web.feeds.feed_list import area_page, campaign_page, kind_page, topic_page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The protocol's limit for one file.
SITEMAP_SIZE = 50_000
# What no crawler should walk: the desk, administration, the stations' radio pages and counted short links.
PRIVATE_PATHS = ("/desk/", "/admin/", "/radio/", "/r/")


def _w3c(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _url(urlset: ET.Element, location: str, changed: datetime | None) -> None:
    url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
    ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = location
    if changed is not None:
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = _w3c(changed)


def sitemap() -> ResponseReturnValue:
    db = get_db()
    newest = sets.newest_changes(db)
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    _url(urlset, external_url("portal.index"), newest.site)
    for kind in MessageKind:
        _url(urlset, kind_page(kind.value), newest.kinds.get(kind))
    _url(urlset, external_url("portal.good_deeds"), newest.kinds.get(MessageKind.STORY))
    for campaign in sets.followable_campaigns(db):
        _url(urlset, campaign_page(campaign.slug), newest.campaigns.get(campaign.id))
    for topic in sets.followable_topics(db):
        _url(urlset, topic_page(topic.slug), newest.topics.get(topic.id))
    # An area's page also shows what targets its province, so the site's newest change may be its own.
    for area in sets.followable_areas(db):
        _url(urlset, area_page(area.code), newest.site)
    for message in sets.all_published(db, limit=SITEMAP_SIZE - len(urlset)):
        _url(urlset, external_url("portal.message", slug=message.slug), message.updated_at)
    return _conditional(Response(ET.tostring(urlset, encoding="utf-8", xml_declaration=True),
                                 mimetype="application/xml"))


def robots() -> ResponseReturnValue:
    lines = ["User-agent: *", "Allow: /", *(f"Disallow: {path}" for path in PRIVATE_PATHS), "",
             f"Sitemap: {external_url('feeds.sitemap')}", ""]
    return _conditional(Response("\n".join(lines), mimetype="text/plain"))


def _conditional(response: Response) -> ResponseReturnValue:
    """Crawlers ask again often; an unchanged answer is a 304 with no body."""
    response.add_etag()
    return response.make_conditional(request)
