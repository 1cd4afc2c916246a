"""Every error under /api/v1 as an RFC 9457 problem document (`application/problem+json`), never a page.

A problem has `type` (a URI naming the kind of error; "about:blank" when the status says it all), `title`,
`status`, `detail` (for a person), `instance` (the request's path) and, for input that broke field rules,
`errors`: a list of `{"field": ..., "message": ...}` where `field` is a dotted path into the body or query.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from content.errors import InvalidInput, LoaError
from web.errors import DETAILS, TITLES, describe, discard_and_audit, handle_http_error, status_of
from web.i18n.locale import translate

PROBLEM_TYPE = "https://loa.invalid/problems/"  # + a short name; documented in docs/api.md
PROBLEM_STATUSES = (400, 401, 403, 404, 422, 429)


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(title="Problem")
    type: str = Field(default="about:blank", description="A URI naming the kind of problem.")
    title: str
    status: int = Field(ge=400, le=599)
    detail: str = ""
    instance: str = ""
    errors: list[FieldError] | None = None
    scope: str | None = Field(default=None, description="The scope a 403 needed.")


class ApiProblem(Exception):
    """Raised by API code for an answer that is a problem: the blueprint's handler renders it."""

    def __init__(self, status: int, detail: str = "", *, title: str | None = None, kind: str | None = None,
                 errors: list[FieldError] | None = None, headers: Mapping[str, str] | None = None,
                 **members: Any) -> None:
        super().__init__(detail)
        self.status, self.detail, self.title, self.kind = status, detail, title, kind
        self.errors, self.headers, self.members = errors, dict(headers or {}), members


def problem_response(status: int, detail: str = "", *, title: str | None = None, kind: str | None = None,
                     errors: list[FieldError] | None = None, headers: Mapping[str, str] | None = None,
                     **members: Any) -> Response:
    document: dict[str, Any] = {
        "type": PROBLEM_TYPE + kind if kind else "about:blank",
        "title": str(title or TITLES.get(status) or _("Không thực hiện được")),
        "status": status, "detail": str(translate(detail)) if detail else "", "instance": request.path}
    if errors is not None:
        document["errors"] = [e.model_dump() for e in errors]
    document.update({k: v for k, v in members.items() if v is not None})
    response = jsonify(document)
    response.status_code = status
    response.mimetype = "application/problem+json"
    response.headers.update(dict(headers or {}))
    return response


def field_errors(errors: Mapping[str, str]) -> list[FieldError]:
    return [FieldError(field=name, message=str(translate(text))) for name, text in errors.items()]


def validation_errors(error: ValidationError, *, within: str) -> list[FieldError]:
    """pydantic's errors as fields: `within` is "body" or "query"."""
    return [FieldError(field=".".join([within, *map(str, e["loc"])]), message=e["msg"]) for e in error.errors()]


def _on_api_problem(error: ApiProblem) -> Response:
    return problem_response(error.status, error.detail, title=error.title, kind=error.kind, errors=error.errors,
                            headers=error.headers, **error.members)


def _on_validation(error: ValidationError) -> Response:
    return problem_response(422, _("Dữ liệu gửi lên không đúng mô tả của API."), kind="validation",
                            errors=validation_errors(error, within="body"))


def _on_domain(error: LoaError) -> Response:
    discard_and_audit(error, actor=getattr(g.get("api_principal"), "user", None))
    if isinstance(error, InvalidInput):
        return problem_response(422, _("Dữ liệu chưa hợp lệ."), kind="validation", errors=field_errors(error.errors))
    status = status_of(error)
    kind = {403: "forbidden", 404: "not-found", 409: "conflict"}.get(status)
    return problem_response(status, describe(error), kind=kind)


def _on_http(error: HTTPException) -> Response:
    status = error.code or 500
    headers = dict(error.get_headers()) if status in (405, 429) else {}
    headers.pop("Content-Type", None)
    detail = error.description if status == 429 and error.description else DETAILS.get(status, "")
    return problem_response(status, str(detail), title=str(TITLES.get(status, error.name)), headers=headers)


def _names_nothing(error: MethodNotAllowed) -> bool:
    """Whether no rule takes the path with any method: Werkzeug answers 405 when the path's shape matches one
    rule whose method differs and another whose converter refused the value (an id past the largest)."""
    adapter = current_app.create_url_adapter(request)
    for method in error.valid_methods or ():
        try:
            adapter.match(method=method)  # type: ignore[union-attr]
        except NotFound:
            continue
        except HTTPException:
            return False
        return False
    return True


def register_problems(bp: Blueprint) -> None:
    """Errors raised in the API's views, and (app-wide, by status) the routing errors of paths under the
    API's prefix: those match no route, so no blueprint handler sees them."""
    bp.register_error_handler(ApiProblem, _on_api_problem)
    bp.register_error_handler(ValidationError, _on_validation)
    bp.register_error_handler(LoaError, _on_domain)
    bp.register_error_handler(HTTPException, _on_http)

    def routing_error(error: HTTPException) -> ResponseReturnValue:
        if request.path == bp.url_prefix or request.path.startswith(f"{bp.url_prefix}/"):
            return _on_http(NotFound() if isinstance(error, MethodNotAllowed) and _names_nothing(error) else error)
        return handle_http_error(error)

    def install(state: BlueprintSetupState) -> None:
        for status in (404, 405):
            state.app.register_error_handler(status, routing_error)

    bp.record_once(install)

