"""What the feeds' page reads: polls and unique clients per feed and local day (measured), and the newest
subscriber count each feed service announced (platform-reported) — two kinds, never added together."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.feed_counts import FEED_CLIENT, FEED_FETCH
from campaigns.station_airings import utc_bounds
from campaigns.visitor_models import FeedSubscriberReport, PortalCount


@dataclass(frozen=True)
class FeedDay:
    day: date
    feed: str
    fetches: float | None  # None: no row of that kind that day (no data, not zero)
    clients: float | None


@dataclass(frozen=True)
class SubscriberCount:
    service: str
    feed: str
    subscribers: int
    seen_at: datetime


def feed_days(session: Session, *, first: date, last: date, zone: ZoneInfo) -> list[FeedDay]:
    """Each feed's polls and unique clients per local day between first and last, newest day first."""
    start, end = utc_bounds(first, last, zone)
    rows = session.execute(
        select(PortalCount.page, PortalCount.metric, PortalCount.occurred_at, func.sum(PortalCount.value))
        .where(PortalCount.metric.in_((FEED_FETCH, FEED_CLIENT)), PortalCount.occurred_at >= start,
               PortalCount.occurred_at < end)
        .group_by(PortalCount.page, PortalCount.metric, PortalCount.occurred_at))
    by_day: dict[tuple[date, str], dict[str, float]] = defaultdict(dict)
    for feed, metric, moment, total in rows:
        # Stamped with the local day's start, so one day is one instant whatever the batch.
        values = by_day[moment.astimezone(zone).date(), feed]
        values[metric] = values.get(metric, 0.0) + float(total)
    return [FeedDay(day, feed, values.get(FEED_FETCH), values.get(FEED_CLIENT))
            for (day, feed), values in sorted(by_day.items(), key=lambda item: (-item[0][0].toordinal(), item[0][1]))]


def latest_subscribers(session: Session, *, until: datetime) -> list[SubscriberCount]:
    """The newest count each service announced for each feed up to `until`: a running figure, never summed."""
    newest = (select(FeedSubscriberReport.id,
                     func.row_number().over(partition_by=(FeedSubscriberReport.service, FeedSubscriberReport.feed),
                                            order_by=(FeedSubscriberReport.seen_at.desc(),
                                                      FeedSubscriberReport.id.desc())).label("rank"))
              .where(FeedSubscriberReport.seen_at < until).subquery())
    reports = session.scalars(select(FeedSubscriberReport).join(newest, newest.c.id == FeedSubscriberReport.id)
                              .where(newest.c.rank == 1)
                              .order_by(FeedSubscriberReport.feed, FeedSubscriberReport.service))
    return [SubscriberCount(r.service, r.feed, r.subscribers, r.seen_at) for r in reports]
