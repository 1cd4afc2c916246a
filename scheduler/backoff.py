"""How long to wait before trying a failed send again."""

from __future__ import annotations

import random
from datetime import timedelta

# Short: one failure in ten must not make a message minutes late. Growing: a delivery that keeps failing
# stops costing a request every few seconds. A destination that is down is paused as a whole (scheduler.pauses).
BASE_BACKOFF = timedelta(seconds=5)
MAX_BACKOFF = timedelta(hours=6)
MIN_RETRY_AFTER = timedelta(seconds=1)


def backoff(attempts: int, *, retry_after: float | None = None) -> timedelta:
    """The server's Retry-After as given (within a second and six hours); else exponential with jitter, capped.

    The jitter spreads retries of deliveries that failed together so they don't all come back in the same
    second and trip the same rate limit again.
    """
    if retry_after is not None:
        return min(max(timedelta(seconds=retry_after), MIN_RETRY_AFTER), MAX_BACKOFF)
    ceiling = min(BASE_BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return timedelta(seconds=random.uniform(ceiling.total_seconds() / 2, ceiling.total_seconds()))
