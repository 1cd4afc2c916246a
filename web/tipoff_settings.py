"""Tip-off settings: the sealing key (LOA_TIPOFF_KEY, or one made once in the instance folder), where the sealed
photos live, and how long tip-offs are kept (LOA_TIPOFF_RETENTION_DAYS)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from campaigns.tipoff_sealing import generate_tipoff_key
from scheduler.tipoff_job import TipoffJobSettings
from web.config import _instance_secret
from web.data_dir import data_dir

# Two years: long enough for the year's festival-day figures, short enough not to keep reports for ever.
DEFAULT_RETENTION_DAYS = 730


def tipoff_key(app: Flask) -> str:
    if not app.config.get("TIPOFF_KEY"):
        app.config["TIPOFF_KEY"] = _instance_secret(Path(app.instance_path), "tipoff_key", generate_tipoff_key)
    return str(app.config["TIPOFF_KEY"])


def tipoff_photo_root(app: Flask) -> Path:
    """Never under the media root nginx serves: the files are sealed, but they need not be reachable either."""
    return Path(app.config.get("TIPOFF_ROOT") or data_dir(app))


def tipoff_retention_days(app: Flask) -> int:
    value = app.config.get("TIPOFF_RETENTION_DAYS")
    if value in (None, ""):
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = 0
    if days < 1:
        raise ValueError(f"LOA_TIPOFF_RETENTION_DAYS must be a whole number of days, at least 1; got {value!r}")
    return days


def tipoff_job_settings(app: Flask) -> TipoffJobSettings:
    return TipoffJobSettings(retention_days=tipoff_retention_days(app), photo_root=tipoff_photo_root(app))
