"""What dashboards read of reach: sums of the daily rollups only, never of the raw events.

Every row keeps its metric and its kind (measured, platform-reported, estimated); nothing here adds
one kind to another, or one metric to another.

The area tree is summed at read time, not stored per level: a rollup row carries the smallest area
it was recorded for, and a province's or the country's figure is the sum over its subtree, found by
the indexed path prefix (content.areas.select_subtree). Stored rows per level would triple the
writes of every rollup and go stale whenever an area moved in the tree; one join on the prefix
stays exact and reads only the rows of the period asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from campaigns.models import ReachDaily, ReachSource
from content.models import Area, Message


@dataclass(frozen=True)
class DayRange:
    """Local days, both ends included."""

    first: date
    last: date


@dataclass(frozen=True)
class ChannelReach:
    channel_id: int | None  # None: the loudspeakers, which count per station rather than per channel
    metric: str
    kind: ReachSource
    value: float


@dataclass(frozen=True)
class AreaReach:
    area: Area
    metric: str
    kind: ReachSource
    value: float


@dataclass(frozen=True)
class DayReach:
    day: date
    metric: str
    kind: ReachSource
    value: float


def _in(message: Message, days: DayRange) -> ColumnElement[bool]:
    return (ReachDaily.message_id == message.id) & ReachDaily.day.between(days.first, days.last)


def reach_by_channel(session: Session, message: Message, days: DayRange) -> list[ChannelReach]:
    """The message's figures per channel, metric and kind over the days."""
    rows = session.execute(
        select(ReachDaily.channel_id, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
        .where(_in(message, days))
        .group_by(ReachDaily.channel_id, ReachDaily.metric, ReachDaily.source)
        .order_by(ReachDaily.channel_id, ReachDaily.metric, ReachDaily.source))
    return [ChannelReach(channel_id, metric, ReachSource(kind), float(value))
            for channel_id, metric, kind, value in rows]


def reach_by_day(session: Session, message: Message, days: DayRange) -> list[DayReach]:
    """The message's figures per local day, metric and kind: the series a chart draws."""
    rows = session.execute(
        select(ReachDaily.day, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
        .where(_in(message, days))
        .group_by(ReachDaily.day, ReachDaily.metric, ReachDaily.source)
        .order_by(ReachDaily.day, ReachDaily.metric, ReachDaily.source))
    return [DayReach(day, metric, ReachSource(kind), float(value)) for day, metric, kind, value in rows]


def reach_by_area(session: Session, message: Message, days: DayRange, root: Area | None) -> list[AreaReach]:
    """One row per area just below `root` (None: the provinces) × metric × kind, each its whole subtree's sum.

    Figures recorded for `root` itself, or for no area, belong to no child and are left out here;
    `reach_in_area` gives the root's total.
    """
    child = aliased(Area)
    recorded_in = aliased(Area)
    parent = child.parent_id == root.id if root is not None else child.parent_id.is_(None)
    rows = list(session.execute(
        select(child.id, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
        .join(recorded_in, recorded_in.id == ReachDaily.area_id)
        .join(child, recorded_in.path.startswith(child.path))
        .where(_in(message, days), parent)
        .group_by(child.id, ReachDaily.metric, ReachDaily.source)))
    areas = {area.id: area for area in session.scalars(select(Area).where(Area.id.in_({r[0] for r in rows})))}
    result = [AreaReach(areas[area_id], metric, ReachSource(kind), float(value)) for area_id, metric, kind, value in rows]
    return sorted(result, key=lambda r: (r.area.path, r.metric, r.kind.value))


def reach_in_area(session: Session, message: Message, days: DayRange, area: Area) -> list[DayReach]:
    """The message's figures per day, metric and kind within `area` and everything below it."""
    recorded_in = aliased(Area)
    rows = session.execute(
        select(ReachDaily.day, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
        .join(recorded_in, recorded_in.id == ReachDaily.area_id)
        .where(_in(message, days), recorded_in.path.startswith(area.path, autoescape=True))
        .group_by(ReachDaily.day, ReachDaily.metric, ReachDaily.source)
        .order_by(ReachDaily.day, ReachDaily.metric, ReachDaily.source))
    return [DayReach(day, metric, ReachSource(kind), float(value)) for day, metric, kind, value in rows]
