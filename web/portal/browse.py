"""The portal's browse pages: one campaign, topic, area or kind with its published messages, and the gallery."""

from __future__ import annotations

from flask import current_app, render_template

from campaigns import portal_lists
from content.models import MessageKind
from web.database import get_db
from web.params import query_page
from web.portal.sharing import feed_links


def _paging() -> dict[str, int]:
    return {"page": query_page(), "per_page": current_app.config["PAGE_SIZE"]}


def campaign(slug: str) -> str:
    session = get_db()
    found = portal_lists.get_campaign(session, slug)
    page = portal_lists.page_of_campaign(session, found, **_paging())
    return render_template("portal/campaign.html", campaign=found, page=page,
                           feeds=feed_links("portal.campaign", slug=slug))


def topic(slug: str) -> str:
    session = get_db()
    found = portal_lists.get_topic(session, slug)
    page = portal_lists.page_of_topic(session, found, **_paging())
    return render_template("portal/topic.html", topic=found, page=page, feeds=feed_links("portal.topic", slug=slug))


def area(code: str) -> str:
    session = get_db()
    found = portal_lists.get_area(session, code)
    page = portal_lists.page_of_area(session, found, **_paging())
    return render_template("portal/area.html", found=found, page=page, feeds=feed_links("portal.area", code=code))


def kind(kind: str) -> str:
    found: MessageKind = portal_lists.parse_kind(kind)
    page = portal_lists.page_of_kind(get_db(), found, **_paging())
    return render_template("portal/kind.html", kind=found, page=page, feeds=feed_links("portal.kind", kind=kind))


def good_deeds() -> str:
    page = portal_lists.page_of_good_deeds(get_db(), **_paging())
    return render_template("portal/good_deeds.html", page=page, feeds=feed_links("portal.kind", kind="story"))
