"""What dashboards read of reach: sums of the daily rollups only, never of the raw events.

Every row keeps its metric and its kind (measured, estimated); nothing here adds one kind to another,
or one metric to another. Platform-reported figures are left out: they are snapshots of a running
total, and only the newest counts (campaigns.platform_metrics.latest_platform_metrics).

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

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from campaigns.models import Campaign, ReachDaily, ReachSource, campaign_messages
from content.errors import InvalidInput
from content.models import Area, Message
from content.wording import Text

# A message's figures, or a campaign's: the sum over the messages linked to it.
Subject = Message | Campaign


# A reach page's longest period: every day is a row of a table and a point of a chart. A campaign's report
# may cover a plan's whole term (campaigns run for years), hence its own, longer bound.
MAX_DAYS = 366
MAX_CAMPAIGN_DAYS = 3 * 366


@dataclass(frozen=True)
class DayRange:
    """Local days, both ends included."""

    first: date
    last: date


def reach_period(first: date, last: date, *, most_days: int = MAX_DAYS) -> DayRange:
    """The days asked for, refused when backwards or longer than `most_days`."""
    if first > last:
        raise InvalidInput({"from": Text("Ngày bắt đầu (%(first)s) sau ngày kết thúc (%(last)s).",
                                         first=first.strftime("%d/%m/%Y"), last=last.strftime("%d/%m/%Y"))})
    if (last - first).days + 1 > most_days:
        raise InvalidInput({"to": Text("Khoảng thời gian quá dài (%(asked)s ngày). Khoảng thời gian dài tối đa "
                                       "%(days)s ngày; hãy chọn khoảng ngắn hơn.",
                                       asked=(last - first).days + 1, days=most_days)})
    return DayRange(first, last)


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
class MessageReach:
    message_id: int
    metric: str
    kind: ReachSource
    value: float


@dataclass(frozen=True)
class DayReach:
    day: date
    metric: str
    kind: ReachSource
    value: float


def _of(subject: Subject) -> ColumnElement[bool]:
    """The subject's rows that may be summed: platform-reported rows are snapshots of running totals, which
    a sum would count again at every read; they are read through campaigns.platform_metrics instead."""
    counted = ReachDaily.source != ReachSource.REPORTED
    if isinstance(subject, Message):
        return and_(ReachDaily.message_id == subject.id, counted)
    return and_(ReachDaily.message_id.in_(select(campaign_messages.c.message_id)
                                          .where(campaign_messages.c.campaign_id == subject.id).scalar_subquery()),
                counted)


def _sums(session: Session, key: Any, subject: Subject, days: DayRange,
          within: Area | None = None) -> list[tuple[Any, str, ReachSource, float]]:
    """(key, metric, kind, sum) over the subject's rollups of those days, optionally within an area's subtree."""
    query = (select(key, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
             .where(_of(subject), ReachDaily.day.between(days.first, days.last)))
    if within is not None:
        recorded_in = aliased(Area)
        query = query.join(recorded_in, recorded_in.id == ReachDaily.area_id).where(
            recorded_in.path.startswith(within.path, autoescape=True))
    rows = session.execute(query.group_by(key, ReachDaily.metric, ReachDaily.source)
                           .order_by(key, ReachDaily.metric, ReachDaily.source))
    return [(k, metric, ReachSource(kind), float(value)) for k, metric, kind, value in rows]


def reach_by_channel(session: Session, subject: Subject, days: DayRange) -> list[ChannelReach]:
    """The subject's figures per channel, metric and kind over the days."""
    return [ChannelReach(*row) for row in _sums(session, ReachDaily.channel_id, subject, days)]


def reach_by_day(session: Session, subject: Subject, days: DayRange, within: Area | None = None) -> list[DayReach]:
    """The subject's figures per local day, metric and kind (the series a chart draws), everywhere or
    within an area and everything below it."""
    return [DayReach(*row) for row in _sums(session, ReachDaily.day, subject, days, within)]


def reach_by_message(session: Session, campaign: Campaign, days: DayRange,
                     within: Area | None = None) -> list[MessageReach]:
    """A campaign's figures per message, metric and kind: what "top messages" ranks (by one metric and
    kind at a time, never by a sum across them)."""
    return [MessageReach(*row) for row in _sums(session, ReachDaily.message_id, campaign, days, within)]


def reach_by_area(session: Session, subject: Subject, days: DayRange, root: Area | None) -> list[AreaReach]:
    """One row per area just below `root` (None: the provinces) × metric × kind, each its whole subtree's sum.

    Figures recorded for `root` itself, or for no area, belong to no child and are left out here;
    `reach_by_day(…, within=root)` gives the root's own total.
    """
    child = aliased(Area)
    recorded_in = aliased(Area)
    parent = child.parent_id == root.id if root is not None else child.parent_id.is_(None)
    # Summed per recorded area first, then per child: the prefix join then meets a few hundred sums, not every
    # rollup row of the period (bench/reach.py, a province of 100 communes on SQLite: 0.28 s before, 0.02 s after).
    per_area = (select(ReachDaily.area_id, ReachDaily.metric, ReachDaily.source,
                       func.sum(ReachDaily.value).label("value"))
                .where(_of(subject), ReachDaily.day.between(days.first, days.last), ReachDaily.area_id.is_not(None))
                .group_by(ReachDaily.area_id, ReachDaily.metric, ReachDaily.source).subquery())
    rows = list(session.execute(
        select(child.id, per_area.c.metric, per_area.c.source, func.sum(per_area.c.value))
        .select_from(per_area)
        .join(recorded_in, recorded_in.id == per_area.c.area_id)
        .join(child, recorded_in.path.startswith(child.path))
        .where(parent)
        .group_by(child.id, per_area.c.metric, per_area.c.source)))
    areas = {area.id: area for area in session.scalars(select(Area).where(Area.id.in_({r[0] for r in rows})))}
    result = [AreaReach(areas[area_id], metric, ReachSource(kind), float(value)) for area_id, metric, kind, value in rows]
    return sorted(result, key=lambda r: (r.area.path, r.metric, r.kind.value))


def total_of_messages_in(session: Session, campaign: Campaign, days: DayRange, metric: str, kind: ReachSource,
                         areas: list[Area]) -> float:
    """One metric and kind summed over the rollups of the campaign's messages that belong to one of `areas`
    (the message's own area, not where the figure was recorded): portal figures are recorded for no area,
    so a target of an area counts the messages of that area. 0 when none: a target's current value."""
    if not areas or days.last < days.first or kind is ReachSource.REPORTED:
        return 0.0
    total = session.scalar(
        select(func.sum(ReachDaily.value)).join(Message, Message.id == ReachDaily.message_id)
        .join(Area, Area.id == Message.area_id)
        .where(_of(campaign), ReachDaily.metric == metric, ReachDaily.source == kind,
               ReachDaily.day.between(days.first, days.last),
               or_(*(Area.path.startswith(area.path, autoescape=True) for area in areas))))
    return float(total or 0)


def seen_from(area: Area | None) -> ColumnElement[bool] | None:
    """The rollup rows a viewer of `area` may see: recorded in its subtree, or recorded for no place (portal
    views, clicks) of a message that belongs to its subtree. None: the whole country, every row.

    `within=` of the reads above keeps placed rows only, which is right for a drill-down by area but would
    hide every portal and link figure from a dashboard; this is the dashboard's rule.
    """
    if area is None:
        return None
    subtree = select(Area.id).where(Area.path.startswith(area.path, autoescape=True))
    return or_(ReachDaily.area_id.in_(subtree.scalar_subquery()),
               and_(ReachDaily.area_id.is_(None),
                    ReachDaily.message_id.in_(select(Message.id).where(Message.area_id.in_(subtree.scalar_subquery()))
                                              .scalar_subquery())))


def _sums_seen_from(session: Session, key: Any, subject: Subject, days: DayRange,
                    area: Area | None) -> list[tuple[Any, str, ReachSource, float]]:
    query = (select(key, ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value))
             .where(_of(subject), ReachDaily.day.between(days.first, days.last)))
    if (seen := seen_from(area)) is not None:
        query = query.where(seen)
    rows = session.execute(query.group_by(key, ReachDaily.metric, ReachDaily.source)
                           .order_by(key, ReachDaily.metric, ReachDaily.source))
    return [(k, metric, ReachSource(kind), float(value)) for k, metric, kind, value in rows]


def reach_by_day_seen_from(session: Session, subject: Subject, days: DayRange, area: Area | None) -> list[DayReach]:
    """reach_by_day as a viewer of `area` may see it (seen_from)."""
    return [DayReach(*row) for row in _sums_seen_from(session, ReachDaily.day, subject, days, area)]


def reach_by_message_seen_from(session: Session, campaign: Campaign, days: DayRange,
                               area: Area | None) -> list[MessageReach]:
    """reach_by_message as a viewer of `area` may see it (seen_from)."""
    return [MessageReach(*row) for row in _sums_seen_from(session, ReachDaily.message_id, campaign, days, area)]


@dataclass(frozen=True)
class DayChannelReach:
    day: date
    channel_id: int | None  # None: the portal's own pages, or the loudspeakers (told apart by metric)
    metric: str
    kind: ReachSource
    value: float


def reach_by_day_and_channel(session: Session, subject: Subject, days: DayRange, within: Area | None = None, *,
                             with_unplaced: bool = False) -> list[DayChannelReach]:
    """The subject's figures per local day, channel, metric and kind: one line per channel on a chart.

    Within an area, figures recorded for no area (a portal view has no place) are left out unless
    `with_unplaced`: they belong to the subject as a whole, so only a viewer of its whole area sees them.
    """
    query = (select(ReachDaily.day, ReachDaily.channel_id, ReachDaily.metric, ReachDaily.source,
                    func.sum(ReachDaily.value))
             .where(_of(subject), ReachDaily.day.between(days.first, days.last)))
    if within is not None:
        recorded_in = aliased(Area)
        placed = recorded_in.path.startswith(within.path, autoescape=True)
        query = query.outerjoin(recorded_in, recorded_in.id == ReachDaily.area_id).where(
            or_(placed, ReachDaily.area_id.is_(None)) if with_unplaced else placed)
    keys = (ReachDaily.day, ReachDaily.channel_id, ReachDaily.metric, ReachDaily.source)
    rows = session.execute(query.group_by(*keys).order_by(*keys))
    return [DayChannelReach(day, channel_id, metric, ReachSource(kind), float(value))
            for day, channel_id, metric, kind, value in rows]
