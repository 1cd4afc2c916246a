"""Health, readiness and metrics answer whatever Host they are asked under.

With LOA_TRUSTED_HOSTS set, Flask refuses any other Host with a 400 (web.addresses). Probes do not ask under the
public name: a load balancer checks `http://10.0.0.5:8000/readyz` and Prometheus scrapes `127.0.0.1:8000/metrics`,
and neither can always set a Host header. These three answers build no address from the Host (no links, nothing
cached), so for them alone the Host is taken to be the first trusted name. Who may read /metrics is still decided
by the client's address and token (web.ops.metrics), never by the Host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask

PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def init_probe_hosts(app: Flask) -> None:
    trusted = app.config.get("TRUSTED_HOSTS")
    if not trusted:
        return
    wrapped: Callable[[dict[str, Any], Any], Iterable[bytes]] = app.wsgi_app
    name = str(trusted[0]).lstrip(".")  # a leading dot in Flask's list means "and its subdomains"

    def probe_host(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        if environ.get("PATH_INFO") in PROBE_PATHS:
            environ["HTTP_HOST"] = name
        return wrapped(environ, start_response)

    app.wsgi_app = probe_host  # type: ignore[method-assign]
