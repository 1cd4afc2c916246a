"""The dispatcher's settings, read from the app's configuration."""

from __future__ import annotations

from flask import Flask

from scheduler.sending import MAX_ATTEMPTS, DispatchSettings


def dispatch_settings(app: Flask) -> DispatchSettings:
    config = app.config
    return DispatchSettings(
        base_url=config.get("BASE_URL", ""),
        max_attempts=int(config.get("MAX_ATTEMPTS", MAX_ATTEMPTS)),
        batch=int(config.get("DISPATCH_BATCH", 100)),
        parallel=int(config.get("DISPATCH_PARALLEL", 8)),
    )
