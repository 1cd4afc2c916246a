"""Domain errors → HTTP, in one place: a page with the reason, or a JSON problem for API clients."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from content.audit import record_audit
from content.errors import Conflict, InvalidInput, InvalidTransition, LoaError, NotFound, PermissionDenied
from web.database import get_db, now

STATUS = {NotFound: 404, PermissionDenied: 403, Conflict: 409, InvalidTransition: 409, InvalidInput: 400}


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _respond(status: int, title: str, detail: str):
    if _wants_json():
        response = jsonify(type="about:blank", title=str(title), status=status, detail=detail)
        response.status_code = status
        response.mimetype = "application/problem+json"
        return response
    return render_template("errors/error.html", status=status, title=title, detail=detail), status


def _audit_denial(error: PermissionDenied) -> None:
    session = get_db()
    session.rollback()
    actor = current_user.user if current_user.is_authenticated else None
    record_audit(session, actor=actor, action="denied", object_type=error.object_type or "request",
                 object_id=error.object_id, now=now(), remote_addr=request.remote_addr,
                 detail={"attempted": error.attempted or request.path, "reason": str(error)})
    session.commit()


def handle_domain_error(error: LoaError):
    status = next((code for cls, code in STATUS.items() if isinstance(error, cls)), 400)
    if isinstance(error, PermissionDenied):
        _audit_denial(error)
    else:
        get_db().rollback()
    return _respond(status, TITLES.get(status, gettext("Không thực hiện được")), str(error))


def handle_http_error(error: HTTPException):
    return _respond(error.code or 500, TITLES.get(error.code or 500, error.name), error.description or "")


TITLES = {
    400: lazy_gettext("Dữ liệu không hợp lệ"),
    403: lazy_gettext("Không có quyền"),
    404: lazy_gettext("Không tìm thấy"),
    409: lazy_gettext("Xung đột dữ liệu"),
    413: lazy_gettext("Tệp hoặc nội dung quá lớn"),
    500: lazy_gettext("Lỗi máy chủ"),
}


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(LoaError, handle_domain_error)
    app.register_error_handler(HTTPException, handle_http_error)
