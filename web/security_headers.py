"""Security headers on every response: pages, JSON, feeds, media, audio and error pages alike.

The Content-Security-Policy is the second wall behind the sanitizer in content.rendering: even if some
markup slipped through, no inline script, inline handler, foreign script or foreign style would run,
and no other site may frame a page (clickjacking on the approve button). Every template keeps to it:
scripts and styles live in web/static/, and tests scan the templates for anything inline.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

# img-src allows https: because content.rendering lets an editor embed an https image in a story; the
# sanitizer, not this header, decides which images may appear. Everything else is this site alone.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HSTS = "max-age=31536000; includeSubDomains"
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # frame-ancestors for browsers too old to read it.
    "X-Frame-Options": "DENY",
}


def init_security_headers(app: Flask) -> None:
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    # Only for a site on HTTPS (browsers ignore it over HTTP). TLS often ends at a proxy, where the request
    # looks like plain HTTP: LOA_SESSION_COOKIE_SECURE is the operator saying the site is on HTTPS.
    if current_app.config.get("SESSION_COOKIE_SECURE") or request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response
