"""A campaign's confirmed airings per station and local day, and the stations and ISO weeks they are
counted over: what target progress (station-weeks, commune share) and the compliance grid both read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, contains_eager

from campaigns.models import Airing, AiringStatus, Campaign, Delivery, Station, campaign_messages
from content.models import Area, Message


def within_any(areas: Sequence[Area]) -> ColumnElement[bool]:
    """Rows whose joined Area lies in one of `areas`' subtrees."""
    return or_(*(Area.path.startswith(area.path, autoescape=True) for area in areas))


def utc_bounds(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in local time."""
    return (datetime.combine(first, time(0), tzinfo=zone),
            datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone))


def of_campaign(campaign: Campaign, column: InstrumentedAttribute[int] | None = None) -> ColumnElement[bool]:
    """`column` (Message.id by default) names one of the campaign's messages."""
    return (Message.id if column is None else column).in_(
        select(campaign_messages.c.message_id).where(campaign_messages.c.campaign_id == campaign.id).scalar_subquery())


def active_stations(session: Session, areas: Sequence[Area], within: Area | None = None) -> list[Station]:
    """Active stations in `areas`' subtrees (and, given `within`, in its subtree too), by area then name."""
    if not areas:
        return []
    # The station's area comes with it: grids and shares read every station's area, one query rather than one each.
    query = (select(Station).join(Area, Station.area_id == Area.id).options(contains_eager(Station.area))
             .where(Station.is_active, within_any(areas)).order_by(Area.path, Station.name, Station.id))
    if within is not None:
        query = query.where(Area.path.startswith(within.path, autoescape=True))
    return list(session.scalars(query))


def confirmed_airings(session: Session, campaign: Campaign, station_ids: Sequence[int], first: date, last: date,
                      zone: ZoneInfo) -> list[tuple[int, date]]:
    """(station, local day) of each confirmed airing of the campaign's messages between first and last."""
    if not station_ids or last < first:
        return []
    start, end = utc_bounds(first, last, zone)
    rows = session.execute(
        select(Airing.station_id, Airing.aired_at).join(Delivery, Airing.delivery_id == Delivery.id)
        .where(Airing.status == AiringStatus.AIRED, Airing.station_id.in_(station_ids),
               Airing.aired_at >= start, Airing.aired_at < end, of_campaign(campaign, Delivery.message_id)))
    return [(station_id, aired_at.astimezone(zone).date()) for station_id, aired_at in rows if aired_at]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def iso_weeks(first: date, last: date) -> list[date]:
    """The Mondays of the ISO weeks the period touches."""
    monday = monday_of(first)
    return [monday + timedelta(weeks=n) for n in range((last - monday).days // 7 + 1)]
