"""Conditional public pages and feeds: the ETag comes from the content version, so a 304 is answered before anything is built.

For the public endpoints below, a request's ETag is a hash of the public content version
(`campaigns.public_version`: one small query; with LOA_PUBLIC_VERSION_SECONDS > 0, read at most that
often per process, so a change shows that much later), the path and query, the language (from the cookie:
Accept-Language is ignored, see web.i18n.locale) and, for the home page, the hour (its notices banner
drops a notice 48 hours after publication: a time passing, not a row changing). A matching
If-None-Match gets 304 with no body; an unchanged page already built in this process is served from a
small LRU of bytes keyed by ETag. Either way the view is not run, so what the view would have counted
(a portal view, a feed poll) is counted here: a browser's conditional re-request is a reader reading
the page again, so it counts as a view, as a 200 would.

HTML pages are conditional for anonymous visitors only: a signed-in officer's header carries their
name and a CSRF token, so their pages are built every time and never cached or shared (`private, no-store`);
a page with a flashed note waiting for this visitor is built too, and kept by no one.
Responses say `Vary: Cookie`: the language and the sign-in both ride on cookies.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from flask import Flask, Response, current_app, g, request, session
from flask_login import current_user
from sqlalchemy import select

from campaigns.public_version import PublicVersion, public_version
from content.models import Message
from web.database import get_db, now
from web.i18n.locale import select_locale
from web.tracking import count_feed_fetch, count_view

FEEDS = frozenset({"feeds.site_rss", "feeds.site_atom", "feeds.campaign_rss", "feeds.campaign_atom",
                   "feeds.topic_rss", "feeds.topic_atom", "feeds.area_rss", "feeds.area_atom", "feeds.kind_rss",
                   "feeds.kind_atom", "feeds.opml", "feeds.sitemap"})
PAGES = frozenset({"portal.index", "portal.message", "portal.campaign", "portal.topic", "portal.area", "portal.kind",
                   "portal.good_deeds", "feeds.follow"})
# Settings written into the pages and feeds: a restart with another value must not answer with the old bytes.
SETTINGS_IN_OUTPUT = ("SITE_NAME", "BASE_URL", "DEFAULT_LOCALE", "WEBSUB_HUB")
MAX_AGE = 60
CACHE_ENTRIES = 256
# What a cached response keeps: a fresh Date, cookies and our own validators are never replayed.
SKIPPED_HEADERS = frozenset({"date", "set-cookie", "etag", "last-modified", "cache-control", "vary", "content-length"})


@dataclass
class Built:
    status: int
    body: bytes
    headers: list[tuple[str, str]]
    counted: tuple[str, object] | None = field(default=None)


class BuiltCache:
    """The bytes of responses already built, by ETag; the least recently used go first."""

    def __init__(self, size: int = CACHE_ENTRIES) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, Built] = OrderedDict()

    def get(self, etag: str) -> Built | None:
        with self._lock:
            built = self._entries.get(etag)
            if built is not None:
                self._entries.move_to_end(etag)
            return built

    def put(self, etag: str, built: Built) -> None:
        with self._lock:
            self._entries[etag] = built
            self._entries.move_to_end(etag)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


class VersionMemo:
    """The public content version read at most once per LOA_PUBLIC_VERSION_SECONDS in this process (0: every request)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._read: tuple[float, PublicVersion] | None = None

    def get(self, seconds: float) -> PublicVersion:
        with self._lock:
            read = self._read
        if seconds > 0 and read is not None and time.monotonic() - read[0] < seconds:
            return read[1]
        version = public_version(get_db())
        with self._lock:
            self._read = (time.monotonic(), version)
        return version


def built_cache() -> BuiltCache:
    return current_app.extensions.setdefault("loa.built_cache", BuiltCache())


def _etag() -> str | None:
    """This request's ETag, or None when the response must not be conditional or shared."""
    endpoint = request.endpoint or ""
    if request.method not in ("GET", "HEAD") or endpoint not in FEEDS | PAGES:
        return None
    if endpoint in PAGES and current_user.is_authenticated:
        g.loa_private = True
        return None
    if endpoint in PAGES and "_flashes" in session:  # a note meant for this visitor alone (e.g. "signed out")
        return None
    memo: VersionMemo = current_app.extensions.setdefault("loa.public_version", VersionMemo())
    version = memo.get(float(current_app.config.get("PUBLIC_VERSION_SECONDS", 0)))
    g.loa_modified = version.modified
    hour = now().strftime("%Y%m%d%H") if endpoint == "portal.index" else ""
    settings = "|".join(str(current_app.config.get(name, "")) for name in SETTINGS_IN_OUTPUT)
    parts = (version.token, request.path, request.query_string.decode("latin-1"), select_locale(), hour, settings)
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def _count_again(counted: tuple[str, object] | None) -> None:
    """Count what the view would have counted, had it run."""
    if counted is None:
        if request.endpoint == "portal.message":  # built by another process: find the message cheaply
            slug = (request.view_args or {}).get("slug")
            found = get_db().scalar(select(Message.id).where(Message.slug == slug))
            if found is not None:
                count_view(found)
        elif request.endpoint == "portal.index":
            count_view(None)
        elif request.endpoint in FEEDS and request.endpoint not in ("feeds.opml", "feeds.sitemap"):
            count_feed_fetch(request.path)
        return
    kind, value = counted
    if kind == "view":
        count_view(value if isinstance(value, int) else None)
    elif kind == "feed":
        count_feed_fetch(str(value))


def answer_early() -> Response | None:
    """Before the view: 304 to a matching If-None-Match, or the bytes already built for this ETag."""
    etag = _etag()
    if etag is None:
        return None
    g.loa_etag = etag
    built = built_cache().get(etag)
    if etag in request.if_none_match:
        _count_again(built.counted if built is not None else None)
        g.loa_early = True
        return Response(status=304)
    if built is None:
        return None
    _count_again(built.counted)
    g.loa_early = True
    return Response(built.body, status=built.status, headers=built.headers)


def finish(response: Response) -> Response:
    """After the view (or the early answer): validators, caching headers, and keep a fresh 200's bytes."""
    if getattr(g, "loa_private", False):
        response.headers["Cache-Control"] = "private, no-store"
        return response
    etag = getattr(g, "loa_etag", None)
    if etag is None or response.status_code not in (200, 304):
        return response
    if response.status_code == 200 and not getattr(g, "loa_early", False) and not response.direct_passthrough:
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in SKIPPED_HEADERS]
        built_cache().put(etag, Built(200, response.get_data(), headers, getattr(g, "loa_counted", None)))
    if response.status_code == 304:
        response.set_data(b"")
    response.set_etag(etag)
    response.last_modified = g.loa_modified
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response.vary.add("Cookie")
    return response


def init_public_cache(app: Flask) -> None:
    app.before_request(answer_early)
    app.after_request(finish)
