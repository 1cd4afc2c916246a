"""Defaults for every setting; LOA_* environment variables and instance/loa.cfg override them."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from campaigns.credentials import generate_key
from content.db import utcnow
from web.instance import private_dir

DEFAULTS = {
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "SITE_NAME": "Tiếng loa an ninh",
    "TICK_SECONDS": 15,
    # Well above the 5 MB image limit plus a 100,000-character body, so an image that is merely too
    # heavy reaches the form and gets a field error with everything typed kept, not a bare 413.
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
    # A form's token lives as long as the login: an editor who spends two hours on an article must
    # not have the save refused because the page was opened more than an hour ago (Flask-WTF's default).
    "WTF_CSRF_TIME_LIMIT": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PAGE_SIZE": 20,
    # A login ends after this long without a request, and in any case this long after it began:
    # a desk left open in a commune office, or a copied cookie, stops working within the working day.
    "SESSION_IDLE_MINUTES": 60,
    "SESSION_MAX_HOURS": 12,
    # How many reverse proxies (nginx) stand in front and append to X-Forwarded-For; 0 trusts no
    # header, so nobody can pick their own address for login throttling and the audit log.
    "PROXY_COUNT": 0,
    # Audio of radio scripts: the podcast feed's format (WAV when ffmpeg is missing), espeak-ng's words
    # per minute (124 reads about 190 syllables a minute, the pace read times are estimated at), and
    # the espeak-ng program to run.
    "AUDIO_FORMAT": "mp3",
    "AUDIO_SPEED": 124,
    "AUDIO_ESPEAK": "espeak-ng",
    # Raw reach events of local days older than this are deleted once rolled up; None keeps them for ever.
    "REACH_RETENTION_DAYS": None,
    "REACH_ROLLUP_SECONDS": 300,
    # Counting portal views and tracked-link clicks; off, pages and links work and nothing is counted.
    "TRACKING": True,
    # A callable returning an aware UTC datetime; tests swap it for a clock they move by hand.
    "CLOCK": utcnow,
}


def load_config(app: Flask, overrides: dict | None) -> None:
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("loa.cfg", silent=True)
    app.config.from_prefixed_env("LOA")
    if overrides:
        app.config.from_mapping(overrides)
    app.config.setdefault("DATABASE_URL", f"sqlite:///{Path(app.instance_path) / 'loa.db'}")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    websub_hub(app)  # refused at start, not at the first publish


def reach_retention_days(app: Flask) -> int | None:
    """LOA_REACH_RETENTION_DAYS as a whole number of days (at least 1), or None to keep raw events."""
    value = app.config.get("REACH_RETENTION_DAYS")
    if value in (None, "", 0, "0"):
        return None
    days = int(value)
    if days < 1:
        raise ValueError("LOA_REACH_RETENTION_DAYS must be a positive number of days")
    return days


def websub_hub(app: Flask) -> str:
    """LOA_WEBSUB_HUB: the WebSub hub feeds name and publishes are announced to, or "" (off).

    Only a plain http(s) address with a host: no password in it, no fragment, no spaces or control characters.
    """
    value = str(app.config.get("WEBSUB_HUB") or "").strip()
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # raises on a port that is not a number
    except ValueError:
        parts = None
    if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.username is not None
            or parts.password is not None or parts.fragment or any(c.isspace() or ord(c) < 32 for c in value)):
        raise ValueError(f"LOA_WEBSUB_HUB must be an http:// or https:// address of a WebSub hub, "
                         f"without a password or fragment; got {value!r}")
    return value


def tracking_enabled(app: Flask) -> bool:
    """LOA_TRACKING: on unless set to false, 0, off or no (an environment variable arrives as text)."""
    value = app.config.get("TRACKING", True)
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "off", "no", "")
    return bool(value)


def credentials_key(app: Flask) -> str:
    """LOA_CREDENTIALS_KEY, or one made once for this install; asked for only when a channel secret is used."""
    if not app.config.get("CREDENTIALS_KEY"):
        app.config["CREDENTIALS_KEY"] = _instance_secret(Path(app.instance_path), "credentials_key", generate_key)
    return app.config["CREDENTIALS_KEY"]


def _instance_secret(instance: Path, name: str = "secret_key",
                     make: Callable[[], str] = lambda: secrets.token_hex(32)) -> str:
    """A key generated once per install and kept in the instance folder, so it survives restarts."""
    path = instance / name
    if not path.exists():
        private_dir(instance)
        # Written private (mkstemp's 0600) under a name of its own, then linked into place: the key appears whole
        # or not at all, and when two threads or processes make it at once the first link wins and both read it.
        descriptor, temporary = tempfile.mkstemp(dir=instance, prefix=f".{name}.")
        try:
            with os.fdopen(descriptor, "w") as file:
                file.write(make())
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    return path.read_text().strip()
