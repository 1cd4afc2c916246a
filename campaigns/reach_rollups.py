"""Daily reach rollups: raw events summed per local day × message × channel × station × area × metric × kind.

The job is incremental and additive: it reads the events recorded since its watermark and adds their
values to reach_daily, then moves the watermark. Raw events are append-only (a correction is a
compensating event with the opposite value, see campaigns.airings), so adding is exact, and a day's
rollup always equals the sum of that day's events recorded up to the watermark.

An event is read once its `recorded_at` is older than LAG: writers stamp `recorded_at` just before
they commit, and LAG is far longer than any such transaction, so an event still uncommitted when
the job passes its time cannot be skipped. Dashboards are therefore up to LAG plus one job interval
behind the raw events.

Two workers never roll up at once: each holds the state row's lock (SQLite: the database write lock
taken by BEGIN IMMEDIATE; PostgreSQL: the row lock of SELECT … FOR UPDATE) until it commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from campaigns.models import ReachDaily, ReachEvent, ReachRollupState, ReachSource
from content.db import begin_write
from content.errors import InvalidInput
from content.wording import Text

LAG = timedelta(minutes=10)
STATE_ID = 1

Key = tuple[int, int | None, int | None, int | None, str, ReachSource]
_KEY_COLUMNS = (ReachEvent.message_id, ReachEvent.channel_id, ReachEvent.station_id, ReachEvent.area_id,
                ReachEvent.metric, ReachEvent.source)


@dataclass(frozen=True)
class RollupReport:
    days: tuple[date, ...]
    watermark: datetime | None


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants where a local day starts and where the next one starts."""
    start = datetime.combine(day, time(), tzinfo=zone).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone).astimezone(timezone.utc)
    return start, end


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def lock_state(session: Session) -> ReachRollupState:
    """The state row, locked until the session commits; made on first use (two makers: one wins, no error)."""
    begin_write(session)
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert: Any = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(ReachRollupState)
        session.execute(insert.values(id=STATE_ID).on_conflict_do_nothing(index_elements=["id"]))
    elif session.get(ReachRollupState, STATE_ID) is None:
        session.add(ReachRollupState(id=STATE_ID))
        session.flush()
    state = session.get(ReachRollupState, STATE_ID, with_for_update=True, populate_existing=True)
    assert state is not None
    return state


def _sums(session: Session, day: date, zone: ZoneInfo, recorded: ColumnElement[bool]) -> dict[Key, float]:
    start, end = day_bounds(day, zone)
    rows = session.execute(
        select(*_KEY_COLUMNS, func.sum(ReachEvent.value))
        .where(ReachEvent.occurred_at >= start, ReachEvent.occurred_at < end, recorded)
        .group_by(*_KEY_COLUMNS))
    return {(r[0], r[1], r[2], r[3], r[4], ReachSource(r[5])): float(r[6]) for r in rows}


def _add(session: Session, day: date, sums: dict[Key, float]) -> None:
    if not sums:
        return
    existing = {(row.message_id, row.channel_id, row.station_id, row.area_id, row.metric, row.source): row
                for row in session.scalars(select(ReachDaily).where(
                    ReachDaily.day == day, ReachDaily.message_id.in_({key[0] for key in sums})))}
    for key, value in sums.items():
        row = existing.get(key)
        if row is None:
            message_id, channel_id, station_id, area_id, metric, source = key
            session.add(ReachDaily(day=day, message_id=message_id, channel_id=channel_id, station_id=station_id,
                                   area_id=area_id, metric=metric, source=source, value=value))
        else:
            row.value += value
    session.flush()


def roll_up_new_events(session: Session, *, now: datetime, zone: ZoneInfo) -> RollupReport:
    """Add the events recorded since the watermark (up to `now` − LAG) to their days' rollups; flushes.

    Running it again before new events arrive changes nothing.
    """
    state = lock_state(session)
    cutoff = now - LAG
    if state.watermark is not None and cutoff <= state.watermark:
        return RollupReport((), state.watermark)
    recorded = ReachEvent.recorded_at <= cutoff
    if state.watermark is not None:
        recorded = and_(ReachEvent.recorded_at > state.watermark, recorded)
    first, last = session.execute(select(func.min(ReachEvent.occurred_at), func.max(ReachEvent.occurred_at))
                                  .where(recorded)).one()
    touched: list[date] = []
    if first is not None and last is not None:
        for day in _days(local_day(first, zone), local_day(last, zone)):
            sums = _sums(session, day, zone, recorded)
            if sums:
                _add(session, day, sums)
                touched.append(day)
    state.watermark = cutoff
    session.flush()
    return RollupReport(tuple(touched), cutoff)


def recompute_day(session: Session, day: date, *, zone: ZoneInfo) -> int:
    """Rebuild one day's rollups from its raw events (those up to the watermark); returns the row count.

    Refused for a day whose raw events were purged: rebuilding it would erase what only the rollup remembers.
    """
    state = lock_state(session)
    if state.purged_before is not None and day < state.purged_before:
        raise InvalidInput({"day": Text("Dữ liệu gốc của ngày %(day)s đã được xóa theo thời hạn lưu giữ, "
                                        "không thể tính lại.", day=day.strftime("%d/%m/%Y"))})
    session.execute(delete(ReachDaily).where(ReachDaily.day == day))
    if state.watermark is None:
        session.flush()
        return 0
    sums = _sums(session, day, zone, ReachEvent.recorded_at <= state.watermark)
    _add(session, day, sums)
    return len(sums)


def purge_raw_events(session: Session, *, now: datetime, zone: ZoneInfo, retention_days: int) -> int:
    """Delete raw events of local days older than `retention_days`, but only those already rolled up.

    Returns how many were deleted. Events recorded after the watermark stay until the job has added them.
    """
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")  # web.config checks the setting before this
    state = lock_state(session)
    if state.watermark is None:
        return 0
    keep_from = local_day(now, zone) - timedelta(days=retention_days)
    start, _ = day_bounds(keep_from, zone)
    result = session.execute(delete(ReachEvent).where(ReachEvent.occurred_at < start,
                                                      ReachEvent.recorded_at <= state.watermark))
    if state.purged_before is None or keep_from > state.purged_before:
        state.purged_before = keep_from
    session.flush()
    return int(result.rowcount)  # type: ignore[attr-defined]
