"""Spoken texts kept between script builds, so a box polling every minute does not re-read every message.

Deriving a message's spoken text renders its Markdown and runs the reading rules: milliseconds a message,
most of what building a script costs, and the same answer until the message is saved again (its version
moves) or an admin edits the reading dictionary. Entries are keyed by message id and version and expire
after `max_age` seconds, so a dictionary edit reaches every script within that time.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from content.models import Message
from content.spoken import spoken_text

MAX_AGE_SECONDS = 300.0
# A day's messages for the whole country fit many times over; each entry is a few kilobytes of text.
MAX_ENTRIES = 50_000


class SpokenCache:
    def __init__(self, *, max_age: float = MAX_AGE_SECONDS, max_entries: int = MAX_ENTRIES,
                 clock: Callable[[], float] = time.monotonic):
        self.max_age = max_age
        self.max_entries = max_entries
        self.clock = clock
        self._entries: OrderedDict[tuple[int, int], tuple[str, float]] = OrderedDict()
        # The web server answers polls from several threads at once.
        self._lock = threading.Lock()

    def text(self, message: Message) -> str:
        key = (message.id, message.version)
        now = self.clock()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and now - hit[1] < self.max_age:
                self._entries.move_to_end(key)
                return hit[0]
        text = spoken_text(message)
        with self._lock:
            self._entries[key] = (text, now)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return text

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
