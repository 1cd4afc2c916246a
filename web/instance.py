"""The instance folder and the SQLite database: private to the account that runs Loa.

The database holds password hashes, encrypted channel tokens, tip-offs and draft stories; the folder
holds the keys that decrypt and sign them. Nothing in it is for other local users, so the folder is
made 0700 and the database file 0600 before SQLite ever opens it (SQLite then gives its -wal and
-shm files the database file's mode). Files that already exist lose any world access; group access
an operator chose is left alone.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy.engine import make_url

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """`path` as a directory; created 0700 (parents too), or stripped of world access if it was there."""
    if path.is_dir():
        _drop_world_access(path)
    else:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        os.chmod(path, PRIVATE_DIR)  # mkdir's mode gives way to the umask only downwards; say it exactly
    return path


def private_file(path: Path) -> Path:
    """`path` as a file; created empty with 0600, or stripped of world access if it was there."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        _drop_world_access(path)
    return path


def sqlite_file(database_url: str) -> Path | None:
    """The file a SQLite URL names; None for other databases and in-memory ones."""
    url = make_url(database_url)
    name = url.database or ""
    if url.get_backend_name() != "sqlite" or name in ("", ":memory:") or name.startswith("file:"):
        return None
    return Path(name)


def prepare_database_file(database_url: str) -> None:
    """Create a SQLite database file private before its first connection would create it readable."""
    path = sqlite_file(database_url)
    if path is None:
        return
    if not path.parent.exists():
        private_dir(path.parent)
    private_file(path)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if companion.exists():
            _drop_world_access(companion)


def instance_path(config: Mapping[str, Any] | None = None) -> str | None:
    """LOA_INSTANCE_PATH (or INSTANCE_PATH in a test's mapping) made absolute, as Flask wants it; None for Flask's default.

    Read before the app exists: the instance folder is where instance/loa.cfg, the keys and the SQLite file are found.
    """
    value = (config or {}).get("INSTANCE_PATH") or os.environ.get("LOA_INSTANCE_PATH")
    return os.path.abspath(os.path.expanduser(str(value))) if value else None


def init_instance(app: Flask) -> None:
    """Tighten what is already there and create the database file private; nothing else is made here."""
    instance = Path(app.instance_path)
    if instance.is_dir():
        private_dir(instance)
    prepare_database_file(app.config["DATABASE_URL"])


def _drop_world_access(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o007:
        os.chmod(path, mode & ~0o007)
