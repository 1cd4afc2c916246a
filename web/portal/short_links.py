"""A social post's tracked link: count the click, then send the reader to the message's page."""

from __future__ import annotations

from flask import current_app, redirect, request
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from content.errors import NotFound
from web.limits import limiter
from web.tracking import count_click, link_cache


def _click_limit() -> str:
    # Per address: generous for many readers behind one carrier NAT, a wall for a script.
    return str(current_app.config.get("CLICK_RATE_LIMIT", "300 per minute"))


@limiter.limit(_click_limit)
def short_link(code: str) -> Response:
    """Clicks are counted in memory and written in batches, never one write per reader."""
    target = link_cache().get(code)
    if target is None:
        raise NotFound(_("Đường dẫn rút gọn này không tồn tại."))
    # HEAD is what link-preview crawlers send first; only a GET is a person following the link.
    if request.method == "GET":
        count_click(target)
    return redirect(target.location, code=302)
