"""The published pages and feeds as files nginx can serve without Loa: each with a pre-compressed `.gz` beside it.

Written into LOA_ARTIFACTS_DIR (default instance/public): `index.html` (the home page), `tin/<slug>.html` (each
published message), `feed.rss` and `feed.atom`. Whether to rewrite them is decided by the public content version
(`campaigns.public_version`), so one check covers a publish, an edit, a withdrawal and a scheduled message going
out: the scheduler's files job runs it every interval and at once after a dispatch tick that sent something, in
the process that has the app, and `loa artifacts build` runs it by hand. A withdrawn message's file is removed.

The bytes are those Loa itself serves an anonymous visitor in the default language (the app is asked through
its own test client, flagged so the request is not counted as a view or a poll); nginx serves the files only
to such visitors (docs/nginx.md). Each file is written to a temporary name and renamed: a reader sees the old
file or the new one, never half of one.
"""

from __future__ import annotations

import gzip
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from campaigns.public_version import public_version
from campaigns.publication import published_slugs
from web.addresses import MESSAGE_PATH
from web.tracking import NOT_COUNTED

FIXED = {"/": "index.html", "/feed.rss": "feed.rss", "/feed.atom": "feed.atom"}
MESSAGES_DIR = MESSAGE_PATH.strip("/")
log = logging.getLogger(__name__)
_lock = threading.Lock()


@dataclass(frozen=True)
class ArtifactReport:
    written: int  # files whose bytes changed
    removed: int


def artifacts_dir(app: Flask) -> Path:
    return Path(app.config.get("ARTIFACTS_DIR") or Path(app.instance_path) / "public")


def _write(target: Path, body: bytes) -> bool:
    """Write the file and its .gz unless they already hold these bytes (nginx's ETag is the file's mtime)."""
    zipped = target.with_name(target.name + ".gz")
    if target.is_file() and zipped.is_file() and target.read_bytes() == body:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    for path, data in ((target, body), (zipped, gzip.compress(body, mtime=0))):
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    return True


def _remove(target: Path) -> None:
    for path in (target, target.with_name(target.name + ".gz")):
        path.unlink(missing_ok=True)


def build_artifacts(app: Flask, *, force: bool = False) -> ArtifactReport | None:
    """Write every artifact again if the public content version moved since the last build; None if it had not."""
    with _lock:  # the scheduler's thread and a command never write the same files at once
        with app.app_context():
            from web.database import get_db

            version = public_version(get_db()).token
            slugs = published_slugs(get_db())
        if not force and app.extensions.get("loa.artifacts_version") == version:
            return None
        root = artifacts_dir(app)
        wanted = dict(FIXED) | {f"{MESSAGE_PATH}{slug}": f"{MESSAGES_DIR}/{slug}.html" for slug in slugs}
        client = app.test_client()
        written = 0
        for path, name in wanted.items():
            response = client.get(path, environ_base={NOT_COUNTED: True})
            if response.status_code != 200:
                log.warning("artifacts: %s answered %s; its file is left as it was", path, response.status_code)
                continue
            written += _write(root / name, response.get_data())
        removed = 0
        pages = root / MESSAGES_DIR
        keep = {Path(name).name for name in wanted.values()}
        for stale in pages.glob("*.html") if pages.is_dir() else ():
            if stale.name not in keep:
                _remove(stale)
                removed += 1
        app.extensions["loa.artifacts_version"] = version
        return ArtifactReport(written=written, removed=removed)


def refresh_artifacts(app: Flask) -> None:
    """The scheduler's hook: never lets a failure reach the dispatch job."""
    try:
        report = build_artifacts(app)
    except Exception:
        log.exception("artifacts: could not write the published files; tried again after the next tick")
        return
    if report is not None and (report.written or report.removed):
        log.info("artifacts: wrote %s, removed %s", report.written, report.removed)
