"""Rate limits: one Flask-Limiter for the app, in memory by default, Redis when several processes share it.

`LOA_REDIS_URL` (e.g. `redis://127.0.0.1:6379/0`) is the store when set; `LOA_RATELIMIT_STORAGE_URI` picks
another one explicitly and wins. With several web processes behind nginx, in-memory counters would let an
attacker multiply every limit by their number, so they must share one store: login throttling
(`web.login_throttle`), the click dedupe (`web.tracking`) and the station-token refusals (`web.radio.refusals`)
all count in this limiter's store.
Limits are declared where they apply (`@limiter.limit(...)` on a view, or `limiter.limit(...)(view)`).
"""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, key_prefix="loa")


def init_limits(app: Flask) -> None:
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    # X-RateLimit-* and Retry-After on every limited response, so clients can back off by the clock.
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
