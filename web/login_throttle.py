"""Login throttling: failed sign-ins counted per account and per address, in the app limiter's store.

The limits (moving windows, so no burst slips in at a window's edge):
- 5 failures per account in 15 minutes: enough for a person who mistypes, useless for guessing
  (about 480 guesses a day against one account); every attempt on a locked account is refused before
  its password is checked, so a refusal says nothing about whether the password was right.
- 20 failures per address in 15 minutes: spraying one common password over many accounts from one
  place; a commune office behind one address still has room for its staff's typos.
- 30 attempts per address a minute, successful or not: every attempt costs an Argon2 hash (19 MiB),
  so this bounds the memory and CPU one address can make the server spend.
A successful login clears no counter: otherwise an attacker holding one account could log into it
between guesses at others and never be throttled.
"""

from __future__ import annotations

import hashlib
import math
import time
import unicodedata

from flask import request
from limits import RateLimitItem, parse
from limits.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter, RateLimiter

from web.limits import limiter

PER_ACCOUNT: RateLimitItem = parse("5 per 15 minutes")
PER_ADDRESS: RateLimitItem = parse("20 per 15 minutes")
BURST: RateLimitItem = parse("30 per minute")


def _strategy() -> RateLimiter:
    try:
        return MovingWindowRateLimiter(limiter.storage)
    except NotImplementedError:  # a store without moving windows (memcached): fixed ones still throttle
        return FixedWindowRateLimiter(limiter.storage)


def _account_key(username: str) -> str:
    """The same bucket however the name is typed (case, spaces, Unicode form); hashed to bound the key."""
    name = unicodedata.normalize("NFKC", username).strip().casefold()
    return "login-account:" + hashlib.sha256(name.encode()).hexdigest()[:32]


def _address_key() -> str:
    return f"login-address:{request.remote_addr or 'unknown'}"


def seconds_to_wait(username: str) -> int | None:
    """Count this attempt; None when it may go ahead, else how long until one may."""
    if not limiter.enabled:
        return None
    strategy = _strategy()
    exhausted = []
    if not strategy.hit(BURST, "loa", _address_key()):
        exhausted.append((BURST, _address_key()))
    for item, key in ((PER_ACCOUNT, _account_key(username)), (PER_ADDRESS, _address_key())):
        if not strategy.test(item, "loa", key):
            exhausted.append((item, key))
    if not exhausted:
        return None
    reset = max(strategy.get_window_stats(item, "loa", key).reset_time for item, key in exhausted)
    return max(1, math.ceil(reset - time.time()))


def record_failure(username: str) -> None:
    if limiter.enabled:
        strategy = _strategy()
        strategy.hit(PER_ACCOUNT, "loa", _account_key(username))
        strategy.hit(PER_ADDRESS, "loa", _address_key())
