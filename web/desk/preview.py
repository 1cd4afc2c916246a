"""The editor's live preview: exactly what the public will see and hear, from the functions that publish."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from content.consent_masking import name_warnings, public_html
from content.markdown_bounds import MAX_MARKDOWN_CHARS, markdown_bound_error
from content.models import Message, MessageKind
from content.permissions import Action, authorize
from content.rendering import render_markdown
from content.spoken import estimate_seconds, spoken_text
from content.spoken.dictionary import load_rules
from content.spoken.markup import plain_lines
from web.auth import actor
from web.database import get_db
from web.desk.privacy_warnings import describe_warnings
from web.i18n.locale import translate
from web.limits import limiter


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    return value.strip() if isinstance(value, str) else ""


def draft_message(payload: dict[str, Any], body: str) -> Message:
    """The form as a message stored nowhere, trimmed as saving trims it, so preview and saved text agree."""
    kind = payload.get("kind")
    return Message(
        kind=MessageKind(kind) if kind in {k.value for k in MessageKind} else MessageKind.ARTICLE,
        title=_text(payload, "title"), summary=_text(payload, "summary"), body_md=body, body_html=render_markdown(body),
        spoken_override=_text(payload, "spoken_override") or None, person_name=_text(payload, "person_name") or None,
        deed=_text(payload, "deed") or None, name_consent=payload.get("name_consent") in (True, "on", "true"),
    )


def _preview_limit() -> str:
    # Per user: the editor asks at most every 300 ms of typing (editor.js), about 200 a minute flat out;
    # a script looping on the renderer and the spoken form gets a 429 long before it costs the desk.
    return str(current_app.config.get("PREVIEW_RATE_LIMIT", "240 per minute"))


def _signed_in_user() -> str:
    return f"user:{current_user.id}"


@login_required
@limiter.limit(_preview_limit, key_func=_signed_in_user)
def preview():
    """Reads only: on SQLite it never takes the write lock, however long the text (content.db)."""
    authorize(actor(), Action.MESSAGE_WRITE, None, object_type="message")
    payload = request.get_json(silent=True)
    payload = payload if isinstance(payload, dict) else {}
    body = payload.get("body_md", "")
    if not isinstance(body, str):
        return jsonify(error=_("Nội dung cần là văn bản, tối đa %(limit)s ký tự.", limit=f"{MAX_MARKDOWN_CHARS:,}"),
                       field="body_md"), 400
    # The same bounds as saving, checked before any rendering: what cannot be saved is not rendered.
    if (too_big := markdown_bound_error(body)) is not None:
        return jsonify(error=translate(too_big), field="body_md"), 400
    draft = draft_message(payload, body)
    # The saved message's own spoken text and read time: title included, an unconsented name masked.
    spoken = spoken_text(draft, rules=load_rules(get_db()))
    # Words as the editor wrote them; the read time is of what is said ("113" is three syllables).
    words = sum(len(line.split()) for line in plain_lines(body))
    return jsonify(html=public_html(draft, draft.body_html), words=words, read_seconds=estimate_seconds(spoken),
                   spoken=spoken, name_warnings=describe_warnings(name_warnings(draft)))
