"""`loa check`'s checks, in the order they are printed: each a small function returning what it found."""

from __future__ import annotations

from web.checks.database_checks import check_channels, check_database, check_workers
from web.checks.findings import Check, Finding
from web.checks.setup_checks import check_audio_tools, check_base_url, check_instance_files, check_secret_key

CHECKS: dict[str, Check] = {
    "secret key": check_secret_key,
    "base address": check_base_url,
    "audio tools": check_audio_tools,
    "instance files": check_instance_files,
    "database": check_database,
    "channels": check_channels,
    "workers": check_workers,
}

__all__ = ["CHECKS", "Check", "Finding", "check_base_url"]
