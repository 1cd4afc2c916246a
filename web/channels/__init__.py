"""Admin pages for destination channels, for those allowed to manage them."""

from __future__ import annotations

from flask import Blueprint

from content.permissions import Action
from web.auth import requiring
from web.channels import management

bp = Blueprint("channels", __name__, url_prefix="/admin/channels")
bp.before_request(requiring(Action.CHANNEL_MANAGE, object_type="channel"))
bp.add_url_rule("/", view_func=management.index)
bp.add_url_rule("/new/<kind>", view_func=management.new, methods=["GET", "POST"])
bp.add_url_rule("/<int:channel_id>", view_func=management.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:channel_id>/resolve", view_func=management.resolve, methods=["POST"])
