"""The alert job's settings from the app's configuration: the grace after a slot, and the SMTP server if any.

LOA_CONFIRMATION_GRACE_MINUTES (30): how long after a slot ends an unconfirmed item raises an alert.
LOA_SMTP_HOST (unset: notices in Loa only), LOA_SMTP_PORT (25), LOA_SMTP_SENDER, LOA_SMTP_USERNAME,
LOA_SMTP_PASSWORD, LOA_SMTP_SECURITY (none, starttls or ssl). LOA_ALERT_SECONDS (300): how often workers check.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import Flask

from scheduler.alerts.job import AlertSettings
from scheduler.alerts.mail import SmtpSettings
from web.addresses import public_base_url


def grace(app: Flask) -> timedelta:
    value = app.config.get("CONFIRMATION_GRACE_MINUTES", 30)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"LOA_CONFIRMATION_GRACE_MINUTES must be a whole number of minutes; got {value!r}") from None
    if not 0 <= minutes <= 24 * 60:
        raise ValueError("LOA_CONFIRMATION_GRACE_MINUTES must be between 0 and 1440 minutes")
    return timedelta(minutes=minutes)


def is_mail_on(app: Flask) -> bool:
    return bool(str(app.config.get("SMTP_HOST") or "").strip())


def smtp_settings(app: Flask) -> SmtpSettings | None:
    """The SMTP server mails go through, or None when LOA_SMTP_HOST is not set; a bad value is a ValueError."""
    if not is_mail_on(app):
        return None
    config = app.config
    host = str(config["SMTP_HOST"]).strip()
    try:
        port = int(config.get("SMTP_PORT") or 25)
    except (TypeError, ValueError):
        raise ValueError(f"LOA_SMTP_PORT must be a port number; got {config.get('SMTP_PORT')!r}") from None
    return SmtpSettings(host=host, port=port, sender=str(config.get("SMTP_SENDER") or f"loa@{host}"),
                        username=str(config.get("SMTP_USERNAME") or ""),
                        password=str(config.get("SMTP_PASSWORD") or ""),
                        security=str(config.get("SMTP_SECURITY") or "none").strip().lower())


def interval(app: Flask) -> float:
    value = app.config.get("ALERT_SECONDS", 300)
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = 0
    if not 10 <= seconds <= 3600:
        raise ValueError(f"LOA_ALERT_SECONDS must be a number of seconds between 10 and 3600; got {value!r}")
    return seconds


def alert_settings(app: Flask) -> AlertSettings:
    base = public_base_url(app)
    return AlertSettings(zone=ZoneInfo(app.config["TIMEZONE"]), grace=grace(app), smtp=smtp_settings(app),
                         notices_url=f"{base}/notifications/" if base else "", interval_seconds=interval(app))
