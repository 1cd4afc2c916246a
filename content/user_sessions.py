"""Logins recorded server-side, so that signing out ends that login even if its cookie was copied.

A login is a random token (kept in the signed cookie) whose SHA-256 is a row here; signing out
deletes the row. The per-user `session_version` ends all of a user's logins at once; these rows end one.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from content.models import User, UserSession
from content.users import end_all_sessions


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_user_session(session: Session, user: User, *, now: datetime, expired_before: datetime) -> str:
    """Record a new login and return its token; logins started before `expired_before` are dropped."""
    session.execute(delete(UserSession).where(UserSession.created_at < expired_before))
    token = secrets.token_urlsafe(32)
    session.add(UserSession(user_id=user.id, token_hash=_digest(token), created_at=now))
    session.flush()
    return token


def is_user_session_open(session: Session, user: User, token: str) -> bool:
    found = session.scalar(select(UserSession.id).where(UserSession.token_hash == _digest(token),
                                                        UserSession.user_id == user.id))
    return found is not None


def close_user_session(session: Session, token: str) -> None:
    session.execute(delete(UserSession).where(UserSession.token_hash == _digest(token)))
    session.flush()


def close_all_user_sessions(session: Session, user: User) -> None:
    """Sign out everywhere: end every login of `user`, this one included."""
    end_all_sessions(user)
    session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    session.flush()
