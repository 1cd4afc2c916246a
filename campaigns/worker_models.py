"""The workers that ran a tick lately: a worker with no claims leaves no other trace, so `loa check` reads this."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from content.db import Base, UTCDateTime

# A row not renewed for this long is a worker that stopped long ago: forgotten, so the table stays small.
FORGET_AFTER = timedelta(days=7)


class WorkerBeat(Base):
    """One worker (`NAME:pid`, as claims name it) and when it last ticked."""

    __tablename__ = "workers"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


def record_worker_beat(session: Session, worker: str, *, now: datetime) -> None:
    """Say that `worker` ticked at `now`, and forget workers silent for a week; flushes, the caller commits."""
    beat = session.get(WorkerBeat, worker)
    if beat is None:
        session.add(WorkerBeat(name=worker, last_seen_at=now))
    else:
        beat.last_seen_at = now
    session.execute(delete(WorkerBeat).where(WorkerBeat.last_seen_at < now - FORGET_AFTER))
    session.flush()


def worker_beats(session: Session) -> list[WorkerBeat]:
    """Every remembered worker, the most recently seen first."""
    return list(session.scalars(select(WorkerBeat).order_by(WorkerBeat.last_seen_at.desc(), WorkerBeat.name)))
