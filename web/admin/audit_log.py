"""The audit log page: what happened in the admin's own area, newest first, filtered by action."""

from __future__ import annotations

from flask import current_app, render_template, request

from campaigns.audit_trail import actors_of, list_audit
from web.auth import actor
from web.database import get_db
from web.params import query_page


def audit() -> str:
    action = request.args.get("action", "").strip()
    page = list_audit(get_db(), actor(), action=action, page=query_page(),
                      per_page=current_app.config["PAGE_SIZE"] * 2)
    return render_template("admin/audit.html", page=page, actors=actors_of(get_db(), page.items), action=action)
