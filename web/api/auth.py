"""Who calls the API: a Bearer token (campaigns.api_tokens) and the user or station it acts for.

Only the token authenticates under /api/v1: a desk login's cookie is ignored, so a page another site
opens in a signed-in browser cannot act through the API (and so the API needs no CSRF token).
A user's token acts with that user's role and area as they are now (checked on every request by the
same `authorize` the desk calls): deactivating the user ends the token at once, a demotion narrows it.

Limits (Flask-Limiter, `web.limits.limiter`, so Redis-backed when configured):
- `API_RATE_LIMIT` (`LOA_API_RATE_LIMIT`), default 600 a minute, per token (per address without one).
- `API_REFUSAL_LIMIT`, default 20 per 10 minutes, counts refused tokens per address; past it the address
  gets 429 on every API request until the window ends, right tokens included (see web.radio.refusals
  for why a right token must not pass then: a 429 would only mean "wrong").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import Blueprint, current_app, g, request
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import AnonymousUserMixin

from campaigns.api_token_models import ApiToken
from campaigns.api_tokens import find_valid_token
from campaigns.models import Station
from content.models import User
from web.api.problems import ApiProblem
from web.api.usage import note_token_use
from web.database import get_db, now
from web.limits import limiter


@dataclass(frozen=True)
class Principal:
    """The token of the request and who it acts for: exactly one of `user` and `station`."""

    token: ApiToken
    user: User | None
    station: Station | None

    def has(self, scope: str) -> bool:
        return scope in self.token.scopes


def bearer_secret() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _space, secret = header.partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else ""


def _refuse(detail: str, *, error: str = "invalid_token") -> ApiProblem:
    g.loa_api_refused = True
    challenge = 'Bearer realm="loa"' + (f', error="{error}"' if error else "")
    return ApiProblem(401, detail, kind="unauthorized", title=_("Chưa xác thực"),
                      headers={"WWW-Authenticate": challenge})


def authenticate() -> Principal:
    """The request's principal; 401 for a missing, unknown, expired or revoked token or an inactive owner."""
    if "api_principal" in g:
        return g.api_principal
    secret = bearer_secret()
    if not secret:
        # RFC 6750 §3.1: a request with no credentials gets the challenge without an error code.
        raise _refuse(_("Thiếu mã truy cập: gửi tiêu đề Authorization: Bearer <mã>."), error="")
    moment = now()
    token = find_valid_token(get_db(), secret, now=moment)
    if token is None:
        raise _refuse(_("Mã truy cập không đúng, đã hết hạn hoặc đã bị thu hồi."))
    owner_active = token.user.is_active if token.user is not None else \
        token.station is not None and token.station.is_active
    if not owner_active:
        raise _refuse(_("Tài khoản hoặc đài của mã truy cập này đã ngừng hoạt động."))
    note_token_use(token, moment)
    g.api_principal = Principal(token=token, user=token.user, station=token.station)
    return g.api_principal


def require_scope(scope: str) -> Principal:
    principal = authenticate()
    if not principal.has(scope):
        raise ApiProblem(403, _("Mã truy cập này không có quyền %(scope)s.", scope=scope), kind="insufficient-scope",
                         scope=scope, headers={"WWW-Authenticate":
                                               f'Bearer realm="loa", error="insufficient_scope", scope="{scope}"'})
    return principal


def acting_user() -> User:
    """The user a token acts for; a station's token asking for a user's work gets 403."""
    user = authenticate().user
    if user is None:
        raise ApiProblem(403, _("Mã của đài chỉ dùng được cho kịch bản và xác nhận phát sóng của đài."),
                         kind="forbidden")
    return user


def _ignore_login_cookie() -> None:
    # Flask-Login reads g._login_user before the session: an anonymous user there means the cookie is never read.
    g._login_user = AnonymousUserMixin()


def _token_key() -> str:
    secret = bearer_secret()
    return "t:" + hashlib.sha256(secret.encode()).hexdigest()[:32] if secret else "a:" + get_remote_address()


def _rate_limit() -> str:
    return str(current_app.config.get("API_RATE_LIMIT", "600 per minute"))


def _refusal_limit() -> str:
    return str(current_app.config.get("API_REFUSAL_LIMIT", "20 per 10 minutes"))


def _was_refused(_response: object) -> bool:
    return bool(g.get("loa_api_refused"))


def protect(bp: Blueprint) -> None:
    """Token-only authentication and the API's limits for every route of the blueprint."""
    bp.before_request(_ignore_login_cookie)
    limiter.shared_limit(_refusal_limit, scope="api-refused", deduct_when=_was_refused)(bp)
    limiter.shared_limit(_rate_limit, scope="api-token", key_func=_token_key)(bp)
