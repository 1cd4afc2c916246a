"""The public portal: published messages only, readable on a phone."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request
from flask_babel import gettext as _

from campaigns.models import ChannelKind
from campaigns.publication import get_published, page_published
from content.errors import NotFound
from web.database import get_db
from web.limits import limiter
from web.params import query_page
from web.tracking import count_click, link_cache

bp = Blueprint("portal", __name__)


@bp.get("/")
def index():
    page = page_published(get_db(), ChannelKind.PORTAL, page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    return render_template("portal/index.html", page=page)


@bp.get("/tin/<slug>")
def message(slug: str):
    return render_template("portal/message.html", message=get_published(get_db(), slug))


def _click_limit() -> str:
    # Per address: generous for many readers behind one carrier NAT, a wall for a script.
    return str(current_app.config.get("CLICK_RATE_LIMIT", "300 per minute"))


@bp.route("/r/<code>", methods=["GET", "HEAD"])
@limiter.limit(_click_limit)
def short_link(code: str):
    """A tracked link from a social post: count the click (in memory, written in batches), then go to the page."""
    target = link_cache().get(code)
    if target is None:
        raise NotFound(_("Đường dẫn rút gọn này không tồn tại."))
    # HEAD is what link-preview crawlers send first; only a GET is a person following the link.
    if request.method == "GET":
        count_click(target)
    return redirect(target.location, code=302)
