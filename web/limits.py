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

from web.limit_storage import SCHEME

limiter = Limiter(key_func=get_remote_address, key_prefix="loa")


def init_limits(app: Flask) -> None:
    # In memory, limits' own store can fail a request under a threaded server; ours cannot (web.limit_storage).
    uri = str(app.config.get("RATELIMIT_STORAGE_URI") or app.config.get("REDIS_URL") or "memory://")
    app.config["RATELIMIT_STORAGE_URI"] = f"{SCHEME}://{uri.removeprefix('memory://')}" if uri.startswith("memory://") else uri
    # X-RateLimit-* and Retry-After on every limited response, so clients can back off by the clock.
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)


def is_shared_store(app: Flask) -> bool:
    """Whether the limits are counted in a store other processes share (Redis), not in this process's memory."""
    uri = str(app.config.get("RATELIMIT_STORAGE_URI") or app.config.get("REDIS_URL") or "memory://")
    return not uri.startswith(("memory://", f"{SCHEME}://"))
