"""Station access tokens: shown once, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Station


def hash_token(token: str) -> str:
    # Tokens are 256 random bits, so a fast hash is enough; no password KDF needed.
    return hashlib.sha256(token.encode()).hexdigest()


def issue_station_token(station: Station, *, now: datetime) -> str:
    """A new token for the station, replacing any old one; the caller shows it once."""
    token = secrets.token_urlsafe(32)
    station.token_hash = hash_token(token)
    station.token_issued_at = now
    station.token_revoked_at = None
    return token


def find_station_by_token(session: Session, token: str) -> Station | None:
    if not token:
        return None
    return session.scalar(select(Station).where(Station.token_hash == hash_token(token), Station.is_active))
