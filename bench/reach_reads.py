"""The campaign dashboard's reads from the rollups, against the raw GROUP BY over reach_events for the same answers.

Each read is the function the dashboard calls (`campaigns.reach_reads`); its baseline is the one query
that gives the same rows straight from the raw events, with the same filters: the campaign's messages,
the local days asked for, platform snapshots left out, the area subtree. Both answers are compared
before anything is timed, so a wrong rollup cannot look fast.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Date, cast, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from bench.timing import Timing

Answer = dict[tuple[Any, str, str], float]


@dataclass(frozen=True)
class ReadPair:
    label: str
    rollup: Callable[[Session], Answer]
    raw: Callable[[Session], Answer]


@dataclass(frozen=True)
class ReadTiming:
    label: str
    rollup: Timing
    raw: Timing
    rows: int

    @property
    def speedup(self) -> float:
        return self.raw.median / self.rollup.median


def _local_day(session: Session, zone: ZoneInfo, first: date) -> ColumnElement[Any]:
    """The local day of an event, in SQL: PostgreSQL converts the zone itself; SQLite adds the zone's offset,
    which is fixed in Việt Nam (checked over the period, so another zone with daylight saving is refused)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.timezone(zone.key, _event().occurred_at), Date)
    offsets = {zone.utcoffset(datetime.combine(first + timedelta(days=n), datetime.min.time())) for n in range(400)}
    if len(offsets) != 1:
        raise AssertionError(f"{zone.key} changes its offset; the SQLite baseline assumes a fixed one")
    hours = next(iter(offsets)).total_seconds() / 3600  # type: ignore[union-attr]
    return func.date(_event().occurred_at, f"{hours:+.0f} hours")


def _event() -> Any:
    from campaigns.models import ReachEvent

    return ReachEvent


def _raw_query(key: Any, campaign_id: int, first: date, last: date, zone: ZoneInfo) -> Any:
    """SELECT key, metric, kind, SUM(value) over the campaign's raw events of those days, snapshots left out."""
    from campaigns.models import ReachSource, campaign_messages
    from campaigns.reach_rollups import day_bounds

    event = _event()
    start, _ = day_bounds(first, zone)
    _, end = day_bounds(last, zone)
    return (select(key, event.metric, event.source, func.sum(event.value).label("value"))
            .where(event.message_id.in_(select(campaign_messages.c.message_id)
                                        .where(campaign_messages.c.campaign_id == campaign_id).scalar_subquery()),
                   event.source != ReachSource.REPORTED, event.occurred_at >= start, event.occurred_at < end)
            .group_by(key, event.metric, event.source))


def _answer(rows: Any) -> Answer:
    return {(_day(k), metric, str(getattr(kind, "value", kind))): float(value) for k, metric, kind, value in rows}


def _day(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


def read_pairs(factory: sessionmaker[Session], *, campaign_id: int, province_id: int, commune_id: int,
               first: date, last: date, zone: ZoneInfo) -> list[ReadPair]:
    """The four reads of a campaign's dashboard, each with its raw baseline."""
    from campaigns.models import Campaign
    from campaigns.reach_reads import DayRange, reach_by_area, reach_by_day, reach_by_message
    from content.models import Area

    days = DayRange(first, last)
    event = _event()

    def subject(session: Session) -> tuple[Campaign, Area, Area]:
        campaign, province, commune = (session.get(Campaign, campaign_id), session.get(Area, province_id),
                                       session.get(Area, commune_id))
        assert campaign is not None and province is not None and commune is not None
        return campaign, province, commune

    def by_day(session: Session) -> Answer:
        return {(r.day, r.metric, r.kind.value): r.value for r in reach_by_day(session, subject(session)[0], days)}

    def raw_by_day(session: Session) -> Answer:
        return _answer(session.execute(_raw_query(_local_day(session, zone, first), campaign_id, first, last, zone)))

    def by_area(root_id: int) -> Callable[[Session], Answer]:
        def read(session: Session) -> Answer:
            campaign, province, commune = subject(session)
            root = province if root_id == province_id else commune
            return {(r.area.id, r.metric, r.kind.value): r.value for r in reach_by_area(session, campaign, days, root)}
        return read

    def raw_by_area(root_id: int) -> Callable[[Session], Answer]:
        # The best raw query, as the rollup read does it: summed per recorded area, then per child of the root.
        def read(session: Session) -> Answer:
            per_area = _raw_query(event.area_id, campaign_id, first, last, zone).where(
                event.area_id.is_not(None)).subquery()
            child, recorded_in = aliased(Area), aliased(Area)
            return _answer(session.execute(
                select(child.id, per_area.c.metric, per_area.c.source, func.sum(per_area.c.value))
                .select_from(per_area).join(recorded_in, recorded_in.id == per_area.c.area_id)
                .join(child, recorded_in.path.startswith(child.path)).where(child.parent_id == root_id)
                .group_by(child.id, per_area.c.metric, per_area.c.source)))
        return read

    def by_message(session: Session) -> Answer:
        return {(r.message_id, r.metric, r.kind.value): r.value
                for r in reach_by_message(session, subject(session)[0], days)}

    def raw_by_message(session: Session) -> Answer:
        return _answer(session.execute(_raw_query(event.message_id, campaign_id, first, last, zone)))

    return [ReadPair("reach_by_day (campaign)", by_day, raw_by_day),
            ReadPair("reach_by_area at the province", by_area(province_id), raw_by_area(province_id)),
            ReadPair("reach_by_area at a commune", by_area(commune_id), raw_by_area(commune_id)),
            ReadPair("reach_by_message (campaign)", by_message, raw_by_message)]


def check_same(pair: ReadPair, factory: sessionmaker[Session]) -> int:
    """Both sides give the same rows and figures; returns how many rows."""
    with factory() as session:
        rollup, raw = pair.rollup(session), pair.raw(session)
    if not rollup:
        raise AssertionError(f"{pair.label}: no figures at all")
    if rollup.keys() != raw.keys():
        missing, extra = raw.keys() - rollup.keys(), rollup.keys() - raw.keys()
        raise AssertionError(f"{pair.label}: rollups lack {sorted(missing)[:3]}, have extra {sorted(extra)[:3]}")
    wrong = [key for key, value in raw.items() if abs(rollup[key] - value) > 1e-6 * max(1.0, abs(value))]
    if wrong:
        key = wrong[0]
        raise AssertionError(f"{pair.label}: {len(wrong)} figures differ, e.g. {key}: rollup {rollup[key]}, raw {raw[key]}")
    return len(rollup)


def _median_of(read: Callable[[Session], Answer], factory: sessionmaker[Session], runs: int) -> Timing:
    samples = []
    for _ in range(runs):
        with factory() as session:
            started = time.perf_counter()
            read(session)
            samples.append(time.perf_counter() - started)
    return Timing(statistics.median(samples), min(samples), max(samples), runs, 1)


def time_reads(pairs: list[ReadPair], factory: sessionmaker[Session], *, rollup_runs: int = 9,
               raw_runs: int = 3) -> list[ReadTiming]:
    """Check each pair, then time it (after one warm-up each, so both sides read from a warm cache)."""
    timings = []
    for pair in pairs:
        rows = check_same(pair, factory)
        timings.append(ReadTiming(pair.label, _median_of(pair.rollup, factory, rollup_runs),
                                  _median_of(pair.raw, factory, raw_runs), rows))
    return timings
