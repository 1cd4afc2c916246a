"""Anonymous readers get the public pages and feeds Flask already built, before Flask is entered.

Serving a kept page through Flask still cost more than building it had saved: the request context, the
session, the login, the locale, the rate limiter and the headers took about half of each request. This
WSGI middleware sits inside the proxy fix (so the client address is already the reader's) and answers
a request itself only when the response cannot be anyone's own and is known to be current:

- GET or HEAD, for a trusted Host (when LOA_TRUSTED_HOSTS is set), with no cookie but the language's (a session or remember-me cookie goes through Flask,
  which alone knows whether its holder is signed in or has a note waiting);
- a response kept for the same path, query and language, which Flask built and marked as shareable
  (`web.public_cache.KEEP`), whose ETag still equals the one the current content version gives.

It then answers exactly what Flask answered — the same headers, 304 to a matching If-None-Match — and
counts the view or feed poll the view would have counted. Everything else goes through Flask untouched.

Each process keeps its own responses: a kept one is replayed only while its ETag equals the one the current
content version gives (`web.public_cache.VersionMemo`, which other processes' commits reach within a second), so
a process never answers from a version another process has moved past by more than that.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask
from werkzeug.exceptions import SecurityError
from werkzeug.http import parse_cookie, parse_etags
from werkzeug.wsgi import get_host

from web.i18n.locale import COOKIE, choose_locale
from web.public_cache import KEEP, etag_for, version_memo
from web.request_metrics import ROUTE, route_of
from web.tracking import NOT_COUNTED, record_feed_fetch, record_view

# Pages are 10–60 KB; a sitemap can be a few MB. Both bounds hold, whichever comes first.
MAX_ENTRIES = 1024
MAX_BYTES = 64 * 1024 * 1024
# Representation headers a 304 leaves out (RFC 9110 §15.4.5).
NOT_IN_304 = frozenset({"content-length", "content-type", "content-encoding"})
log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class Kept:
    etag: str
    hourly: bool
    headers: list[tuple[str, str]]
    body: bytes
    counted: tuple[str, object] | None
    route: str  # the endpoint that built it, for the request metrics of its replays


class KeptResponses:
    """Kept responses by (path, query, language); the least recently used go first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[str, str, str], Kept] = OrderedDict()
        self._bytes = 0

    def get(self, key: tuple[str, str, str]) -> Kept | None:
        with self._lock:
            kept = self._entries.get(key)
            if kept is not None:
                self._entries.move_to_end(key)
            return kept

    def put(self, key: tuple[str, str, str], kept: Kept) -> None:
        if len(kept.body) > MAX_BYTES // 4:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self._bytes += len(kept.body) - (len(old.body) if old is not None else 0)
            self._entries[key] = kept
            while len(self._entries) > MAX_ENTRIES or self._bytes > MAX_BYTES:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)


def _key(environ: dict[str, Any]) -> tuple[str, str, str] | None:
    """The key of a request no one's own response could answer differently, or None."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    language = ""
    if header := environ.get("HTTP_COOKIE"):
        cookies = parse_cookie(header)
        if any(name != COOKIE for name in cookies):
            return None
        language = cookies.get(COOKIE, "")
    # As werkzeug gives request.path: WSGI carries the path's bytes as latin-1.
    path = "/" + environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace").lstrip("/")
    return path, environ.get("QUERY_STRING", ""), language


class PublicFastPath:
    def __init__(self, app: Flask, wsgi_app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        self.kept = KeptResponses()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        key = _key(environ) if self._trusted_host(environ) else None
        kept = self.kept.get(key) if key is not None else None
        if key is not None and kept is not None:
            try:
                version = version_memo(self.app).get(self.app)
            except Exception:  # the database cannot be read: Flask answers as it would answer anyone
                log.exception("public fast path: could not read the content version")
            else:
                locale = choose_locale(key[2], self.app.config["DEFAULT_LOCALE"])
                if kept.etag == etag_for(self.app, version, key[0], key[1], locale, hourly=kept.hourly):
                    return self._replay(kept, environ, start_response)
        if key is None:
            return self.wsgi_app(environ, start_response)
        return self._build(key, environ, start_response)

    def _trusted_host(self, environ: dict[str, Any]) -> bool:
        """With LOA_TRUSTED_HOSTS set, another Host goes to Flask, which answers it 400 (web.addresses)."""
        trusted = self.app.config.get("TRUSTED_HOSTS")
        if not trusted:
            return True
        try:
            get_host(environ, trusted_hosts=trusted)
        except SecurityError:
            return False
        return True

    def _replay(self, kept: Kept, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        environ[ROUTE] = kept.route
        if environ["REQUEST_METHOD"] == "GET" and not environ.get(NOT_COUNTED) and kept.counted is not None:
            self._count(kept.counted, environ)
        matches = kept.etag in parse_etags(environ.get("HTTP_IF_NONE_MATCH"))
        if matches:
            start_response("304 NOT MODIFIED", [(k, v) for k, v in kept.headers if k.lower() not in NOT_IN_304])
            return []
        start_response("200 OK", kept.headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [kept.body]

    def _count(self, counted: tuple[str, object], environ: dict[str, Any]) -> None:
        kind, value = counted
        address, agent = environ.get("REMOTE_ADDR", ""), environ.get("HTTP_USER_AGENT", "")
        if kind == "view":
            record_view(self.app, value if isinstance(value, int) else None, address=address, agent=agent)
        elif kind == "feed":
            record_feed_fetch(self.app, str(value), address=address, agent=agent)

    def _build(self, key: tuple[str, str, str], environ: dict[str, Any],
               start_response: StartResponse) -> Iterable[bytes]:
        """Through Flask; a fresh 200 it marked as shareable is kept for the next reader."""
        answered: list[Any] = []

        def keep_answer(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answered[:] = [status, headers]
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, keep_answer)
        marked = environ.get(KEEP)
        if marked is None or environ["REQUEST_METHOD"] != "GET" or not answered or not answered[0].startswith("200"):
            return body
        headers = answered[1]
        if any(name.lower() == "set-cookie" for name, _ in headers):
            return body  # something was set for this visitor alone: never replay it to another
        try:
            data = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        etag, hourly, counted = marked
        self.kept.put(key, Kept(etag, hourly, list(headers), data, counted, route_of(environ)))
        return [data]


def init_public_fast_path(app: Flask) -> None:
    app.wsgi_app = PublicFastPath(app, app.wsgi_app)  # type: ignore[method-assign]
