"""The public portal: published messages only, readable on a phone."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from campaigns.models import ChannelKind
from campaigns.publication import get_published, list_published
from web.database import get_db

bp = Blueprint("portal", __name__)


@bp.get("/")
def index():
    page = max(request.args.get("page", 1, type=int), 1)
    size = current_app.config["PAGE_SIZE"]
    messages = list_published(get_db(), ChannelKind.PORTAL, limit=size + 1, offset=(page - 1) * size)
    return render_template("portal/index.html", messages=messages[:size], page=page, has_next=len(messages) > size)


@bp.get("/tin/<slug>")
def message(slug: str):
    return render_template("portal/message.html", message=get_published(get_db(), slug))
