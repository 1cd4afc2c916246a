"""The rate limits' in-memory store, made safe for a threaded server (waitress under `loa run`, gunicorn's gthread).

limits' MemoryStorage (5.8) restarts its expiry timer without a lock: two requests counted at the same moment,
just after the timer ended, can both build a new timer and start the same one twice, and the second gets
"RuntimeError: threads can only be started once" — a 500 for, say, a tip-off under load (bench/load.py found it;
alisaifee/limits#352). Every method that restarts the timer runs here under one lock; the counting itself is a
few dictionary operations, so the lock costs nothing a request would notice.
"""

from __future__ import annotations

import threading
from typing import Any

from limits.storage import MemoryStorage

SCHEME = "loa-memory"


class ThreadSafeMemoryStorage(MemoryStorage):
    STORAGE_SCHEME = [SCHEME]  # limits registers the class under this scheme: `loa-memory://`

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any) -> None:
        self.guard = threading.RLock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        with self.guard:
            return super().incr(key, expiry, amount)

    def decr(self, key: str, amount: int = 1) -> int:
        with self.guard:
            return super().decr(key, amount)

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        with self.guard:
            return super().acquire_entry(key, limit, expiry, amount)

    def acquire_sliding_window_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        with self.guard:
            return super().acquire_sliding_window_entry(key, limit, expiry, amount)
