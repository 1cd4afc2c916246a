"""The dispatcher's settings, read from the app's configuration."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from flask import Flask

from campaigns.credentials import unseal
from campaigns.destinations import parse_allowed_hosts
from content.media import media_file_name
from content.models import MediaItem
from scheduler.channels import Endpoints
from scheduler.sending import LEASE_SECONDS, MAX_ATTEMPTS, DispatchSettings
from web.addresses import message_path, public_base_url
from web.config import credentials_key, websub_hub


def media_path(item: MediaItem) -> str:
    return f"/media/{media_file_name(item)}"  # the route web.media serves


def webhook_allowed_hosts(app: Flask) -> frozenset[str]:
    """LOA_WEBHOOK_ALLOWED_HOSTS: private hosts webhooks may reach, read the same way at save and at send."""
    return parse_allowed_hosts(app.config.get("WEBHOOK_ALLOWED_HOSTS"))


def endpoints(app: Flask) -> Endpoints:
    """Where connectors send: the operator's settings, each platform's official address by default."""
    config, default = app.config, Endpoints()
    return Endpoints(
        telegram_api=str(config.get("TELEGRAM_API_BASE") or default.telegram_api),
        facebook_api=str(config.get("FACEBOOK_API_BASE") or default.facebook_api),
        zalo_api=str(config.get("ZALO_API_BASE") or default.zalo_api),
        webhook_allowed_hosts=webhook_allowed_hosts(app),
    )


def lease_seconds(app: Flask) -> float:
    """LOA_LEASE_SECONDS: at least 10 (a heartbeat renews claims every third of it), at most an hour."""
    value = float(app.config.get("LEASE_SECONDS", LEASE_SECONDS))
    if not 10 <= value <= 3600:
        raise ValueError("LOA_LEASE_SECONDS must be between 10 and 3600 seconds")
    return value


def lease_for_reading(app: Flask) -> timedelta:
    """The lease to judge claims by when only reading (`loa check`, /metrics): a bad setting falls back to the
    default, as the workers refuse it with their own message."""
    try:
        return timedelta(seconds=lease_seconds(app))
    except ValueError:
        return timedelta(seconds=LEASE_SECONDS)


def dispatch_settings(app: Flask) -> DispatchSettings:
    config = app.config
    return DispatchSettings(
        base_url=public_base_url(app),
        lease=timedelta(seconds=lease_seconds(app)),
        max_attempts=int(config.get("MAX_ATTEMPTS", MAX_ATTEMPTS)),
        batch=int(config.get("DISPATCH_BATCH", 10)),
        parallel=int(config.get("DISPATCH_PARALLEL", 8)),
        endpoints=endpoints(app),
        unseal=partial(unseal, credentials_key(app)),
        media_path=media_path,
        message_path=message_path,
        websub_hub=websub_hub(app),
    )
