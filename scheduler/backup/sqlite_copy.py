"""SQLite through its online backup API: a consistent copy while Loa reads and writes, and a restore in one go.

The copy is one read transaction, so it is the database as it was at one moment however busy the writers are
(WAL lets them go on meanwhile). The restore copies the other way, into the live file through the same API:
SQLite writes it as one transaction, so a failure leaves the database as it was — and, unlike replacing the
file, it cannot meet a stale -wal file left beside the old one.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from scheduler.backup.errors import BackupError

TIMEOUT_SECONDS = 30
BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


class _GaveUp(Exception):
    pass


def _backup(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """Python retries a busy backup for ever; give up after TIMEOUT_SECONDS, as a connection's own timeout would."""
    deadline = time.monotonic() + TIMEOUT_SECONDS

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in BUSY and time.monotonic() > deadline:
            raise _GaveUp  # backup() then finishes the copy unfinished: the target's transaction rolls back

    try:
        source.backup(target, progress=progress)
    except _GaveUp:
        raise sqlite3.OperationalError("database is locked") from None


def copy_sqlite(source: Path, target: Path) -> None:
    """Write a self-contained copy of the database at `source` to the new file `target`."""
    if not source.is_file():
        raise BackupError(f"The database file {source} does not exist: there is nothing to back up.")
    with closing(sqlite3.connect(source, timeout=TIMEOUT_SECONDS)) as live, \
            closing(sqlite3.connect(target)) as copy:
        try:
            _backup(live, copy)
        except sqlite3.OperationalError as error:
            raise BackupError(f"SQLite could not read {source} ({error}): nothing was backed up.") from None
        # One file that opens alone, with no -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def check_sqlite(path: Path) -> None:
    """Refuse a database file SQLite finds damaged, before it replaces anything."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"The archive's database is not a readable SQLite database ({error}).") from None
    if verdict != "ok":
        raise BackupError(f"The archive's database fails SQLite's integrity check: {verdict}")


def load_sqlite(copy: Path, live: Path) -> None:
    """Replace the contents of the database at `live` with those of `copy`, all or nothing."""
    with closing(sqlite3.connect(copy)) as source, closing(sqlite3.connect(live, timeout=TIMEOUT_SECONDS)) as target:
        try:
            _backup(source, target)
        except sqlite3.OperationalError as error:
            raise BackupError(f"SQLite could not write {live} ({error}): stop `loa run` and every `loa worker` "
                              "using it, then restore again. The database was left as it was.") from None
