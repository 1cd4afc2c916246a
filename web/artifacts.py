"""The published pages and feeds as files nginx can serve without Loa: each with a pre-compressed `.gz` beside it.

Written into LOA_ARTIFACTS_DIR (default instance/public): `index.html` (the home page), `tin/<slug>.html` (each
published message), the site's feeds, `feeds.opml`, `sitemap.xml`, the follow and good-deeds pages, and every
followable page with its two feeds (`chien-dich/<slug>.html`, `chien-dich/<slug>/feed.rss|.atom`, and so on for
topics, areas and kinds): an address without a suffix is written with `.html`. Whether to rewrite them is decided by the public content version
(`campaigns.public_version`), so one check covers a publish, an edit, a withdrawal and a scheduled message going
out: the scheduler's files job runs it every interval and at once after a dispatch tick that sent something, in
the process that has the app, and `loa artifacts build` runs it by hand. A withdrawn message's file is removed.

The bytes are those Loa itself serves an anonymous visitor in the default language (the app is asked through
its own test client, flagged so the request is not counted as a view or a poll); nginx serves the files only
to such visitors (docs/nginx.md). Each file is written to a temporary name and renamed: a reader sees the old
file or the new one, never half of one. Several `loa worker` processes share one folder (LOA_DATA_DIR): a build
holds a file lock on it, so one never deletes as stale a file another just wrote for a newer version.
"""

from __future__ import annotations

import fcntl
import gzip
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from campaigns.public_version import public_version
from campaigns.publication import published_slugs
from web.addresses import MESSAGE_PATH
from web.data_dir import data_path
from web.tracking import NOT_COUNTED

FIXED = ("/", "/feed.rss", "/feed.atom", "/feeds.opml", "/sitemap.xml", "/theo-doi", "/nguoi-tot-viec-tot")
FEED_SUFFIXES = (".rss", ".atom", ".opml", ".xml")
log = logging.getLogger(__name__)
_lock = threading.Lock()


@dataclass(frozen=True)
class ArtifactReport:
    written: int  # files whose bytes changed
    removed: int


def artifacts_dir(app: Flask) -> Path:
    return data_path(app, "ARTIFACTS_DIR", "public")


@contextmanager
def _folder_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".build.lock", "a") as handle:  # a dot file: never taken for a stale page, never served
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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


def _paths(app: Flask) -> list[str]:
    """Every public address with a file: the fixed pages, each message's page, each followable page and its feeds."""
    from web.addresses import public_base_url
    from web.database import get_db
    from web.feeds.feed_list import all_feeds

    with app.test_request_context(base_url=_origin(app)):
        base = public_base_url(app).rstrip("/")
        followed = [url[len(base):] for feed in all_feeds()[1:] for url in (feed.page, feed.rss, feed.atom)]
        slugs = published_slugs(get_db())
    return [*FIXED, *(f"{MESSAGE_PATH}{slug}" for slug in slugs), *followed]


def _origin(app: Flask) -> str | None:
    """The public address's scheme and host, which the app is asked under: with LOA_TRUSTED_HOSTS set, the test
    client's own `localhost` is refused (400, and no URL can be built), so not one file would be written."""
    from web.addresses import public_base_url

    parts = urlsplit(public_base_url(app))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


def file_of(path: str) -> str:
    """The file an address is written to: `/` is index.html, a feed keeps its name, a page gains `.html`."""
    name = path.strip("/") or "index"
    return name if name.endswith(FEED_SUFFIXES) else f"{name}.html"


def build_artifacts(app: Flask, *, force: bool = False) -> ArtifactReport | None:
    """Write every artifact again if the public content version moved since the last build; None if it had not."""
    with _lock, _folder_lock(artifacts_dir(app)):  # a thread, a command or another worker: one build at a time
        with app.extensions["loa.sessions"]() as db:
            version = public_version(db).token
        if not force and app.extensions.get("loa.artifacts_version") == version:
            return None
        root = artifacts_dir(app).resolve()
        wanted = {path: root / file_of(path) for path in _paths(app)}
        client, origin = app.test_client(), _origin(app)
        written = 0
        for path, target in wanted.items():
            if root not in target.resolve().parents:  # a slug or code is checked on input; never trust it here
                log.warning("artifacts: %s would be written outside %s; skipped", path, root)
                continue
            response = client.get(path, base_url=origin, environ_base={NOT_COUNTED: True})
            if response.status_code != 200:
                log.warning("artifacts: %s answered %s; its file is left as it was", path, response.status_code)
                continue
            written += _write(target, response.get_data())
        keep = set(wanted.values())
        removed = 0
        for stale in [f for f in root.rglob("*") if f.is_file() and f.suffix != ".gz" and not f.name.startswith(".")]:
            if stale not in keep:  # a withdrawn message, a deleted campaign
                _remove(stale)
                removed += 1
        app.extensions["loa.artifacts_version"] = version
        return ArtifactReport(written=written, removed=removed)


def refresh_artifacts(app: Flask) -> None:
    """The scheduler's files job: never lets a failure reach the scheduler."""
    try:
        report = build_artifacts(app)
    except Exception:
        log.exception("artifacts: could not write the published files; tried again at the next run")
        return
    if report is not None and (report.written or report.removed):
        log.info("artifacts: wrote %s, removed %s", report.written, report.removed)
