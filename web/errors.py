"""Domain errors → HTTP, in one place: a page with the reason, or a JSON problem for API clients."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from content.audit import record_audit
from content.errors import Conflict, InvalidInput, InvalidTransition, LoaError, NotFound, PermissionDenied
from content.models import User
from web.database import get_db, now
from web.i18n.locale import translate

STATUS = {NotFound: 404, PermissionDenied: 403, Conflict: 409, InvalidTransition: 409, InvalidInput: 400}


def _wants_json() -> bool:
    # The radio API's callers are boxes and scripts: even a bad address gets them a JSON problem.
    return request.path.startswith(("/api/", "/radio/api/")) or request.accept_mimetypes.best == "application/json"


def json_problem(status: int, detail: str, *, title: str | None = None, **members: Any) -> Response:
    """An RFC 9457 problem, the one JSON error shape every API caller of Loa gets."""
    title = str(title or TITLES.get(status, gettext("Không thực hiện được")))
    response = jsonify({"type": "about:blank", "title": title, "status": status, "detail": str(translate(detail)),
                        **members})
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def _respond(status: int, title: str, detail: str, kept: list[tuple[str, str]] | None = None):
    if _wants_json():
        return json_problem(status, detail, title=title)
    return render_template("errors/error.html", status=status, title=title, detail=detail, kept=kept or []), status


def respond(status: int, detail: str):
    """A page or a JSON problem with the status's usual title, for error handlers kept beside their blueprint."""
    return _respond(status, TITLES.get(status, gettext("Không thực hiện được")), detail)


def describe(error: LoaError) -> str:
    """What went wrong, in the visitor's language (str(error) stays Vietnamese, for logs and the audit log)."""
    if isinstance(error, InvalidInput):
        return "; ".join(f"{field}: {translate(text)}" for field, text in error.errors.items())
    return str(translate(error.args[0])) if error.args else ""


def status_of(error: LoaError) -> int:
    return next((code for cls, code in STATUS.items() if isinstance(error, cls)), 400)


def discard_and_audit(error: LoaError, *, actor: User | None) -> None:
    """Drop the request's unsaved work; a refusal is then written to the audit log, like every refusal."""
    session = get_db()
    session.rollback()
    if isinstance(error, PermissionDenied):
        record_audit(session, actor=actor, action="denied", object_type=error.object_type or "request",
                     object_id=error.object_id, now=now(), remote_addr=request.remote_addr,
                     detail={"attempted": error.attempted or request.path, "reason": str(error)})
        session.commit()


def handle_domain_error(error: LoaError):
    discard_and_audit(error, actor=current_user.user if current_user.is_authenticated else None)
    status = status_of(error)
    return _respond(status, TITLES.get(status, gettext("Không thực hiện được")), describe(error))


def handle_http_error(error: HTTPException):
    status = error.code or 500
    # Werkzeug's own descriptions are English developer prose; people get ours.
    return _respond(status, TITLES.get(status, error.name), DETAILS.get(status, ""))


def handle_csrf_error(error: CSRFError):
    """A form sent after its session ended: say so, and hand back what was typed so nothing is lost."""
    kept = [(name, value) for name, value in request.form.items(multi=True)
            if name not in ("csrf_token", "version") and value.strip()]
    return _respond(400, gettext("Biểu mẫu đã hết hạn"), DETAILS["csrf"], kept)


TITLES = {
    400: lazy_gettext("Dữ liệu không hợp lệ"),
    403: lazy_gettext("Không có quyền"),
    404: lazy_gettext("Không tìm thấy"),
    409: lazy_gettext("Xung đột dữ liệu"),
    405: lazy_gettext("Không hỗ trợ"),
    413: lazy_gettext("Tệp hoặc nội dung quá lớn"),
    429: lazy_gettext("Quá nhiều yêu cầu"),
    500: lazy_gettext("Lỗi máy chủ"),
}


DETAILS = {
    400: lazy_gettext("Yêu cầu gửi lên không đọc được. Hãy quay lại trang trước và thử lại."),
    403: lazy_gettext("Tài khoản của bạn không được phép làm việc này."),
    404: lazy_gettext("Trang bạn tìm không có, hoặc đã được gỡ xuống. Hãy kiểm tra lại địa chỉ."),
    405: lazy_gettext("Trang này không nhận kiểu yêu cầu vừa gửi."),
    413: lazy_gettext("Nội dung gửi lên vượt quá dung lượng cho phép. Ảnh tối đa 5 MB; hãy thu nhỏ ảnh rồi "
                      "gửi lại. Bấm Quay lại trên trình duyệt để trở về biểu mẫu."),
    429: lazy_gettext("Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy chờ một lát rồi thử lại."),
    500: lazy_gettext("Hệ thống gặp sự cố ngoài ý muốn; lỗi đã được ghi lại. Hãy thử lại sau ít phút."),
    "csrf": lazy_gettext("Phiên làm việc đã kết thúc (ví dụ vì bạn đã đăng xuất) trước khi biểu mẫu được gửi, "
                         "nên hệ thống chưa lưu gì. Nội dung bạn đã nhập ở bên dưới: hãy sao chép, đăng nhập "
                         "lại, mở lại biểu mẫu và dán vào."),
}


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(LoaError, handle_domain_error)
    app.register_error_handler(HTTPException, handle_http_error)
