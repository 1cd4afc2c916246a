"""For operators' machines rather than people: health, readiness and metrics. No login, no CSRF, no rate limit."""

from __future__ import annotations

from flask import Blueprint

from web.limits import limiter
from web.ops import health, metrics

bp = Blueprint("ops", __name__)
# A probe every few seconds from a load balancer or Prometheus must never be refused.
limiter.exempt(bp)
bp.add_url_rule("/healthz", view_func=health.healthz)
bp.add_url_rule("/readyz", view_func=health.readyz)
bp.add_url_rule("/metrics", view_func=metrics.metrics)
