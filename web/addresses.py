"""Absolute addresses of this site, built from its configured public address, never from the request's Host.

A feed or podcast carries dozens of absolute links and is cached by readers and proxies: if the links
followed the `Host` header, one forged request would plant another domain in every cached copy. So
the address comes from `LOA_BASE_URL`, else from Flask's `SERVER_NAME`. Only a development or test
app with neither falls back to the request; a production app with neither refuses loudly rather than
guess, because a guessed address is either the attacker's or a dead link, and both end up cached.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, has_request_context, request, url_for
from flask_babel import gettext
from werkzeug.exceptions import SecurityError

from content.models import Message

# Where the portal shows a message: its route is built from this, and the domain is handed message_path.
MESSAGE_PATH = "/tin/"


class MissingBaseUrl(RuntimeError):
    """Neither LOA_BASE_URL nor SERVER_NAME is set, so no absolute link can be trusted."""


def init_addresses(app: Flask) -> None:
    """Answer a Host outside LOA_TRUSTED_HOSTS (Flask's TRUSTED_HOSTS) with a plain 400."""
    app.register_error_handler(SecurityError, _untrusted_host)


def _untrusted_host(error: SecurityError) -> Response:
    # Flask builds no URL adapter for an untrusted Host, so the usual error page (full of url_for) cannot
    # be drawn; plain text also keeps the refused name out of the answer.
    return Response(gettext("Trang này không phục vụ tên miền vừa yêu cầu."), status=400,
                    mimetype="text/plain")


def public_base_url(app: Flask) -> str:
    """The site's public address with any mount path and no trailing slash, or "" when none is configured."""
    if base := app.config.get("BASE_URL"):
        return str(base).rstrip("/")
    if server := app.config.get("SERVER_NAME"):
        scheme = app.config.get("PREFERRED_URL_SCHEME") or "http"
        return f"{scheme}://{server}{_mount_point(app)}"
    return ""


def message_path(message: Message) -> str:
    """The path of the message's portal page, for tracked links and posts (the domain never spells it)."""
    return f"{MESSAGE_PATH}{message.slug}"


def external_url(endpoint: str, **values: Any) -> str:
    """`url_for(endpoint, **values)` as an absolute address under the configured public address."""
    path = url_for(endpoint, **values)
    mount = _mount_point(current_app)
    if mount and path.startswith(mount):
        path = path[len(mount):]
    return _base() + path


def _base() -> str:
    if base := public_base_url(current_app):
        return base
    if (current_app.debug or current_app.testing) and has_request_context():
        return request.url_root.rstrip("/")
    raise MissingBaseUrl(
        "LOA_BASE_URL is not set (nor SERVER_NAME): set it to the site's public address, "
        "e.g. LOA_BASE_URL=https://loa.example.vn, so feeds and podcasts never take their links from the "
        "request's Host header.")


def _mount_point(app: Flask) -> str:
    """Where the app is mounted (behind a proxy's SCRIPT_NAME), which url_for puts before every path."""
    if has_request_context():
        return request.script_root
    return str(app.config.get("APPLICATION_ROOT") or "/").rstrip("/")
