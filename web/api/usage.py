"""When each API token was last used: noted in memory per request, written by the write-behind thread.

A busy integration calls many times a second; a write per request would take the database's write lock
(SQLite: one writer at a time) on every read. A token's use is noted only when the stored time is a
minute old or more, and the thread writes what was noted in one batch (web.write_behind).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from campaigns.api_token_models import ApiToken
from campaigns.api_tokens import mark_tokens_used
from web.write_behind import write_behind

PRECISION = timedelta(minutes=1)


class TokenUse:
    """Tokens used since the last batch, with the latest time each was seen."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[int, datetime] = {}

    def note(self, token_id: int, at: datetime) -> None:
        with self._lock:
            self._seen[token_id] = max(at, self._seen.get(token_id, at))

    def drain(self, now: datetime, *, final: bool) -> dict[int, datetime]:
        with self._lock:
            batch, self._seen = self._seen, {}
        return batch

    def restore(self, batch: dict[int, datetime]) -> None:
        for token_id, at in batch.items():
            self.note(token_id, at)

    def write(self, session: Session, batch: dict[int, datetime], *, now: datetime) -> None:
        mark_tokens_used(session, batch)


def note_token_use(token: ApiToken, now: datetime) -> None:
    if token.last_used_at is None or now - token.last_used_at >= PRECISION:
        write_behind().source("api-token-use", TokenUse).note(token.id, now)
