"""Conditional public pages and feeds: the ETag comes from the content version, so a 304 is answered before anything is built.

For the public endpoints below, a request's ETag is a hash of the public content version
(`campaigns.public_version`: one small query, read again after any commit in this process and at least
every LOA_PUBLIC_VERSION_SECONDS for other processes' commits; 0 reads it on every request), the path and query,
the language (from the cookie: Accept-Language is ignored, see web.i18n.locale), the settings written
into the output and, for the home page, the hour (its notices banner drops a notice 48 hours after
publication: a time passing, not a row changing). A matching If-None-Match gets 304 with no body and the
view is not run, so what the view would have counted (a portal view, a feed poll) is counted here: a
browser's conditional re-request is a reader reading the page again, so it counts as a view, as a 200 would.
A fresh 200 is marked for `web.public_fast_path` to keep, which answers the next anonymous reader
without entering Flask at all.

HTML pages are conditional for anonymous visitors only: a signed-in officer's header carries their
name and a CSRF token, so their pages are built every time and never cached or shared (`private, no-store`);
a page with a flashed note waiting for this visitor is built too, and kept by no one.
Responses say `Vary: Cookie`: the language and the sign-in both ride on cookies.

Several web processes: each keeps its own memo of the version, so a commit made through another process (a
publish on server A, a delivery sent by a `loa worker`) is seen here within LOA_PUBLIC_VERSION_SECONDS (1 s by
default) — only by anonymous readers, as a signed-in officer's pages are never kept. Asking Redis on every request
instead would make that immediate, but a Redis GET on loopback costs about 170 µs against 300 µs for the version
query itself, paid by every request including the kept pages `web.public_fast_path` replays in far less; a second
of staleness for anonymous readers is the better trade, so Redis is not used for it.
"""

from __future__ import annotations

import hashlib
import threading
import time

from flask import Flask, Response, current_app, g, request, session
from flask_login import current_user
from sqlalchemy import select

from campaigns.public_version import PublicVersion, commits_seen, public_version
from content.models import Message
from web.database import get_db
from web.i18n.locale import select_locale
from web.tracking import count_feed_fetch, count_view

FEEDS = frozenset({"feeds.site_rss", "feeds.site_atom", "feeds.campaign_rss", "feeds.campaign_atom",
                   "feeds.topic_rss", "feeds.topic_atom", "feeds.area_rss", "feeds.area_atom", "feeds.kind_rss",
                   "feeds.kind_atom", "feeds.opml", "feeds.sitemap"})
PAGES = frozenset({"portal.index", "portal.message", "portal.campaign", "portal.topic", "portal.area", "portal.kind",
                   "portal.good_deeds", "feeds.follow"})
HOURLY = "portal.index"
# Settings written into the pages and feeds: a restart with another value must not answer with the old bytes.
SETTINGS_IN_OUTPUT = ("SITE_NAME", "BASE_URL", "DEFAULT_LOCALE", "WEBSUB_HUB")
MAX_AGE = 60
DEFAULT_VERSION_SECONDS = 1.0
# Set in the environ of a fresh 200 that web.public_fast_path may keep: (ETag, hourly, what it counted).
KEEP = "loa.keep"


class VersionMemo:
    """The public content version, read again after a commit in this process or once the set seconds have passed."""

    def __init__(self) -> None:
        self._reading = threading.Lock()
        self._read: tuple[float, int, PublicVersion] | None = None

    def _fresh(self, seconds: float) -> PublicVersion | None:
        read = self._read
        if read is not None and read[1] == commits_seen() and time.monotonic() - read[0] < seconds:
            return read[2]
        return None

    def get(self, app: Flask) -> PublicVersion:
        seconds = float(app.config.get("PUBLIC_VERSION_SECONDS", DEFAULT_VERSION_SECONDS))
        if (version := self._fresh(seconds)) is not None:
            return version
        with self._reading:  # one thread reads; the others waiting behind it then find the version fresh
            if seconds > 0 and (version := self._fresh(seconds)) is not None:
                return version
            seen = commits_seen()  # before the read: a commit during it makes the next request read again
            with app.extensions["loa.sessions"]() as db:
                version = public_version(db)
            self._read = (time.monotonic(), seen, version)
            return version


def version_memo(app: Flask) -> VersionMemo:
    return app.extensions.setdefault("loa.public_version", VersionMemo())


def etag_for(app: Flask, version: PublicVersion, path: str, query: str, locale: str, *, hourly: bool) -> str:
    """The ETag of a public response: the same inputs give the same tag in every process."""
    hour = app.config["CLOCK"]().strftime("%Y%m%d%H") if hourly else ""
    settings = "|".join(str(app.config.get(name, "")) for name in SETTINGS_IN_OUTPUT)
    parts = (version.token, path, query, locale, hour, settings)
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


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
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    version = version_memo(app).get(app)
    g.loa_modified = version.modified
    return etag_for(app, version, request.path, request.query_string.decode("latin-1"), select_locale(),
                    hourly=endpoint == HOURLY)


def _count_unbuilt() -> None:
    """Count what the view would have counted, had it run."""
    if request.endpoint == "portal.message":
        slug = (request.view_args or {}).get("slug")
        found = get_db().scalar(select(Message.id).where(Message.slug == slug))
        if found is not None:
            count_view(found)
    elif request.endpoint == "portal.index":
        count_view(None)
    elif request.endpoint in FEEDS and request.endpoint not in ("feeds.opml", "feeds.sitemap"):
        count_feed_fetch(request.path)


def answer_early() -> Response | None:
    """Before the view: 304 to a matching If-None-Match."""
    etag = _etag()
    if etag is None:
        return None
    g.loa_etag = etag
    if etag not in request.if_none_match:
        return None
    _count_unbuilt()
    g.loa_early = True
    return Response(status=304)


def finish(response: Response) -> Response:
    """After the view (or the early answer): validators, caching headers, and mark a fresh 200 to be kept."""
    if getattr(g, "loa_private", False):
        response.headers["Cache-Control"] = "private, no-store"
        return response
    etag = getattr(g, "loa_etag", None)
    if etag is None or response.status_code not in (200, 304):
        return response
    if response.status_code == 200 and not getattr(g, "loa_early", False) and not response.direct_passthrough:
        request.environ[KEEP] = (etag, request.endpoint == HOURLY, getattr(g, "loa_counted", None))
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
