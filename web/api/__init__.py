"""The integration API under /api/v1: JSON for other systems and loudspeaker boxes, by token only.

How to add an endpoint (web/api/messages.py is the example to copy):
1. Shapes: pydantic v2 models in a `<thing>_schemas.py` beside it, built from web.api.shapes — inputs extend
   `Input` (unknown fields are refused with 422), bound every int (`Id`) and string (`Text` refuses NUL; give
   a `max_length`); list queries extend `PageQuery` (web.api.paging) and answers carry `items`, `next` and
   `links` (see `MessageList`).
2. Views: plain functions in a `<thing>.py`, each under `@operation(METHOD, rule, scope=..., summary=...,
   query=Model, body=Model, response=Model, status=..., tags=[...], problems=(409,))` from web.api.spec.
   The decorator authenticates the token, checks the scope, reads and validates query and body (the view
   receives `query=`, `body=` and the path's arguments) and sends the returned model as JSON. The view
   acts as `acting_user()` (web.api.auth; a station token gets 403 there) or `authenticate().station`,
   calls the same domain functions and `authorize` checks as the desk, commits, returns a model.
3. Lists: `keyset_page(session, select, (Model.sort_key, Model.id), list_name=..., cursor=query.cursor,
   limit=query.limit)` from web.api.paging; never offsets.
4. Errors: raise the domain's errors (InvalidInput → 422 with field errors, PermissionDenied → 403, NotFound
   → 404, Conflict/InvalidTransition → 409) or `ApiProblem(status, detail, kind=...)` (web.api.problems);
   never `abort()` with HTML. List any status beyond 400/401/403/404/422/429 in `problems=`.
5. Register: import the module below and add its views to `add_operations(bp, [...])`. The OpenAPI document
   (/api/v1/openapi.json) then lists it; tests/web/test_api_openapi_document.py validates the document and
   .ci/run's schemathesis step calls every operation.
6. A new scope: add it to campaigns.api_tokens.SCOPES (with the desk permissions that make it useful).
7. `links=` on `@operation` (OpenAPI link objects, see `messages._links`) tells schemathesis' stateful phase
   which call may follow with an id from the answer, so it reaches real rows, not only random ids.

`@operation` declares the route and `add_operations` below adds it to the blueprint, rather than the
decorator adding it itself: the view modules never import this package (no import cycle), and the list
below is the API's whole URL map in one place, as every blueprint of web/ has it.
"""

from __future__ import annotations

from flask import Blueprint

from web.api import deliveries, document, messages, reach, stations, tipoffs
from web.api.auth import protect
from web.api.problems import register_problems
from web.api.spec import add_operations

bp = Blueprint("api", __name__, url_prefix="/api/v1")
protect(bp)
register_problems(bp)
bp.add_url_rule("/openapi.json", view_func=document.openapi)
add_operations(bp, [messages.index, messages.show, messages.create, messages.update, messages.transition])
add_operations(bp, [*deliveries.VIEWS, *stations.VIEWS, *reach.VIEWS, *tipoffs.VIEWS])
