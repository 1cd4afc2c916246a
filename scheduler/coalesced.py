"""A job that never runs beside itself, yet never misses a run asked for while it was running.

APScheduler's own guard (max_instances=1) skips a run that comes while one is under way, and warns: a
dispatch tick that had just found nothing due would then miss the delivery that became due a moment later
until the next interval. Here a run asked for meanwhile makes the running one go round once more.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Coalesced:
    def __init__(self, body: Callable[[], None]) -> None:
        self._body = body
        self._running = threading.Lock()
        self._wanted = threading.Event()

    def ask(self) -> bool:
        """Ask for a run; True when none is under way, so the caller should start one."""
        self._wanted.set()
        return not self._running.locked()

    def __call__(self) -> None:
        self._wanted.set()
        # Checked again after releasing: a request that came between the last round and the release is not lost.
        while self._wanted.is_set():
            if not self._running.acquire(blocking=False):
                return  # the run under way will see the request
            try:
                while self._wanted.is_set():
                    self._wanted.clear()
                    self._body()
            finally:
                self._running.release()
