"""The public portal: published messages only, readable on a phone."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request
from flask_babel import gettext as _

from campaigns.models import ChannelKind
from campaigns.links import destination, find_link, record_click
from campaigns.publication import get_published, list_published
from content.db import begin_write
from content.errors import NotFound
from web.database import get_db, now
from web.params import query_page

bp = Blueprint("portal", __name__)


@bp.get("/")
def index():
    page = query_page()
    size = current_app.config["PAGE_SIZE"]
    messages = list_published(get_db(), ChannelKind.PORTAL, limit=size + 1, offset=(page - 1) * size)
    return render_template("portal/index.html", messages=messages[:size], page=page, has_next=len(messages) > size)


@bp.get("/tin/<slug>")
def message(slug: str):
    return render_template("portal/message.html", message=get_published(get_db(), slug))


@bp.route("/r/<code>", methods=["GET", "HEAD"])
def short_link(code: str):
    """A tracked link from a social post: count the click, then go to the message's page."""
    db = get_db()
    begin_write(db)  # a click is written: take the write lock before reading (SQLite)
    link = find_link(db, code)
    if link is None:
        raise NotFound(_("Đường dẫn rút gọn này không tồn tại."))
    # HEAD is what link-preview crawlers send first; only a GET is a person following the link.
    if request.method == "GET":
        record_click(db, link, now=now())
        db.commit()
    return redirect(destination(db, link), code=302)
