"""The OpenAPI document of the API, built from the declared operations (web.api.spec)."""

from __future__ import annotations

from flask import Response, jsonify

from campaigns.api_tokens import SCOPES
from web.api.spec import build_openapi

DESCRIPTION = """\
Loa's integration API, for other government systems and smart-loudspeaker boxes.

**Authentication**: `Authorization: Bearer loa_…`, a token issued by an admin at /admin/api-tokens (or by an
operator with `loa api token create`). A token acts for one user (with that user's role and area, as they are
now) or for one station (its own scripts and airings only). Tokens expire (90 days by default, a year at most)
and can be revoked. A desk login's cookie is not accepted here.

**Scopes**: {scopes}. A station's token may hold only `stations:read` and `airings:write`.

**Paging**: lists answer `items` and `next`; pass `next` back as `cursor` (with the same filters) for the next
page, until it is null. `limit` is 1–100 (20 by default). A cursor that was altered is refused with 400.

**Errors**: every error is an RFC 9457 problem document (`application/problem+json`) with `type`, `title`,
`status`, `detail`, `instance`, and `errors` (field and message) for invalid input. 401 carries
`WWW-Authenticate: Bearer`, 429 carries `Retry-After`.
"""


def openapi() -> Response:
    return jsonify(build_openapi(title="Loa integration API", version="1.0.0", server="/api/v1",
                                 description=DESCRIPTION.format(scopes=", ".join(f"`{s}`" for s in SCOPES))))
