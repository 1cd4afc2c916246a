"""Reach of everything an area published over a stretch of days (a festival year), not of one campaign.

The same rules as a campaign's dashboard (campaigns.reach_reads): daily rollups only, platform-reported snapshots
left out, every sum kept per metric and kind, and only what a viewer of the area may see (seen_from).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.models import ReachDaily, ReachSource
from campaigns.reach_reads import DayRange, seen_from
from content.models import Area


@dataclass(frozen=True)
class ReachTotal:
    metric: str
    kind: ReachSource
    value: float
    days: int  # how many days had a figure


def reach_totals(session: Session, days: DayRange, area: Area | None) -> list[ReachTotal]:
    """Per metric and kind, the sum over the days of every message's rollups seen from `area` (None: all)."""
    query = (select(ReachDaily.metric, ReachDaily.source, func.sum(ReachDaily.value),
                    func.count(func.distinct(ReachDaily.day)))
             .where(ReachDaily.source != ReachSource.REPORTED, ReachDaily.day.between(days.first, days.last)))
    if (seen := seen_from(area)) is not None:
        query = query.where(seen)
    rows = session.execute(query.group_by(ReachDaily.metric, ReachDaily.source)
                           .order_by(ReachDaily.metric, ReachDaily.source))
    return [ReachTotal(metric, ReachSource(kind), float(value), int(count)) for metric, kind, value, count in rows]
