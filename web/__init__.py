"""The Flask app factory: the only place the web layer is assembled."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from web import admin, api, channels, desk, feeds, i18n, media, notifications, ops, portal, radio, reach, stations
from web.addresses import init_addresses
from web.auth import login_manager
from web.config import load_config
from web.database import init_database
from web.errors import register_error_handlers
from web.formatting import register_filters
from web.i18n.locale import init_i18n
from web.instance import init_instance, instance_path
from web.limits import init_limits
from web.log_format import init_logging
from web.ops.probe_hosts import init_probe_hosts
from web.params import init_params
from web.public_cache import init_public_cache
from web.public_fast_path import init_public_fast_path
from web.request_metrics import init_request_metrics
from web.security_headers import init_security_headers

csrf = CSRFProtect()


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path(config))
    load_config(app, config)
    init_logging(app)
    init_public_fast_path(app)  # inside the proxy fix: the address it counts is the reader's
    init_request_metrics(app)  # around the fast path, so what it answers is counted too
    if proxies := int(app.config["PROXY_COUNT"]):
        # The client address only, from the proxies' X-Forwarded-For; never X-Forwarded-Host (absolute
        # URLs come from configuration) nor the others, which a client could set through the proxy.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=0, x_host=0, x_port=0, x_prefix=0)
    init_probe_hosts(app)
    init_params(app)  # before any route is added: every <int:…> is bounded
    init_instance(app)  # before the first connection creates the SQLite file
    init_database(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    register_error_handlers(app)
    register_filters(app)
    init_i18n(app)
    init_limits(app)
    init_security_headers(app)
    init_addresses(app)
    init_public_cache(app)
    for blueprint in (portal.bp, feeds.bp, desk.bp, reach.bp, admin.bp, channels.bp, media.bp, radio.bp, i18n.bp,
                      stations.bp, radio.airings_bp, radio.api_bp, notifications.bp, ops.bp, api.bp):
        app.register_blueprint(blueprint)
    # Token-only endpoints: no login cookie to ride on, so nothing for CSRF to protect (see web.radio).
    csrf.exempt(radio.bp)
    csrf.exempt(radio.api_bp)
    csrf.exempt(api.bp)  # token only: web.api.auth ignores the login cookie under /api/v1
    # Anonymous and acting for no one, from a page kept for every reader alike (see web.portal.feedback).
    csrf.exempt(portal.feedback.feedback)
    return app
