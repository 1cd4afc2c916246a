"""The editor's live preview: the exact sanitized HTML that will be published, and how it sounds on air."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import login_required

from content.markdown_bounds import MAX_MARKDOWN_CHARS, markdown_bound_error
from content.rendering import render_markdown
from content.spoken import estimate_seconds, to_spoken
from content.spoken.dictionary import load_rules
from content.spoken.markup import plain_lines
from web.database import get_db
from web.desk import bp


@bp.post("/preview")
@login_required
def preview():
    """Reads only: on SQLite it never takes the write lock, however long the text (content.db)."""
    payload = request.get_json(silent=True)
    body = payload.get("body_md", "") if isinstance(payload, dict) else ""
    if not isinstance(body, str):
        return jsonify(error=_("Nội dung cần là văn bản, tối đa %(limit)s ký tự.", limit=f"{MAX_MARKDOWN_CHARS:,}"),
                       field="body_md"), 400
    # The same bounds as saving, checked before any rendering: what cannot be saved is not rendered.
    if (too_big := markdown_bound_error(body)) is not None:
        return jsonify(error=too_big, field="body_md"), 400
    spoken = to_spoken(body, rules=load_rules(get_db()))
    # Words as the editor wrote them; the read time is of what is said ("113" is three syllables).
    words = sum(len(line.split()) for line in plain_lines(body))
    return jsonify(html=render_markdown(body), words=words, read_seconds=estimate_seconds(spoken), spoken=spoken)
