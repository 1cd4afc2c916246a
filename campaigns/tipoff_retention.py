"""Retention of tip-offs: past LOA_TIPOFF_RETENTION_DAYS after it was received, a tip-off is deleted for good —
its row, additions, notes, photo rows (by the foreign keys' cascade) and its photo files.

Counted from receipt, whatever the status: a rule a sender can be told in one sentence on the form. The rows
go in the caller's transaction; the files go only after it commits (`remove_files`), so a rolled-back purge
never leaves rows pointing at deleted files. A file no row names any more — a crash between commit and
removal — is swept by `sweep_orphans`, which also makes the job idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from campaigns.tipoff_models import Tipoff, TipoffPhoto
from campaigns.tipoff_photos import photo_folder, remove_photo_file

# A file younger than this may belong to a tip-off whose row is not committed yet.
ORPHAN_GRACE = timedelta(hours=1)
BATCH = 500


@dataclass(frozen=True)
class Purge:
    tipoffs: int
    files: list[str]


def purge_tipoffs(session: Session, *, days: int, now: datetime) -> Purge:
    """Delete the rows of every tip-off received more than `days` ago; returns the photo files to remove after commit."""
    if days < 1:
        raise ValueError("retention must be at least one day")
    cutoff = now - timedelta(days=days)
    ids = list(session.scalars(select(Tipoff.id).where(Tipoff.received_at < cutoff).order_by(Tipoff.id).limit(BATCH)))
    if not ids:
        return Purge(0, [])
    files = list(session.scalars(select(TipoffPhoto.file_name).where(TipoffPhoto.tipoff_id.in_(ids))))
    # Children explicitly too: SQLite enforces ON DELETE CASCADE only with foreign keys on, which Loa sets, but
    # a deletion that "really deletes" should not hang on a connection setting.
    for table in ("tipoff_photos", "tipoff_notes", "tipoff_additions"):
        model_table = Tipoff.metadata.tables[table]
        session.execute(delete(model_table).where(model_table.c.tipoff_id.in_(ids)))
    session.execute(delete(Tipoff).where(Tipoff.id.in_(ids)))
    session.flush()
    return Purge(len(ids), files)


def remove_files(root: Path, files: list[str]) -> int:
    return sum(remove_photo_file(root, name) for name in files)


def sweep_orphans(session: Session, root: Path, *, now: datetime) -> int:
    """Remove photo files no row names, once they are old enough not to belong to a submission in flight."""
    folder = photo_folder(root)
    if not folder.is_dir():
        return 0
    known = set(session.scalars(select(TipoffPhoto.file_name)))
    removed = 0
    for path in folder.iterdir():
        if path.name in known or not path.is_file():
            continue
        if now.timestamp() - path.stat().st_mtime < ORPHAN_GRACE.total_seconds():
            continue
        path.unlink(missing_ok=True)
        removed += 1
    return removed
