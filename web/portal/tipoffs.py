"""The public tip-off form, its receipt, and the status page a sender opens with the receipt code alone.

Nothing here records who sent what: no address, no cookie value goes into a row (the rate limiter keeps the
address in its own store, for the window only). The code travels in a POST body, never in a URL, so it is in no
access log, browser history or Referer. Every response is `no-store`: a shared phone must not show the last
sender's receipt from its cache. A refused form comes back with everything typed (photos must be chosen again:
a browser never lets a page fill a file field).
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, make_response, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from campaigns.tipoff_models import TipoffKind
from campaigns.tipoff_photos import MAX_PHOTOS, Upload, clean_photos
from campaigns.tipoffs import (
    MAX_ADDITION_CHARS,
    MAX_BODY_CHARS,
    MAX_CONTACT_CHARS,
    TipoffInput,
    add_information,
    check_tipoff,
    find_by_code,
    normalize_code,
    sender_status,
    submit_tipoff,
)
from content.errors import InvalidInput
from content.models import Area, AreaKind
from web.database import get_db, now, zone
from web.errors import handle_http_error
from web.tipoff_settings import tipoff_key, tipoff_photo_root, tipoff_retention_days

MAX_CODE_CHARS = 40


# Per address, and the address is kept only by the limiter for the window. Generous enough for a commune office
# or a carrier NAT with many people behind one address, a wall for a script flooding the desk.
def submit_limit() -> str:
    return str(current_app.config.get("TIPOFF_RATE_LIMIT", "10 per 10 minutes;50 per day"))


def lookup_limit() -> str:
    # 80-bit codes cannot be guessed at any rate; the limit is against a script loading the database.
    return str(current_app.config.get("TIPOFF_LOOKUP_RATE_LIMIT", "30 per 10 minutes;200 per day"))


def add_limit() -> str:
    return str(current_app.config.get("TIPOFF_ADD_RATE_LIMIT", "10 per 10 minutes;50 per day"))

def form() -> Response:
    if request.method == "GET":
        return _page("portal/tipoff_form.html", **_form_context(TipoffInput(), {}))
    data = _read_form()
    session = get_db()
    try:
        checked = check_tipoff(session, data, today=now().astimezone(zone()).date())
        photos = clean_photos(_uploads())
    except InvalidInput as refusal:
        session.rollback()
        return _page("portal/tipoff_form.html", status=400, **_form_context(data, refusal.errors))
    _, code = submit_tipoff(session, checked, photos, key=tipoff_key(current_app), photo_root=tipoff_photo_root(current_app),
                            now=now())
    session.commit()
    return _page("portal/tipoff_receipt.html", code=code)


def status() -> Response:
    if request.method == "GET":
        return _page("portal/tipoff_status.html", code="", problem=None, found=None, errors={}, body="")
    typed = request.form.get("code", "")[:MAX_CODE_CHARS]
    return _status_page(typed, _lookup_error(typed))


def add() -> Response:
    typed = request.form.get("code", "")[:MAX_CODE_CHARS]
    session = get_db()
    tipoff = find_by_code(session, typed)
    if tipoff is None:
        return _status_page(typed, _lookup_error(typed), status=404)
    body = request.form.get("body", "")
    try:
        photos = clean_photos(_uploads())
        add_information(session, tipoff, body, photos, key=tipoff_key(current_app),
                        photo_root=tipoff_photo_root(current_app), trap=request.form.get("website", ""), now=now())
    except InvalidInput as refusal:
        session.rollback()
        return _status_page(typed, None, errors=refusal.errors, body=body, status=400)
    session.commit()
    return _status_page(typed, None, added=True)


def limited(error: HTTPException) -> ResponseReturnValue:
    """429 on a tip-off page: the same page again, with what was typed and the reason, never a bare error."""
    if request.endpoint not in ("portal.tipoff_form", "portal.tipoff_status", "portal.tipoff_add"):
        return handle_http_error(error)  # the portal's other limited pages (search) keep the usual answer
    message = gettext("Bạn đã gửi quá nhiều lần trong thời gian ngắn từ mạng này. Hệ thống chưa lưu lần gửi vừa rồi. "
                      "Nội dung bạn nhập vẫn còn bên dưới: hãy chờ khoảng mười phút rồi bấm gửi lại.")
    if request.endpoint == "portal.tipoff_form":
        return _page("portal/tipoff_form.html", status=429,
                     **_form_context(_read_form(), {"form": message}))
    typed = request.form.get("code", "")[:MAX_CODE_CHARS]
    return _page("portal/tipoff_status.html", status=429, code=typed, problem=message, found=None, errors={},
                 body=request.form.get("body", ""))


def _status_page(typed: str, error: str | None, *, errors: dict[str, str] | None = None, body: str = "",
                 added: bool = False, status: int = 200) -> Response:
    session = get_db()
    tipoff = find_by_code(session, typed) if error is None else None
    found = sender_status(session, tipoff) if tipoff is not None else None
    return _page("portal/tipoff_status.html", status=status if found or error is None else 404,
                 code=normalize_code(typed) or typed, problem=error, found=found, errors=errors or {}, body=body,
                 added=added, max_chars=MAX_ADDITION_CHARS, max_photos=MAX_PHOTOS)


def _lookup_error(typed: str) -> str | None:
    if not typed.strip():
        return gettext("Hãy nhập mã tra cứu bạn nhận được khi gửi phản ánh.")
    if normalize_code(typed) is None:
        return gettext("Mã tra cứu gồm 16 chữ và số (ví dụ ABCD-2345-EFGH-6789). Hãy kiểm tra lại mã đã nhập.")
    if find_by_code(get_db(), typed) is None:
        return gettext("Không có phản ánh nào với mã này. Hãy kiểm tra lại từng ký tự; phản ánh quá thời hạn lưu "
                       "giữ cũng đã được xóa hẳn.")
    return None


def _read_form() -> TipoffInput:
    values = request.form
    return TipoffInput(kind=values.get("kind", ""), commune=values.get("commune", ""), village=values.get("village", ""),
                       occurred_on=values.get("occurred_on", ""), occurred_time=values.get("occurred_time", ""),
                       body=values.get("body", ""), anonymous=values.get("anonymous", "1") != "0",
                       contact=values.get("contact", ""), trap=values.get("website", ""))


def _uploads() -> list[Upload]:
    return [Upload(file.read(), file.filename or "") for file in request.files.getlist("photos") if file.filename]


def _form_context(data: TipoffInput, errors: dict[str, str]) -> dict[str, Any]:
    session = get_db()
    communes = list(session.scalars(select(Area).where(Area.kind == AreaKind.COMMUNE, Area.retired_at.is_(None))
                                    .order_by(Area.path)))
    villages = list(session.scalars(select(Area).where(Area.kind == AreaKind.RESIDENTIAL, Area.retired_at.is_(None))
                                    .order_by(Area.path)))
    by_commune: dict[int, list[Area]] = {}
    for village in villages:
        by_commune.setdefault(village.parent_id or 0, []).append(village)
    return dict(data=data, errors=errors, kinds=list(TipoffKind), communes=communes, villages=by_commune,
                retention_days=tipoff_retention_days(current_app),
                lost_photos=bool(errors) and any(file.filename for file in request.files.getlist("photos")),
                max_body=MAX_BODY_CHARS, max_contact=MAX_CONTACT_CHARS, max_photos=MAX_PHOTOS)


def _page(template: str, *, status: int = 200, **context: object) -> Response:
    response = make_response(render_template(template, **context), status)
    response.headers["Cache-Control"] = "no-store"
    # The receipt page names the code: no other site learns this page's address from a link on it.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
