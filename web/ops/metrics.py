"""/metrics in Prometheus text format: from loopback as is, from elsewhere only with LOA_METRICS_TOKEN.

Behind nginx (LOA_PROXY_COUNT > 0) the proxy fix has already put the client's address from X-Forwarded-For in
remote_addr, so a remote reader forwarded by nginx is remote here, and a scraper on the machine that calls the
app server directly is loopback. nginx should still not proxy /metrics (docs/deploy.md).

With PROMETHEUS_MULTIPROC_DIR set (gunicorn with several workers) the counters come from every worker's files;
the dispatch figures are read from the database at each scrape, so they are right whichever process sends.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from collections.abc import Iterator

from flask import Response, abort, current_app, request
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from campaigns.outbox_figures import OutboxFigures, read_outbox_figures
from web.database import get_db
from web.dispatch_settings import lease_for_reading
from web.request_metrics import note_buffered


def is_loopback(address: str | None) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def may_read() -> bool:
    """A loopback client, or anyone with the token; 403 to a wrong token, 404 to the rest (nothing to see)."""
    token = str(current_app.config.get("METRICS_TOKEN") or "")
    given = request.headers.get("Authorization", "")
    if given.startswith("Bearer "):
        if token and hmac.compare_digest(given.removeprefix("Bearer ").strip().encode(), token.encode()):
            return True
        if not is_loopback(request.remote_addr):
            abort(403)
    return is_loopback(request.remote_addr)


class OutboxCollector(Collector):
    def __init__(self, figures: OutboxFigures) -> None:
        self.figures = figures

    def collect(self) -> Iterator[GaugeMetricFamily]:
        f = self.figures
        deliveries = GaugeMetricFamily("loa_deliveries", "Deliveries in the outbox by destination kind and status.",
                                       labels=["kind", "status"])
        for (kind, status), count in sorted(f.by_kind.items()):
            deliveries.add_metric([kind, status.value], count)
        yield deliveries
        yield GaugeMetricFamily("loa_deliveries_due", "Planned deliveries due now, backoffs and paused channels "
                                "included.", value=f.due)
        yield GaugeMetricFamily("loa_deliveries_ready", "Due deliveries a tick would take now.", value=f.ready)
        yield GaugeMetricFamily("loa_deliveries_retrying", "Planned deliveries waiting to retry after a failed "
                                "attempt.", value=f.retrying)
        yield GaugeMetricFamily("loa_deliveries_oldest_due_lateness_seconds", "How late the oldest due delivery is; "
                                "0 when none is due.", value=f.late_by.total_seconds() if f.late_by else 0)


def metrics() -> Response:
    if not may_read():
        abort(404)
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    note_buffered(app)
    figures = read_outbox_figures(get_db(), now=app.config["CLOCK"](), lease=lease_for_reading(app))
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        process = CollectorRegistry()
        multiprocess.MultiProcessCollector(process)
    else:
        process = REGISTRY
    outbox = CollectorRegistry()
    outbox.register(OutboxCollector(figures))
    body = generate_latest(process) + generate_latest(outbox)
    return Response(body, content_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})
