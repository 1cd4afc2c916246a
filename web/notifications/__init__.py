"""A person's notices: the list, marking read, their own address for mails; the unread count in the menu."""

from __future__ import annotations

from flask import Blueprint

from web.notifications import pages

bp = Blueprint("notifications", __name__, url_prefix="/notifications")
bp.add_url_rule("/", view_func=pages.index)
bp.add_url_rule("/<int:notification_id>/read", view_func=pages.read, methods=["POST"])
bp.add_url_rule("/read", view_func=pages.read_all, methods=["POST"])
bp.add_url_rule("/email", view_func=pages.email, methods=["POST"])
bp.app_context_processor(pages.unread_in_menu)
