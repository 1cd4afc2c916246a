"""The periodic reach job: roll up the events recorded since last time, then purge what retention allows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from campaigns.reach_rollups import RollupReport, purge_raw_events, recompute_day, roll_up_new_events


@dataclass(frozen=True)
class ReachJobSettings:
    zone: ZoneInfo
    # None keeps raw events for ever; otherwise local days older than this many are purged once rolled up.
    retention_days: int | None = None
    interval_seconds: float = 300


@dataclass(frozen=True)
class ReachJobReport:
    rollup: RollupReport
    purged: int
    recomputed_rows: int | None = None


def run_reach_job(session_factory: sessionmaker[Session], *, now: datetime, settings: ReachJobSettings,
                  recompute: date | None = None) -> ReachJobReport:
    """One pass, each step in its own transaction so the lock is held only as long as that step."""
    with session_factory() as session:
        rollup = roll_up_new_events(session, now=now, zone=settings.zone)
        session.commit()
    recomputed = None
    if recompute is not None:
        with session_factory() as session:
            recomputed = recompute_day(session, recompute, zone=settings.zone)
            session.commit()
    purged = 0
    if settings.retention_days is not None:
        with session_factory() as session:
            purged = purge_raw_events(session, now=now, zone=settings.zone, retention_days=settings.retention_days)
            session.commit()
    return ReachJobReport(rollup, purged, recomputed)
