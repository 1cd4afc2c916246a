"""The dispatcher's settings, read from the app's configuration."""

from __future__ import annotations

from functools import partial

from flask import Flask

from campaigns.credentials import unseal
from content.media import media_file_name
from content.models import MediaItem
from scheduler.sending import MAX_ATTEMPTS, DispatchSettings
from web.addresses import public_base_url
from web.config import credentials_key


def media_path(item: MediaItem) -> str:
    return f"/media/{media_file_name(item)}"  # the route web.media serves


def dispatch_settings(app: Flask) -> DispatchSettings:
    config = app.config
    return DispatchSettings(
        base_url=public_base_url(app),
        max_attempts=int(config.get("MAX_ATTEMPTS", MAX_ATTEMPTS)),
        batch=int(config.get("DISPATCH_BATCH", 100)),
        parallel=int(config.get("DISPATCH_PARALLEL", 8)),
        unseal=partial(unseal, credentials_key(app)),
        media_path=media_path,
    )
