"""`@operation`: one declaration gives an API endpoint its route, its checks and its OpenAPI entry.

    @operation("GET", "/messages/<int:message_id>", scope="messages:read", summary="One message",
               response=MessageOut, tags=["messages"])
    def show(message_id: int) -> MessageOut: ...

What the decorator does on each request, before the view runs: authenticate the Bearer token and check
its scope (401/403 problems), read the query string into `query=` (the view gets `query=`), read the
JSON body into `body=` (the view gets `body=`; 415 unless JSON, 413 past `API_MAX_BODY_BYTES`, 400 for
unreadable JSON, 422 for a wrong type or an unknown field). The view returns a pydantic model (or
`(model, headers)`, or a ready Response); it is sent as JSON with `status`.

`build_openapi()` walks every declared operation into an OpenAPI 3.1 document: pydantic v2's JSON Schema
is draft 2020-12, the dialect OpenAPI 3.1 uses, so the models' schemas go in unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, get_args, get_origin

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema

from campaigns.api_tokens import SCOPES
from web.api.auth import require_scope
from web.api.problems import PROBLEM_STATUSES, ApiProblem, Problem, validation_errors
from web.params import MAX_ID

DEFAULT_MAX_BODY = 1024 * 1024  # a message's Markdown is at most 50,000 characters; JSON escapes can triple that
REF = "#/components/schemas/{model}"
_PATH_ARG = re.compile(r"<(?:(\w+):)?(\w+)>")


@dataclass
class Operation:
    method: str
    rule: str
    view: Callable[..., Any]
    scope: str | None
    summary: str
    description: str = ""
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    tags: Sequence[str] = ()
    problems: Sequence[int] = ()
    headers: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.view.__module__.rsplit('.', 1)[-1]}_{self.view.__name__}"


OPERATIONS: list[Operation] = []


def operation(method: str, rule: str, *, scope: str | None, summary: str, description: str = "",
              query: type[BaseModel] | None = None, body: type[BaseModel] | None = None,
              response: type[BaseModel] | None = None, status: int = 200, tags: Sequence[str] = (),
              problems: Sequence[int] = (), headers: Mapping[str, str] | None = None,
              links: Mapping[str, Mapping[str, Any]] | None = None) -> Callable[..., Any]:
    """Declare an endpoint (see the module's docstring); `problems` adds statuses beyond the usual ones
    (e.g. 409), `headers` documents response headers by name and description, `links` are OpenAPI link
    objects of the success response (what a client, or schemathesis' stateful phase, may call next with it)."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"unknown scope {scope}")

    def decorate(view: Callable[..., Any]) -> Callable[..., ResponseReturnValue]:
        declared = Operation(method=method.upper(), rule=rule, view=view, scope=scope, summary=summary,
                             description=description, query=query, body=body, response=response, status=status,
                             tags=tags, problems=problems, headers=dict(headers or {}), links=dict(links or {}))

        @wraps(view)
        def endpoint(**path_args: Any) -> ResponseReturnValue:
            if declared.scope is not None:
                require_scope(declared.scope)
            arguments = dict(path_args)
            if declared.query is not None:
                arguments["query"] = read_query(declared.query)
            if declared.body is not None:
                arguments["body"] = read_body(declared.body)
            return _reply(view(**arguments), declared.status)

        OPERATIONS.append(declared)
        endpoint.operation = declared  # type: ignore[attr-defined]
        return endpoint

    return decorate


def add_operations(bp: Blueprint, views: Sequence[Callable[..., Any]]) -> None:
    """Route each declared view on the blueprint (its URL map is then the list of operations)."""
    for view in views:
        declared: Operation = view.operation  # type: ignore[attr-defined]
        bp.add_url_rule(declared.rule, endpoint=declared.name, view_func=view, methods=[declared.method])


def _is_list(annotation: Any) -> bool:
    return get_origin(annotation) is list or any(get_origin(a) is list for a in get_args(annotation))


def read_query(model: type[BaseModel]) -> BaseModel:
    """The query string as `model`: a parameter given twice is a list only where the model wants one."""
    values: dict[str, Any] = {}
    for name, given in request.args.lists():
        wanted = model.model_fields.get(name)
        values[name] = given if wanted is not None and _is_list(wanted.annotation) or len(given) > 1 else given[0]
    try:
        return model.model_validate(values)
    except ValidationError as error:
        raise ApiProblem(422, _("Tham số trên địa chỉ không hợp lệ."), kind="validation",
                         errors=validation_errors(error, within="query")) from None


def read_body(model: type[BaseModel]) -> BaseModel:
    """The JSON body as `model`, strictly: no type coercion, no unknown member."""
    if request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
        raise ApiProblem(415, _("Nội dung phải là JSON (Content-Type: application/json)."), kind="unsupported-media-type",
                         title=_("Sai kiểu nội dung"))
    limit = int(current_app.config.get("API_MAX_BODY_BYTES", DEFAULT_MAX_BODY))
    if (request.content_length or 0) > limit:
        raise ApiProblem(413, _("Nội dung gửi lên vượt quá %(n)s byte.", n=limit), kind="too-large")
    request.max_content_length = limit  # a chunked body without a length is cut off at the same size
    data = request.get_data(cache=True)
    try:
        return model.model_validate_json(data, strict=True)
    except ValidationError as error:
        if any(e["type"] == "json_invalid" for e in error.errors()):
            raise ApiProblem(400, _("Nội dung không phải JSON đọc được."), kind="invalid-json") from None
        raise ApiProblem(422, _("Dữ liệu gửi lên không đúng mô tả của API."), kind="validation",
                         errors=validation_errors(error, within="body")) from None


def _reply(result: Any, status: int) -> ResponseReturnValue:
    if isinstance(result, Response):
        return result
    headers: Mapping[str, str] = {}
    if isinstance(result, tuple):
        result, headers = result
    if result is None:
        return Response(status=204, headers=dict(headers))
    response = jsonify(result.model_dump(mode="json"))
    response.status_code = status
    response.headers.update(dict(headers))
    return response


def openapi_path(rule: str) -> str:
    return _PATH_ARG.sub(lambda m: "{" + m.group(2) + "}", rule)


def _path_parameters(rule: str) -> list[dict[str, Any]]:
    parameters = []
    for converter, name in _PATH_ARG.findall(rule):
        schema: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": MAX_ID} if converter == "int" \
            else {"type": "string", "pattern": "^[^/]+$"}
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    return parameters


def _query_parameters(model: type[BaseModel], schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", ()))
    return [{"name": name, "in": "query", "required": name in required,
             **({"description": prop["description"]} if "description" in prop else {}),
             "schema": {k: v for k, v in prop.items() if k != "description"}}
            for name, prop in schema.get("properties", {}).items()]


def _problem(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/problem+json": {"schema": {"$ref": REF.format(model="Problem")}}}}


PROBLEM_DESCRIPTIONS = {
    400: "Unreadable request (bad JSON, a tampered cursor).", 401: "No valid token.", 403: "Not allowed.",
    404: "No such thing, or not in the caller's area.", 409: "Conflict with the current state.",
    412: "If-Match names an older version.", 413: "Body too large.", 415: "Body is not JSON.",
    422: "Input that breaks the rules; `errors` lists each field.", 428: "A version (If-Match or `version`) is needed.",
    429: "Too many requests; wait as Retry-After says.",
}


def build_openapi(*, title: str, version: str, description: str, server: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document of every declared operation."""
    wanted: list[tuple[type[BaseModel], Any]] = [(Problem, "serialization")]
    for op in OPERATIONS:
        wanted += [(m, "validation") for m in (op.query, op.body) if m is not None]
        wanted += [(op.response, "serialization")] if op.response is not None else []
    refs, top = models_json_schema(list(dict.fromkeys(wanted)), ref_template=REF)
    schemas: dict[str, Any] = top.get("$defs", {})
    paths: dict[str, dict[str, Any]] = {}
    query_schemas: set[str] = set()  # spelled out as parameters, so not components; two operations may share one
    for op in OPERATIONS:
        parameters = _path_parameters(op.rule)
        if op.query is not None:
            name = refs[(op.query, "validation")]["$ref"].rsplit("/", 1)[-1]
            parameters += _query_parameters(op.query, schemas[name])
            query_schemas.add(name)
        responses: dict[str, Any] = {}
        if op.response is not None:
            responses[str(op.status)] = {
                "description": op.summary,
                "content": {"application/json": {"schema": refs[(op.response, "serialization")]}},
                **({"headers": {h: {"description": d, "schema": {"type": "string"}} for h, d in op.headers.items()}}
                   if op.headers else {}),
                **({"links": {name: dict(link) for name, link in op.links.items()}} if op.links else {})}
        else:
            responses[str(op.status)] = {"description": op.summary}
        statuses = set(PROBLEM_STATUSES) | set(op.problems) | ({413, 415} if op.body is not None else set())
        for status in sorted(statuses):
            responses[str(status)] = _problem(PROBLEM_DESCRIPTIONS[status])
        entry: dict[str, Any] = {
            "operationId": op.name, "summary": op.summary, "tags": list(op.tags), "parameters": parameters,
            "responses": responses,
            "description": (op.description + "\n\n" if op.description else "")
            + (f"Scope: `{op.scope}`." if op.scope else "No token needed."),
            "security": [{"bearer": [op.scope]}] if op.scope else []}
        if op.body is not None:
            entry["requestBody"] = {"required": True, "content": {
                "application/json": {"schema": refs[(op.body, "validation")]}}}
        paths.setdefault(openapi_path(op.rule), {})[op.method.lower()] = entry
    for name in query_schemas:
        del schemas[name]
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version, "description": description},
        "servers": [{"url": server}],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": {"bearer": {
            "type": "http", "scheme": "bearer",
            "description": "An API token (`loa_…`) issued at /admin/api-tokens or with `loa api token create`. "
                           "Scopes: " + ", ".join(f"`{s}`" for s in SCOPES) + "."}}},
        "security": [{"bearer": []}],
    }
