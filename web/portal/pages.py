"""The public portal's pages: the newest published messages, and one message; each view counted in memory."""

from __future__ import annotations

from flask import current_app, render_template

from campaigns.models import ChannelKind
from campaigns.publication import get_published, page_published
from web.database import get_db
from web.params import query_page
from web.tracking import count_view


def index() -> str:
    page = page_published(get_db(), ChannelKind.PORTAL, page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    count_view(None)  # after the lookup: a page that fails to load is not a view
    return render_template("portal/index.html", page=page)


def message(slug: str) -> str:
    found = get_published(get_db(), slug)
    count_view(found.id)
    return render_template("portal/message.html", message=found)
