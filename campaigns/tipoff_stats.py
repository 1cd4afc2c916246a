"""Tip-off figures for an area's subtree and a period: what campaign dashboards and reports show.

Counts only, never a word of what was sent. A tip-off belongs to the local day it was received
(Asia/Ho_Chi_Minh by default). "Valuable" is the officers' latest verdict (valuable / not valuable) in
its history, so one later forwarded or closed still counts as valuable; the time to first handling runs
from receipt to the first step an officer took (campaigns.tipoff_desk stamps it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from statistics import median
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from campaigns.reach_rollups import day_bounds
from campaigns.tipoff_history_models import TipoffEvent, TipoffStep
from campaigns.tipoff_models import Tipoff, TipoffKind, TipoffStatus
from content.models import Area

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
VERDICTS = (TipoffStatus.VALUABLE.value, TipoffStatus.NOT_VALUABLE.value)


@dataclass(frozen=True)
class TipoffFigures:
    area: Area | None  # None: the whole country
    first_day: date
    last_day: date
    received: int
    valuable: int
    by_kind: tuple[tuple[TipoffKind, int], ...]  # every kind, in the enum's order, 0 included
    handled: int  # received in the period and handled since (at any time)
    median_hours_to_first_handling: float | None  # None: none handled yet, which is not 0
    # Where each one stands now (the desk's current status), every status in the enum's order, 0 included.
    by_status: tuple[tuple[TipoffStatus, int], ...] = ()

    @property
    def waiting(self) -> int:
        """Received in the period and not touched by any officer yet."""
        return self.received - self.handled


def latest_verdicts() -> Subquery:
    """A subquery: each tip-off's newest valuable / not-valuable step (tipoff_id, new_value)."""
    newest = (select(TipoffEvent.tipoff_id, func.max(TipoffEvent.id).label("event_id"))
              .where(TipoffEvent.step == TipoffStep.STATUS, TipoffEvent.new_value.in_(VERDICTS))
              .group_by(TipoffEvent.tipoff_id).subquery())
    return (select(TipoffEvent.tipoff_id, TipoffEvent.new_value)
            .join(newest, and_(newest.c.event_id == TipoffEvent.id)).subquery())


def tipoff_figures(session: Session, area: Area | None, first_day: date, last_day: date, *,
                   zone: ZoneInfo = ZONE) -> TipoffFigures:
    """Tip-offs about `area` or any place below it received from `first_day` to `last_day` (local days)."""
    start, _ = day_bounds(first_day, zone)
    _, end = day_bounds(last_day, zone)
    verdicts = latest_verdicts()
    query = (select(Tipoff.kind, Tipoff.received_at, Tipoff.first_handled_at, verdicts.c.new_value, Tipoff.status)
             .join(Area, Area.id == Tipoff.area_id)
             .outerjoin(verdicts, verdicts.c.tipoff_id == Tipoff.id)
             .where(Tipoff.received_at >= start, Tipoff.received_at < end))
    if area is not None:
        query = query.where(Area.path.startswith(area.path, autoescape=True))
    rows = session.execute(query).all()
    kinds = {kind: 0 for kind in TipoffKind}
    statuses = {status: 0 for status in TipoffStatus}
    waits: list[float] = []
    valuable = 0
    for kind, received_at, handled_at, verdict, status in rows:
        kinds[kind] += 1
        statuses[status] += 1
        valuable += verdict == TipoffStatus.VALUABLE.value
        if handled_at is not None:
            waits.append(_hours(received_at, handled_at))
    return TipoffFigures(area, first_day, last_day, len(rows), valuable, tuple(kinds.items()), len(waits),
                         round(median(waits), 1) if waits else None, tuple(statuses.items()))


def tipoff_figures_by_area(session: Session, root: Area | None, first_day: date, last_day: date, *,
                           zone: ZoneInfo = ZONE) -> list[TipoffFigures]:
    """One row per area just below `root` (None: the provinces), each its whole subtree's figures."""
    children = select(Area).where(Area.parent_id == root.id) if root is not None else \
        select(Area).where(Area.parent_id.is_(None))
    return [tipoff_figures(session, child, first_day, last_day, zone=zone)
            for child in session.scalars(children.order_by(Area.name))]


def _hours(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds(), 0.0) / 3600
