"""Counting clicks on tracked links without a database write per click, and without keeping who clicked.

A click counts once per visitor and link in 30 minutes. The visitor is a hash of the address and the
user agent under a salt that changes every day and lives only in the rate limiter's storage (memory,
or Redis shared by the web processes): the database never sees an address, and after a day not even
the limiter's storage can tie two days' clicks to one person. One address counts at most
`CLICKS_PER_ADDRESS` visitors per link in 30 minutes — a family or an office behind one address, not
a script inventing user agents. Counted clicks wait in a buffer the write-behind thread empties.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from datetime import datetime

from flask import current_app, request
from limits import RateLimitItemPerMinute

from campaigns.clicks import ClickBuffer
from campaigns.links import LinkTarget, find_target
from web.addresses import message_path
from web.database import get_db, now
from web.limits import limiter
from web.write_behind import write_behind

DEDUPE_MINUTES = 30
CLICKS_PER_ADDRESS = 20
ONCE_PER_VISITOR = RateLimitItemPerMinute(1, DEDUPE_MINUTES)
PER_ADDRESS = RateLimitItemPerMinute(CLICKS_PER_ADDRESS, DEDUPE_MINUTES)
SALT_SECONDS = 2 * 24 * 3600
# A link's destination changes only when its message's slug or campaign does: a minute's staleness is fine.
CACHE_SECONDS = 60.0
CACHE_SIZE = 10_000
log = logging.getLogger(__name__)


class LinkCache:
    """Short links already read, so a burst of clicks on one post reads the database once a minute."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, LinkTarget]] = {}

    def get(self, code: str) -> LinkTarget | None:
        with self._lock:
            entry = self._entries.get(code)
        if entry is not None and entry[0] > time.monotonic():
            return entry[1]
        target = find_target(get_db(), code, message_path=message_path)
        if target is not None:
            with self._lock:
                if len(self._entries) >= CACHE_SIZE:
                    self._entries.clear()  # a flood of distinct codes must not grow memory without end
                self._entries[code] = (time.monotonic() + CACHE_SECONDS, target)
        return target


def link_cache() -> LinkCache:
    return current_app.extensions.setdefault("loa.link_cache", LinkCache())


def _daily_salt(moment: datetime) -> bytes:
    """Today's salt, the same in every process sharing the limiter's storage (the storage only holds integers).

    Two processes starting the day at the same instant may each add their random part; both then read
    the sum, so they agree from their next click on.
    """
    key = f"loa/click-salt/{moment.date().isoformat()}"
    storage = limiter.storage
    if not storage.get(key):
        # 52 bits: the Redis store adds through Lua, whose numbers are exact integers only below 2^53.
        storage.incr(key, SALT_SECONDS, amount=secrets.randbits(52))
    return storage.get(key).to_bytes(8, "big")


def _pseudonym(salt: bytes, *parts: str) -> str:
    return hashlib.sha256(salt + "\x00".join(parts).encode()).hexdigest()[:32]


def is_counted(code: str, moment: datetime) -> bool:
    """True the first time in 30 minutes this visitor follows this link, within the address's allowance."""
    salt = _daily_salt(moment)
    address = request.remote_addr or ""
    visitor = _pseudonym(salt, address, request.user_agent.string)
    strategy = limiter.limiter
    return (strategy.hit(ONCE_PER_VISITOR, "loa", "click-visitor", visitor, code)
            and strategy.hit(PER_ADDRESS, "loa", "click-address", _pseudonym(salt, address), code))


def count_click(target: LinkTarget) -> None:
    """Count a person's click for the next batch; never writes to the database."""
    moment = now()
    try:
        counted = is_counted(target.code, moment)
    except Exception:  # the limiter's store (Redis) is down: the reader still gets the page
        log.exception("tracking: could not reach the rate limiter's storage; this click is not counted")
        return
    if counted:
        write_behind().source("clicks", ClickBuffer).add(target, moment)
