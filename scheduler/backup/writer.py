"""Making a backup: copy the database, add the file trees, then the manifest that describes them all."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from scheduler.backup.archive import ArchiveWriter
from scheduler.backup.errors import BackupError
from scheduler.backup.manifest import Manifest
from scheduler.backup.postgres_copy import dump_postgres
from scheduler.backup.revisions import database_revision
from scheduler.backup.sqlite_copy import copy_sqlite

# Where each part lives inside an archive.
SQLITE_MEMBER = "database/loa.sqlite3"
POSTGRES_MEMBER = "database/loa.pgdump"
DATABASE_MEMBERS = {"sqlite": SQLITE_MEMBER, "postgresql": POSTGRES_MEMBER}
FILES_PREFIX = "files"
ARCHIVE_PREFIX, ARCHIVE_SUFFIX = "loa-backup-", ".tar.gz"


@dataclass(frozen=True)
class Installation:
    """What a backup reads and a restore replaces, as the web layer's configuration names it."""

    database_url: str
    trees: dict[str, Path]  # a name in the archive ("media") → the folder on this machine
    key_fingerprints: dict[str, str | None]
    loa_version: str

    @property
    def backend(self) -> str:
        name = make_url(self.database_url).get_backend_name()
        return "postgresql" if name == "postgresql" else name

    def sqlite_path(self) -> Path:
        return Path(make_url(self.database_url).database or "")


def archive_name(now: datetime) -> str:
    return f"{ARCHIVE_PREFIX}{now:%Y%m%dT%H%M%SZ}{ARCHIVE_SUFFIX}"


def write_backup(installation: Installation, target: Path, *, now: datetime) -> Manifest:
    """Write the archive to `target`; it appears under that name only once complete."""
    backend = installation.backend
    if backend not in DATABASE_MEMBERS:
        raise ValueError(f"cannot back up a {backend} database")
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=".loa-backup-"))
    writer = ArchiveWriter(target)
    try:
        copy = work / "database"
        if backend == "sqlite":
            copy_sqlite(installation.sqlite_path(), copy)
            revision = _revision(f"sqlite:///{copy}")
        else:
            # Read first: a migration runs only while Loa is stopped, so the dump that follows has the same one.
            revision = _revision(installation.database_url)
            dump_postgres(installation.database_url, copy)
        writer.add_file(DATABASE_MEMBERS[backend], copy)
        for name, root in sorted(installation.trees.items()):
            writer.add_tree(f"{FILES_PREFIX}/{name}", root)
        manifest = Manifest(loa_version=installation.loa_version, revision=revision, backend=backend,
                            created_at=now.isoformat(), key_fingerprints=dict(installation.key_fingerprints),
                            members=tuple(writer.members))
        writer.finish(manifest)
        return manifest
    except BaseException:
        writer.abandon()
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _revision(database_url: str) -> str | None:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return database_revision(connection)
    except OperationalError as error:
        raise BackupError(f"The database cannot be read ({error.orig}): nothing was backed up.") from None
    finally:
        engine.dispose()


def prune_archives(folder: Path, *, keep: int) -> list[Path]:
    """Delete all but the `keep` newest archives this command named in `folder`; the names sort by time."""
    archives = sorted(folder.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))
    removed = archives[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink()
    return removed
