"""Admin pages: accounts (role and area), API tokens, the audit log, and the loudspeaker's reading dictionary."""

from __future__ import annotations

from flask import Blueprint

from content.permissions import Action
from web.admin import api_tokens, audit_log, spoken, tipoff_readers, users
from web.auth import requiring

bp = Blueprint("admin", __name__, url_prefix="/admin")
bp.before_request(requiring(Action.USER_MANAGE))
bp.add_url_rule("/users", view_func=users.users)
bp.add_url_rule("/users", view_func=users.add_user, methods=["POST"])
bp.add_url_rule("/users/<int:user_id>", view_func=users.edit_user, methods=["POST"])
bp.add_url_rule("/users/<int:user_id>/tipoffs", view_func=tipoff_readers.tipoff_reader, methods=["POST"])
bp.add_url_rule("/audit", view_func=audit_log.audit)
bp.add_url_rule("/api-tokens", view_func=api_tokens.api_tokens)
bp.add_url_rule("/api-tokens", endpoint="issue_api_token", view_func=api_tokens.issue, methods=["POST"])
bp.add_url_rule("/api-tokens/<int:token_id>/revoke", endpoint="revoke_api_token", view_func=api_tokens.revoke,
               methods=["POST"])
bp.add_url_rule("/spoken", view_func=spoken.spoken)
bp.add_url_rule("/spoken/entries", view_func=spoken.add_spoken_entry, methods=["POST"])
bp.add_url_rule("/spoken/entries/edit", view_func=spoken.edit_spoken_entry, methods=["POST"])
bp.add_url_rule("/spoken/entries/delete", view_func=spoken.delete_spoken_entry, methods=["POST"])
bp.add_url_rule("/spoken/pointer", view_func=spoken.set_spoken_pointer, methods=["POST"])
