"""The editor's live preview: the exact sanitized HTML that will be published, and how it sounds on air."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import login_required

from content.permissions import Action, authorize
from content.rendering import render_markdown
from content.spoken import estimate_seconds, to_spoken
from content.spoken.dictionary import load_rules
from content.spoken.markup import plain_lines
from web.database import get_db
from web.desk import actor, bp

MAX_PREVIEW_CHARS = 100_000


@bp.post("/preview")
@login_required
def preview():
    authorize(actor(), Action.MESSAGE_WRITE, None, object_type="message")
    body = (request.get_json(silent=True) or {}).get("body_md", "")
    if not isinstance(body, str) or len(body) > MAX_PREVIEW_CHARS:
        return jsonify(error=_("Nội dung cần là văn bản, tối đa %(limit)s ký tự.", limit=f"{MAX_PREVIEW_CHARS:,}")), 400
    spoken = to_spoken(body, rules=load_rules(get_db()))
    # Words as the editor wrote them; the read time is of what is said ("113" is three syllables).
    words = sum(len(line.split()) for line in plain_lines(body))
    return jsonify(html=render_markdown(body), words=words, read_seconds=estimate_seconds(spoken), spoken=spoken)
