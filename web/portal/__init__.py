"""The public portal: published messages only, readable on a phone, and the tracked short links."""

from __future__ import annotations

from flask import Blueprint

from campaigns.links import SHORT_LINK_PATH
from campaigns.portal_lists import Withdrawn
from web.addresses import MESSAGE_PATH
from web.limits import limiter
from web.portal import browse, feedback, pages, search, short_links, tipoffs
from web.tipoff_labels import register_tipoff_labels

bp = Blueprint("portal", __name__)
bp.add_url_rule("/", view_func=pages.index)
bp.add_url_rule(f"{MESSAGE_PATH}<slug>", view_func=pages.message)
bp.add_url_rule(f"{MESSAGE_PATH}<slug>/y-kien", view_func=feedback.feedback, methods=["POST"])
bp.add_url_rule("/chien-dich/<slug>", view_func=browse.campaign)
bp.add_url_rule("/chu-de/<slug>", view_func=browse.topic)
bp.add_url_rule("/dia-ban/<code>", view_func=browse.area)
bp.add_url_rule("/loai/<kind>", view_func=browse.kind)
bp.add_url_rule("/nguoi-tot-viec-tot", view_func=browse.good_deeds)
bp.add_url_rule("/tim-kiem", view_func=search.search)
bp.add_url_rule(f"{SHORT_LINK_PATH}<code>", view_func=short_links.short_link, methods=["GET", "HEAD"])
bp.add_url_rule("/phan-anh", endpoint="tipoff_form", methods=["GET", "POST"],
                view_func=limiter.limit(tipoffs.submit_limit, methods=["POST"])(tipoffs.form))
bp.add_url_rule("/phan-anh/tra-cuu", endpoint="tipoff_status", methods=["GET", "POST"],
                view_func=limiter.limit(tipoffs.lookup_limit, methods=["POST"])(tipoffs.status))
bp.add_url_rule("/phan-anh/bo-sung", endpoint="tipoff_add", methods=["POST"],
                view_func=limiter.limit(tipoffs.add_limit)(tipoffs.add))
bp.register_error_handler(Withdrawn, pages.gone)
bp.register_error_handler(429, tipoffs.limited)
register_tipoff_labels(bp)
