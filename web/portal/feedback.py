"""The "was this useful?" form under a portal message.

The message page is kept and served to every anonymous reader alike (web.public_fast_path), so its form
cannot carry a per-session CSRF token; the view is exempt (web/__init__.py). That is safe here: the
answer is anonymous and acts for no one, so a forged post gains an attacker nothing a direct post
would not, and the per-address limit bounds both.
"""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from limits import parse
from werkzeug.wrappers import Response

from campaigns import portal_lists
from campaigns.message_feedback import MAX_NOTE, parse_answer, record_feedback
from content.errors import InvalidInput
from content.models import Message
from web.database import get_db, now
from web.i18n.locale import translate_all
from web.limits import limiter

HONEYPOT = "website"  # hidden from people; a form-filling script fills it


def _feedback_limit() -> str:
    # An answer is one row: a household behind one carrier address may answer several messages an hour.
    return str(current_app.config.get("FEEDBACK_RATE_LIMIT", "20 per hour"))


def feedback(slug: str) -> Response | tuple[str, int] | tuple[str, int, dict[str, str]]:
    session = get_db()
    message = portal_lists.get_public_message(session, slug)
    note = request.form.get("note", "")
    answer = request.form.get("useful")
    if (wait := _held_back()) is not None:
        page = _again(message, answer, note, {"form": _(
            "Từ mạng này đã có quá nhiều ý kiến trong thời gian ngắn; ý kiến vừa rồi chưa được lưu. "
            "Nội dung bạn nhập vẫn còn bên dưới: hãy gửi lại sau ít phút.")})[0]
        return page, 429, {"Retry-After": str(wait)}
    if request.form.get(HONEYPOT, "").strip():
        return _again(message, answer, note, {"form": _("Biểu mẫu có một ô ẩn đã được điền; nếu bạn là người, "
                                                          "hãy gửi lại từ trang tin.")})
    try:
        record_feedback(session, message, is_useful=parse_answer(answer), note=note, now=now())
    except InvalidInput as error:
        session.rollback()
        return _again(message, answer, note, translate_all(error.errors))
    session.commit()
    flash(_("Cảm ơn bạn đã góp ý. Ý kiến đã được gửi tới người biên tập tin này."), "success")
    return redirect(url_for("portal.message", slug=message.slug, _anchor="y-kien"), code=303)


def _held_back() -> int | None:
    """Seconds to wait when this address has used up its answers, else None (and this answer is counted).

    Checked here rather than by a decorator so the reader gets this form back with what they typed: the
    portal's own 429 page belongs to the tip-off forms (web.portal.tipoffs.limited).
    """
    item = parse(_feedback_limit())
    keys = ("loa", "message-feedback", request.remote_addr or "")
    if limiter.limiter.hit(item, *keys):
        return None
    reset_at, _left = limiter.limiter.get_window_stats(item, *keys)
    return max(int(reset_at - time.time()) + 1, 1)


def _again(message: Message, answer: str | None, note: str, errors: dict[str, str]) -> tuple[str, int]:
    """The form again with what was typed and why it was not taken."""
    return render_template("portal/feedback.html", message=message, answer=answer, note=note, errors=errors,
                           max_note=MAX_NOTE), 400
