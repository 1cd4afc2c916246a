"""The editor's live preview: the exact sanitized HTML that will be published, and how long it reads."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import login_required

from content.rendering import render_markdown
from content.spoken import estimate_seconds, to_spoken
from web.desk import bp

MAX_PREVIEW_CHARS = 100_000


@bp.post("/preview")
@login_required
def preview():
    body = (request.get_json(silent=True) or {}).get("body_md", "")
    if not isinstance(body, str) or len(body) > MAX_PREVIEW_CHARS:
        return jsonify(error=_("Nội dung cần là văn bản, tối đa %(limit)s ký tự.", limit=f"{MAX_PREVIEW_CHARS:,}")), 400
    spoken = to_spoken(body)
    return jsonify(html=render_markdown(body), words=len(spoken.split()), read_seconds=estimate_seconds(spoken),
                   spoken=spoken)
