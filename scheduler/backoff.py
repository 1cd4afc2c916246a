"""How long to wait before trying a failed send again."""

from __future__ import annotations

import random
from datetime import timedelta

BASE_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts: int, *, retry_after: float | None = None) -> timedelta:
    """Exponential with jitter, capped, but never sooner than the server asked.

    The jitter spreads retries of a batch that failed together (a platform outage) so they don't
    all come back in the same second and trip the same rate limit again.
    """
    ceiling = min(BASE_BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    delay = timedelta(seconds=random.uniform(ceiling.total_seconds() / 2, ceiling.total_seconds()))
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay
