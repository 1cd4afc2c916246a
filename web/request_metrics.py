"""Every HTTP request counted and timed by route and status, around the whole app (the public fast path too).

A WSGI middleware inside the proxy fix, so requests the public fast path answers without entering Flask are
counted like the rest; those it labels with the endpoint Flask matched when it built the page (web.public_fast_path).
Labels are bounded: the endpoint (never the raw path, which carries ids, slugs and station tokens), a known method,
the status code. With LOA_LOG_FORMAT=json each request is also one log line (web.log_format).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request
from prometheus_client import Counter, Gauge, Histogram

from web.log_format import logs_json
from web.tracking import NOT_COUNTED

ROUTE = "loa.route"  # the environ key the fast path sets on a request it answers itself
UNMATCHED = "unmatched"  # 404s of paths no rule has, and anything that failed before routing
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter("loa_http_requests", "HTTP requests answered, by endpoint, method and status.",
                   ["route", "method", "status"])
# From 5 ms (a kept page) to 10 s (a week of audio made afresh).
LATENCY = Histogram("loa_http_request_duration_seconds", "Time to answer, until the body is handed to the server.",
                    ["route"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
# livesum: with several gunicorn workers, each process's own buffer, summed over the live ones.
BUFFERED = Gauge("loa_tracking_events_buffered", "Views, clicks and feed polls counted in memory, not yet written.",
                 ["source"], multiprocess_mode="livesum")
log = logging.getLogger("loa.http")

StartResponse = Callable[..., Any]


def route_of(environ: dict[str, Any]) -> str:
    """The endpoint that answered: set by the fast path, or noted from the rule Flask matched."""
    return str(environ.get(ROUTE) or UNMATCHED)


def _note_route(_error: BaseException | None) -> None:
    # At teardown, which runs whatever happened; Flask forgets its request (and the rule) right after.
    if request.url_rule is not None:
        request.environ[ROUTE] = request.url_rule.endpoint


def note_buffered(app: Flask) -> None:
    """Set the buffered gauge from this process's write-behind, if it has one yet."""
    pending = app.extensions.get("loa.write_behind")
    if pending is not None:
        for source, count in pending.pending_counts().items():
            BUFFERED.labels(source).set(count)


class RequestMetrics:
    def __init__(self, app: Flask, wsgi_app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        # A scrape reaches one gunicorn worker: each keeps its own buffered figure current in the shared files.
        self.shared = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get(NOT_COUNTED):  # the published-files build asking the app for its pages: no client, no request
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        answered: list[str] = []

        def recording(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            answered[:] = [status]
            return start_response(status, headers, exc_info)

        try:
            return self.wsgi_app(environ, recording)
        finally:
            # A raise out of the app is the server's 500.
            self._record(environ, answered[0].split(" ", 1)[0] if answered else "500", time.perf_counter() - started)

    def _record(self, environ: dict[str, Any], status: str, seconds: float) -> None:
        route = route_of(environ)
        method = environ.get("REQUEST_METHOD", "")
        REQUESTS.labels(route, method if method in METHODS else "other", status).inc()
        LATENCY.labels(route).observe(seconds)
        if self.shared:
            note_buffered(self.app)
        if logs_json(self.app):
            # Never the path or query: station tokens travel in ?token=, and ids and slugs would only add noise.
            log.info("%s %s %s", method, route, status, extra={
                "method": method, "route": route, "status": int(status), "duration_ms": round(seconds * 1000, 2),
                "remote_addr": environ.get("REMOTE_ADDR", "")})


def init_request_metrics(app: Flask) -> None:
    app.wsgi_app = RequestMetrics(app, app.wsgi_app)  # type: ignore[method-assign]
    app.teardown_request(_note_route)
