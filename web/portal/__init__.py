"""The public portal: published messages only, readable on a phone, and the tracked short links."""

from __future__ import annotations

from flask import Blueprint

from web.addresses import MESSAGE_PATH
from web.portal import pages, search, short_links

bp = Blueprint("portal", __name__)
bp.add_url_rule("/", view_func=pages.index)
bp.add_url_rule(f"{MESSAGE_PATH}<slug>", view_func=pages.message)
bp.add_url_rule("/tim-kiem", view_func=search.search)
bp.add_url_rule("/r/<code>", view_func=short_links.short_link, methods=["GET", "HEAD"])
