"""The tip-off retention job: delete what is past LOA_TIPOFF_RETENTION_DAYS, rows then files, in batches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from campaigns.tipoff_retention import purge_tipoffs, remove_files, sweep_orphans


@dataclass(frozen=True)
class TipoffJobSettings:
    retention_days: int
    photo_root: Path
    interval_seconds: float = 3600


@dataclass(frozen=True)
class TipoffPurgeReport:
    tipoffs: int = 0
    files: int = 0


def run_tipoff_retention(session_factory: sessionmaker[Session], *, now: datetime,
                         settings: TipoffJobSettings) -> TipoffPurgeReport:
    """Idempotent, so two workers running it at once only share the work: a row deleted twice is deleted once."""
    tipoffs = files = 0
    while True:
        with session_factory() as session:
            purge = purge_tipoffs(session, days=settings.retention_days, now=now)
            session.commit()
        files += remove_files(settings.photo_root, purge.files)
        tipoffs += purge.tipoffs
        if not purge.tipoffs:
            break
    with session_factory() as session:
        files += sweep_orphans(session, settings.photo_root, now=now)
    return TipoffPurgeReport(tipoffs, files)
