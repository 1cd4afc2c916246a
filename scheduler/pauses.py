"""When a whole destination is paused: on evidence it is down or throttling, never because one send failed.

Evidence is several failures in a row from one destination (a receiver failing one request in ten almost
never fails five in a row), or an answer that names a wait (Retry-After, Telegram's retry_after): a
platform throttles the bot or the page, not one post, and a server that says when to come back is down
for everyone until then. The pause is written on the
channel (`paused_until`, `pause_reason`), so every worker stops claiming it and the dispatch board shows
it; it ends by itself when the time passes. Stations are local and never paused.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from campaigns.models import Channel
from scheduler.channels import ChannelError

# One failure in ten gives five in a row about once in 100,000 sends; a destination that is down, at once.
FAILURES_IN_A_ROW = 5
DEFAULT_PAUSE = timedelta(seconds=15)
MIN_PAUSE = timedelta(seconds=1)
MAX_PAUSE = timedelta(hours=1)


def pause_for(error: ChannelError, failures_in_a_row: int) -> timedelta | None:
    """How long the destination pauses after this failure, or None to go on with its other deliveries."""
    if error.needs_attention or error.ambiguous:
        return None  # a person's business (scheduler.sending), not a pause
    if error.retry_after is not None:  # the platform named its own wait: as given, within bounds
        return min(max(timedelta(seconds=error.retry_after), MIN_PAUSE), MAX_PAUSE)
    if failures_in_a_row >= FAILURES_IN_A_ROW:
        return min(DEFAULT_PAUSE * 2 ** (failures_in_a_row - FAILURES_IN_A_ROW), MAX_PAUSE)
    return None


class DestinationHealth:
    """Failures in a row per channel, shared by a tick's sending threads; and the channels paused meanwhile.

    Each worker counts its own failures in a row (with two workers a destination that is down may take up to twice
    FAILURES_IN_A_ROW sends before it pauses); the pause itself is written on the channel, so every worker obeys it.
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sessions = session_factory
        self._lock = threading.Lock()
        self._failures: dict[int, int] = {}
        self._paused: set[int] = set()

    def is_paused(self, channel_id: int | None) -> bool:
        with self._lock:
            return channel_id in self._paused

    def succeeded(self, channel_id: int | None) -> None:
        if channel_id is not None:
            with self._lock:
                self._failures.pop(channel_id, None)

    def failed(self, channel_id: int | None, error: ChannelError, *, now: datetime) -> bool:
        """Count the failure; True when the destination is now paused."""
        if channel_id is None:
            return False
        with self._lock:
            self._failures[channel_id] = in_a_row = self._failures.get(channel_id, 0) + 1
        pause = pause_for(error, in_a_row)
        if pause is None:
            return False
        with self._sessions() as session:
            session.execute(update(Channel).where(Channel.id == channel_id).values(
                paused_until=now + pause, pause_reason=str(error)[:500]))
            session.commit()
        with self._lock:
            self._paused.add(channel_id)
        return True
