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
from typing import Any

from sqlalchemy import func, select
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


def _sums(session: Session, key: Any, message: Message, days: DayRange,
          within: Area | None = None) -> list[tuple[Any, str, ReachSource, float]]:
    """(key, metric, kind, sum) over the message's rollups of those days, optionally within an area's subtree."""
    query = (select(key, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
             .where(ReachDaily.message_id == message.id, ReachDaily.day.between(days.first, days.last)))
    if within is not None:
        recorded_in = aliased(Area)
        query = query.join(recorded_in, recorded_in.id == ReachDaily.area_id).where(
            recorded_in.path.startswith(within.path, autoescape=True))
    rows = session.execute(query.group_by(key, ReachDaily.metric, ReachDaily.source)
                           .order_by(key, ReachDaily.metric, ReachDaily.source))
    return [(k, metric, ReachSource(kind), float(value)) for k, metric, kind, value in rows]


def reach_by_channel(session: Session, message: Message, days: DayRange) -> list[ChannelReach]:
    """The message's figures per channel, metric and kind over the days."""
    return [ChannelReach(*row) for row in _sums(session, ReachDaily.channel_id, message, days)]


def reach_by_day(session: Session, message: Message, days: DayRange, within: Area | None = None) -> list[DayReach]:
    """The message's figures per local day, metric and kind (the series a chart draws), everywhere or
    within an area and everything below it."""
    return [DayReach(*row) for row in _sums(session, ReachDaily.day, message, days, within)]


def reach_by_area(session: Session, message: Message, days: DayRange, root: Area | None) -> list[AreaReach]:
    """One row per area just below `root` (None: the provinces) × metric × kind, each its whole subtree's sum.

    Figures recorded for `root` itself, or for no area, belong to no child and are left out here;
    `reach_by_day(…, within=root)` gives the root's own total.
    """
    child = aliased(Area)
    recorded_in = aliased(Area)
    parent = child.parent_id == root.id if root is not None else child.parent_id.is_(None)
    rows = list(session.execute(
        select(child.id, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
        .join(recorded_in, recorded_in.id == ReachDaily.area_id)
        .join(child, recorded_in.path.startswith(child.path))
        .where(ReachDaily.message_id == message.id, ReachDaily.day.between(days.first, days.last), parent)
        .group_by(child.id, ReachDaily.metric, ReachDaily.source)))
    areas = {area.id: area for area in session.scalars(select(Area).where(Area.id.in_({r[0] for r in rows})))}
    result = [AreaReach(areas[area_id], metric, ReachSource(kind), float(value)) for area_id, metric, kind, value in rows]
    return sorted(result, key=lambda r: (r.area.path, r.metric, r.kind.value))
