"""Issuing, finding and revoking integration API tokens (campaigns.api_token_models).

A secret is `loa_` + 256 random bits. Only its SHA-256 is kept: the secret is that random, so a fast hash is
enough, and looking a token up by the hash of what was sent compares no secret byte by byte (no timing to
measure). Whoever acts through a token is checked again on every request by the API (web.api.auth): the
token never carries more than its user may do now.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from campaigns.api_token_models import ApiToken
from campaigns.models import Station
from content.areas import is_within
from content.audit import record_audit
from content.errors import InvalidInput, NotFound
from content.models import Area, User
from content.permissions import Action, authorize, authorize_scope, is_allowed, is_scope_within
from content.wording import Text

SECRET_PREFIX = "loa_"
VISIBLE_CHARS = 8  # "loa_" and four more: enough to tell a handful of tokens apart, far too few to guess with
DEFAULT_DAYS = 90
MAX_DAYS = 366
MAX_NAME_CHARS = 120

# Every scope, and the desk permissions of which a user needs one for a token with it to be worth anything.
SCOPES: dict[str, tuple[Action, ...]] = {
    "messages:read": (Action.MESSAGE_VIEW,),
    "messages:write": (Action.MESSAGE_WRITE, Action.MESSAGE_REVIEW),
    "deliveries:read": (Action.CAMPAIGN_VIEW,),
    "deliveries:write": (Action.MESSAGE_SCHEDULE,),
    "stations:read": (Action.SCRIPT_VIEW,),
    "airings:write": (Action.AIRING_CONFIRM,),
    "reach:read": (Action.REACH_VIEW,),
    "tipoffs:read": (Action.REACH_VIEW,),
}
# A station's token reads its own scripts and confirms its own airings, nothing else.
STATION_SCOPES = frozenset({"stations:read", "airings:write"})


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once; never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _scope_errors(scopes: Iterable[str], *, user: User | None, station: Station | None) -> dict[str, str]:
    chosen = list(scopes)
    if not chosen:
        return {"scopes": Text("Hãy chọn ít nhất một quyền cho mã.")}
    unknown = [s for s in chosen if s not in SCOPES]
    if unknown:
        return {"scopes": Text("Quyền không có: %(scopes)s.", scopes=", ".join(unknown))}
    if station is not None and (extra := sorted(set(chosen) - STATION_SCOPES)):
        return {"scopes": Text("Mã của đài chỉ được có quyền stations:read và airings:write (thừa: %(scopes)s).",
                               scopes=", ".join(extra))}
    if user is not None and (useless := [s for s in chosen if not any(is_allowed(user, a, None) for a in SCOPES[s])]):
        return {"scopes": Text("Vai trò của tài khoản này không dùng được quyền: %(scopes)s.",
                               scopes=", ".join(useless))}
    return {}


def issue_api_token(session: Session, *, issuer: User | None, name: str, scopes: Iterable[str], now: datetime,
                    user: User | None = None, station: Station | None = None, days: int = DEFAULT_DAYS,
                    expires_at: datetime | None = None, remote_addr: str | None = None) -> IssuedToken:
    """A new token for a user or a station in the issuer's area; `issuer` None is an operator at the console.

    It expires `days` from now, or at `expires_at` when given (at most a year away either way).
    """
    if (user is None) == (station is None):
        raise InvalidInput({"owner": Text("Mã phải thuộc về đúng một tài khoản hoặc một đài.")})
    if issuer is not None:
        if user is not None:
            authorize_scope(issuer, Action.USER_MANAGE, user.area, object_type="user", object_id=user.id)
        elif station is not None:
            authorize(issuer, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    errors = _scope_errors(scopes, user=user, station=station)
    name = name.strip()
    if not name:
        errors["name"] = Text("Hãy đặt tên cho mã (ví dụ: hệ thống nào dùng nó).")
    elif len(name) > MAX_NAME_CHARS:
        errors["name"] = Text("Tên mã dài quá %(n)s ký tự.", n=MAX_NAME_CHARS)
    expires_at = expires_at if expires_at is not None else now + timedelta(days=days)
    if not now < expires_at <= now + timedelta(days=MAX_DAYS):
        errors["expires"] = Text("Thời hạn của mã từ 1 đến %(n)s ngày.", n=MAX_DAYS)
    if user is not None and not user.is_active:
        errors["owner"] = Text("Tài khoản này đã bị khóa.")
    if station is not None and not station.is_active:
        errors["owner"] = Text("Đài này đã ngừng hoạt động.")
    if errors:
        raise InvalidInput(errors)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(name=name, user=user, station=station, secret_hash=hash_secret(secret),
                     prefix=secret[:VISIBLE_CHARS], scopes=sorted(set(scopes)), created_at=now,
                     created_by_id=issuer.id if issuer else None, expires_at=expires_at)
    session.add(token)
    session.flush()
    record_audit(session, actor=issuer, action="api_token.issue", object_type="api_token", object_id=token.id,
                 now=now, remote_addr=remote_addr,
                 detail={"prefix": token.prefix, "name": name, "scopes": token.scopes, "user_id": token.user_id,
                         "station_id": token.station_id, "expires_at": token.expires_at.isoformat()})
    return IssuedToken(token=token, secret=secret)


def find_valid_token(session: Session, secret: str, *, now: datetime) -> ApiToken | None:
    """The token this secret belongs to, if it is neither revoked nor expired (its owner is checked by the caller)."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
        return None
    digest = hash_secret(secret)
    token = session.scalar(select(ApiToken).where(ApiToken.secret_hash == digest))
    if token is None or not hmac.compare_digest(token.secret_hash, digest) or not token.is_valid(now):
        return None
    return token


def is_owner_visible(admin: User | None, *, user: User | None = None, station: Station | None = None) -> bool:
    """Whether an admin's area holds this user (their whole scope) or station; None is an operator at the console."""
    if admin is None:
        return True
    if user is not None:
        return is_scope_within(user.area, admin.area)
    return station is not None and is_within(station.area, admin.area)


def is_visible_to(admin: User | None, token: ApiToken) -> bool:
    return is_owner_visible(admin, user=token.user, station=token.station)


def revoke_api_token(session: Session, token: ApiToken, *, actor: User | None, now: datetime,
                     remote_addr: str | None = None) -> ApiToken:
    if actor is not None and not is_visible_to(actor, token):
        raise NotFound(Text("Không có mã truy cập này."))
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by_id = now, actor.id if actor else None
        session.flush()
        record_audit(session, actor=actor, action="api_token.revoke", object_type="api_token", object_id=token.id,
                     now=now, remote_addr=remote_addr, detail={"prefix": token.prefix, "name": token.name})
    return token


def find_tokens_by_prefix(session: Session, prefix: str) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.prefix == prefix).order_by(ApiToken.id)))


def list_api_tokens(session: Session, admin: User) -> list[ApiToken]:
    """Every token whose user or station lies in the admin's area, newest first."""
    authorize(admin, Action.USER_MANAGE, None, object_type="api_token")
    query = select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    if admin.area is not None:
        inside = select(Area.id).where(Area.path.startswith(admin.area.path, autoescape=True))
        query = query.where(or_(
            ApiToken.user_id.in_(select(User.id).where(User.area_id.in_(inside))),
            ApiToken.station_id.in_(select(Station.id).where(Station.area_id.in_(inside)))))
    return list(session.scalars(query))


def mark_tokens_used(session: Session, used: Mapping[int, datetime]) -> None:
    """Record when tokens were last used; a later time already written is kept."""
    for token_id, at in used.items():
        session.execute(update(ApiToken).where(ApiToken.id == token_id,
                                               or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at < at))
                        .values(last_used_at=at))
    session.flush()
