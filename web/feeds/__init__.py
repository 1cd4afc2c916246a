"""Public feeds of what has been published."""

from __future__ import annotations

from flask import Blueprint

from web.feeds import site_feeds

bp = Blueprint("feeds", __name__)
bp.add_url_rule("/feed.rss", view_func=site_feeds.site_rss)
bp.add_url_rule("/feed.atom", view_func=site_feeds.site_atom)
