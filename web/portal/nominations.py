"""The public nomination form (đề cử người tốt, việc tốt): no account, nothing about the sender kept.

Abuse guards, each with its own clear answer and the typed text handed back: a per-address rate limit
(the limiter's store forgets the address with its window; no row keeps it), a honeypot field people
never see, and bounds on each field and on the whole request.
"""

from __future__ import annotations

from flask import current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from limits import RateLimitItem, parse_many

from campaigns.nominations import submit_nomination
from content.errors import InvalidInput
from web.database import get_db, now, zone
from web.limits import limiter
from web.nomination_form import FIELDS, field_errors, places, read_nomination

HONEYPOT = "website"
# The longest honest form (every field at its bound, in UTF-8) is about 18 KB.
MAX_FORM_BYTES = 32 * 1024


def _page(errors: dict[str, str], status: int = 200, *, notice: str = "") -> ResponseReturnValue:
    form = {name: request.form.get(name, "") for name in FIELDS} if request.method == "POST" else {}
    return render_template("nominations/public_form.html", form=form, errors=errors, notice=notice,
                           places=places(get_db())), status


def _limits() -> list[RateLimitItem]:
    return parse_many(str(current_app.config.get("NOMINATION_RATE_LIMIT", "5 per hour;20 per day")))


def _within_limits(*, spend: bool) -> bool:
    """Whether this address may send one more; `spend` counts one. Only what was received is counted, so
    a person correcting a typo five times is never turned away, and a bot's honeypot hits count too."""
    strategy = limiter.limiter
    address = request.remote_addr or ""
    if spend:
        return all([strategy.hit(item, "loa", "nomination", address) for item in _limits()])
    return all(strategy.test(item, "loa", "nomination", address) for item in _limits())


def nominate() -> ResponseReturnValue:
    if request.method == "GET":
        return _page({})
    if not _within_limits(spend=False):
        return _page({}, 429, notice=_("Từ địa chỉ mạng của bạn đã có nhiều đề cử gửi đến trong thời gian ngắn, nên "
                                       "đề cử này chưa được nhận. Nội dung bạn đã nhập vẫn còn bên dưới; hãy thử lại "
                                       "sau một giờ."))
    if (request.content_length or 0) > MAX_FORM_BYTES:
        return _page({}, 413, notice=_("Nội dung gửi lên quá dài. Hãy rút gọn phần kể việc tốt rồi gửi lại."))
    if request.form.get(HONEYPOT, "").strip():
        _within_limits(spend=True)
        return _page({}, 400, notice=_("Ô “Trang web” phải để trống (ô này dùng để chặn máy gửi tự động). Hãy xóa "
                                       "nội dung trong ô đó rồi gửi lại."))
    session = get_db()
    try:
        submit_nomination(session, read_nomination(session, request.form), now=now(),
                          today=now().astimezone(zone()).date())
    except InvalidInput as error:
        session.rollback()
        return _page(field_errors(error), 400)
    session.commit()
    _within_limits(spend=True)
    return render_template("nominations/thanks.html")
