"""Where Loa keeps the files it writes: one folder every web server and worker can share.

`LOA_DATA_DIR` (default: the instance folder) holds, each in its own folder, the media library (`media/`), scanned
consent forms (`consent/`), sealed tip-off photos (`tipoffs/`), the radio audio cache (`audio/`) and the published
pages and feeds (`public/`). With several servers it is a path they all mount (NFS, a shared disk), so a file
written through one is served by another. A per-kind setting (`LOA_MEDIA_ROOT`, `LOA_CONSENT_ROOT`,
`LOA_TIPOFF_ROOT`, `LOA_ARTIFACTS_DIR`, `LOA_AUDIO_DIR`) still moves that one kind elsewhere.

Every writer into these folders writes a temporary file in the same folder and renames it into place (or, for a
tip-off photo, writes it under a fresh random name before the row naming it is committed), so a second server
never reads half a file.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask


def data_dir(app: Flask) -> Path:
    """LOA_DATA_DIR, or the instance folder."""
    return Path(app.config.get("DATA_DIR") or app.instance_path)


def data_path(app: Flask, setting: str, name: str) -> Path:
    """The folder of one kind of file: its own setting if given, else `name` under the data folder."""
    configured = app.config.get(setting)
    return Path(configured) if configured else data_dir(app) / name
