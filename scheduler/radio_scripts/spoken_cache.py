"""Spoken texts read afresh, kept between script builds, so a box polling every minute does not re-read them.

A message's spoken text is stored with its revision, read with the dictionary of the day it was saved
(content.public_forms). Once an admin edits the dictionary, every message saved before reads afresh:
milliseconds a message, most of what building a script costs, and the same answer until the message is
saved again (its version moves) or the dictionary changes again (its stamp moves). Entries are keyed by
message id, version and dictionary stamp, and expire after `max_age` seconds. Each process keeps its own: an
entry is keyed by what it was read from, so no process can serve a text another process's edit replaced.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from content.models import Message
from content.public_forms import stored_spoken
from content.spoken import spoken_text
from content.spoken.dictionary import rules_of
from content.spoken.rules import SpokenRules

MAX_AGE_SECONDS = 300.0
# A day's messages for the whole country fit many times over; each entry is a few kilobytes of text.
MAX_ENTRIES = 50_000


class SpokenCache:
    def __init__(self, *, max_age: float = MAX_AGE_SECONDS, max_entries: int = MAX_ENTRIES,
                 clock: Callable[[], float] = time.monotonic):
        self.max_age = max_age
        self.max_entries = max_entries
        self.clock = clock
        self._entries: OrderedDict[tuple[int, int, str], tuple[str, float]] = OrderedDict()
        # The web server answers polls from several threads at once.
        self._lock = threading.Lock()

    def text(self, message: Message, *, rules: SpokenRules | None = None) -> str:
        """The stored spoken text when it was read with these rules (by default the message's database's)."""
        rules = rules if rules is not None else rules_of(message)
        stored = stored_spoken(message, rules=rules)
        if stored is not None:
            return stored
        key = (message.id, message.version, rules.stamp)
        now = self.clock()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and now - hit[1] < self.max_age:
                self._entries.move_to_end(key)
                return hit[0]
        text = spoken_text(message, rules=rules)
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
