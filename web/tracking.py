"""Counting clicks on tracked links without a database write per click, and without keeping who clicked.

The visitor is a hash of the address and the user agent under a salt that changes every local day
(`campaigns.visits`): the database never sees an address, and once the day's salt is deleted nobody
can tie two days' visits to one person. Bots are counted apart, never as visitors or readers' clicks.

A portal view counts every time; its visitor once per local day per message and once site-wide (the
dedupe is in the database, at write time). A click counts once per visitor and link in 30 minutes
(the rate limiter's storage remembers the hash for that window: memory, or Redis shared by the web
processes; a visitor's hash changes at local midnight, so a click just before and one just after
both count). One address counts at most `CLICKS_PER_ADDRESS` visitors per link in 30 minutes — a
family or an office behind one address, not a script inventing user agents. A feed poll counts every time,
its client (the same daily hash, bots included: feed readers are programs) once per feed and local day
(`campaigns.feed_counts`). Counted views, clicks and polls wait in buffers the write-behind thread empties.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Flask, current_app, g, request
from limits import RateLimitItemPerMinute

from campaigns.clicks import ClickBuffer
from campaigns.feed_counts import FeedBuffer
from campaigns.feed_readers import read_subscribers
from campaigns.links import BOT_CLICK, LinkTarget, find_target
from campaigns.visits import VisitBuffer, is_bot, local_day, make_salts, read_salt, visitor_id
from web.addresses import message_path
from web.config import tracking_enabled
from web.database import get_db, now
from web.limits import limiter
from web.write_behind import init_write_behind, write_behind

DEDUPE_MINUTES = 30
CLICKS_PER_ADDRESS = 20
ONCE_PER_VISITOR = RateLimitItemPerMinute(1, DEDUPE_MINUTES)
PER_ADDRESS = RateLimitItemPerMinute(CLICKS_PER_ADDRESS, DEDUPE_MINUTES)
# A link's destination changes only when its message's slug or campaign does: a minute's staleness is fine.
CACHE_SECONDS = 60.0
CACHE_SIZE = 10_000
# Set in the environ of the requests that write the published files (web.artifacts): nobody read those.
NOT_COUNTED = "loa.not_counted"
log = logging.getLogger(__name__)


class LinkCache:
    """Short links already read, so a burst of clicks on one post reads the database once a minute.

    Each web process keeps its own: a link's destination changes only when its message's slug or campaign does,
    and then every process follows the new one within CACHE_SECONDS, as this one does after its own edit (the
    old address still redirects, so no click is lost meanwhile). Nothing is counted here; counting is shared
    (the limiter's store and the database).
    """

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


def daily_salt(app: Flask, moment: datetime) -> str:
    """The salt of the local day, the same in every web process: read once a day per process (kept per process, as
    the database holds the one value every process reads).

    The write-behind thread makes each day's salt the day before (`campaigns.visits.rotate_salts`); only
    when no batch ran since (a fresh or long-stopped server) does a request make it, once, with a
    conflict-free insert, so two processes doing so at once still end up reading the same salt. Forgetting
    past days (a delete as large as yesterday's visitors) is left to that thread, never done in a request.
    """
    day = local_day(moment, ZoneInfo(app.config["TIMEZONE"]))
    salts: dict[date, str] = app.extensions.setdefault("loa.visitor_salts", {})
    salt = salts.get(day)
    if salt is None:
        with app.extensions["loa.sessions"]() as session:
            salt = read_salt(session, day)
            if salt is None:
                make_salts(session, day)
                session.commit()
                salt = read_salt(session, day)
        assert salt is not None
        salts.clear()  # past days' salts are forgotten here too
        salts[day] = salt
    return salt


def count_view(message_id: int | None) -> None:
    """Count a portal page's view (a message's, or the index's) for the next batch; never writes to the database."""
    g.loa_counted = ("view", message_id)  # a kept copy of this page counts the same view (web.public_fast_path)
    if request.method == "GET" and not request.environ.get(NOT_COUNTED):
        record_view(current_app._get_current_object(), message_id,  # type: ignore[attr-defined]
                    address=request.remote_addr or "", agent=request.user_agent.string)


def record_view(app: Flask, message_id: int | None, *, address: str, agent: str) -> None:
    """`count_view` without a request: what a page served before Flask is entered counts."""
    if not tracking_enabled(app):
        return
    moment = app.config["CLOCK"]()
    try:
        visitor = None if is_bot(agent) else visitor_id(daily_salt(app, moment), address, agent)
    except Exception:  # the database cannot be read: the reader still gets the page
        log.exception("tracking: could not read the day's salt; this view is not counted")
        return
    buffer = init_write_behind(app).source("visits", lambda: VisitBuffer(ZoneInfo(app.config["TIMEZONE"])))
    buffer.add(message_id, visitor=visitor, at=moment)


def _pseudonym(salt: str, *parts: str) -> str:
    return hashlib.sha256("\x00".join((salt, *parts)).encode()).hexdigest()[:32]


def is_counted(code: str, moment: datetime) -> bool:
    """True the first time in 30 minutes this visitor follows this link, within the address's allowance."""
    salt = daily_salt(current_app._get_current_object(), moment)  # type: ignore[attr-defined]
    address = request.remote_addr or ""
    visitor = visitor_id(salt, address, request.user_agent.string)
    strategy = limiter.limiter
    return (strategy.hit(ONCE_PER_VISITOR, "loa", "click-visitor", visitor, code)
            and strategy.hit(PER_ADDRESS, "loa", "click-address", _pseudonym(salt, address), code))


def count_click(target: LinkTarget) -> None:
    """Count a person's click for the next batch; never writes to the database."""
    if not tracking_enabled(current_app):
        return
    moment = now()
    clicks = write_behind().source("clicks", ClickBuffer)
    if is_bot(request.user_agent.string):
        clicks.add(target, moment, metric=BOT_CLICK)  # every one: their volume stays visible
        return
    try:
        counted = is_counted(target.code, moment)
    except Exception:  # the limiter's store (Redis) or the database is down: the reader still gets the page
        log.exception("tracking: could not reach the rate limiter's storage or the salt; this click is not counted")
        return
    if counted:
        clicks.add(target, moment)


def count_feed_fetch(feed: str) -> None:
    """Count a poll of a feed (its path) for the next batch; never writes to the database."""
    g.loa_counted = ("feed", feed)  # a kept copy of this feed counts the same poll (web.public_fast_path)
    if request.method == "GET" and not request.environ.get(NOT_COUNTED):
        record_feed_fetch(current_app._get_current_object(), feed,  # type: ignore[attr-defined]
                          address=request.remote_addr or "", agent=request.user_agent.string)


def record_feed_fetch(app: Flask, feed: str, *, address: str, agent: str) -> None:
    """A feed poll, its client once a day, and the subscriber count a feed service announces in its User-Agent."""
    moment = app.config["CLOCK"]()
    try:
        client = visitor_id(daily_salt(app, moment), address, agent)
    except Exception:  # the database cannot be read: the reader still gets the feed
        log.exception("tracking: could not read the day's salt; this feed poll is not counted")
        return
    buffer = init_write_behind(app).source("feeds", lambda: FeedBuffer(ZoneInfo(app.config["TIMEZONE"])))
    buffer.add(feed, client=client, report=read_subscribers(agent), at=moment)
