"""The public portal's pages: the newest published messages, and one message."""

from __future__ import annotations

from flask import current_app, render_template

from campaigns.models import ChannelKind
from campaigns.publication import get_published, page_published
from web.database import get_db
from web.params import query_page


def index() -> str:
    page = page_published(get_db(), ChannelKind.PORTAL, page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    return render_template("portal/index.html", page=page)


def message(slug: str) -> str:
    return render_template("portal/message.html", message=get_published(get_db(), slug))
