"""The delivery calendar: what goes out on each local day of a week or a month, where and at what time.

Weeks run Monday to Sunday in the configured zone; a month is shown as the whole weeks that hold it.
A delivery belongs to the area of its station, or, for a channel, to its message's area. A province
plan is thousands of station deliveries at the same moment, so those are one entry with a count.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from campaigns.models import Channel, Delivery, DeliveryStatus, Station
from content.areas import is_within
from content.errors import PermissionDenied
from content.models import Area, Message, User
from content.permissions import DENIED, Action, authorize


class CalendarView(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"


STATIONS = "stations"  # the destination filter meaning "every loudspeaker station", as opposed to a channel


@dataclass(frozen=True)
class CalendarEntry:
    at: datetime  # local
    message_id: int
    title: str
    channel_name: str | None  # None: loudspeaker stations
    stations: int
    station_name: str | None  # when exactly one station
    statuses: tuple[tuple[DeliveryStatus, int], ...]


@dataclass(frozen=True)
class CalendarDay:
    day: date
    entries: tuple[CalendarEntry, ...]
    is_outside: bool  # a day of the neighbouring month that fills a month's first or last week


@dataclass(frozen=True)
class Calendar:
    view: CalendarView
    anchor: date
    first_day: date
    last_day: date
    previous: date
    next: date
    days: tuple[CalendarDay, ...]

    @property
    def weeks(self) -> list[tuple[CalendarDay, ...]]:
        return [self.days[i:i + 7] for i in range(0, len(self.days), 7)]

    @property
    def count(self) -> int:
        return sum(max(e.stations, 1) for d in self.days for e in d.entries)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _span(view: CalendarView, anchor: date) -> tuple[date, date, date, date]:
    """First and last day shown, and the anchors of the previous and next page."""
    if view is CalendarView.WEEK:
        first = monday_of(anchor)
        return first, first + timedelta(days=6), first - timedelta(days=7), first + timedelta(days=7)
    month = anchor.replace(day=1)
    following = (month + timedelta(days=32)).replace(day=1)
    previous = (month - timedelta(days=1)).replace(day=1)
    return monday_of(month), monday_of(following - timedelta(days=1)) + timedelta(days=6), previous, following


def _utc(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(timezone.utc)


def _scope(viewer: User, area: Area | None) -> Area | None:
    authorize(viewer, Action.MESSAGE_VIEW, None)
    if area is not None and not is_within(area, viewer.area):
        raise PermissionDenied(DENIED, attempted=Action.MESSAGE_VIEW.value, object_type="area", object_id=area.id)
    return area or viewer.area


def _grouped(session: Session, start: datetime, end: datetime, root: Area | None, destination: str | int | None):
    """(due_at, message, channel) → status counts, and the lowest station id of each group."""
    station_area, message_area = aliased(Area), aliased(Area)
    place = func.coalesce(station_area.path, message_area.path)
    query = (select(Delivery.due_at, Delivery.message_id, Delivery.channel_id, Delivery.status, func.count(),
                    func.min(Delivery.station_id))
             .join(Message, Delivery.message_id == Message.id)
             .join(message_area, Message.area_id == message_area.id)
             .outerjoin(Station, Delivery.station_id == Station.id)
             .outerjoin(station_area, Station.area_id == station_area.id)
             .where(Delivery.due_at >= start, Delivery.due_at < end, Delivery.status != DeliveryStatus.CANCELLED)
             .group_by(Delivery.due_at, Delivery.message_id, Delivery.channel_id, Delivery.status))
    if root is not None:
        query = query.where(place.startswith(root.path, autoescape=True))
    if destination == STATIONS:
        query = query.where(Delivery.station_id.is_not(None))
    elif destination is not None:
        query = query.where(Delivery.channel_id == destination)
    groups: dict[tuple[datetime, int, int | None], Counter[DeliveryStatus]] = {}
    lowest: dict[tuple[datetime, int, int | None], int] = {}
    for due_at, message_id, channel_id, status, count, station_id in session.execute(query):
        key = (due_at, message_id, channel_id)
        groups.setdefault(key, Counter())[status] += count
        if station_id is not None:
            lowest[key] = min(station_id, lowest.get(key, station_id))
    return groups, lowest


def _names(session: Session, column, ids: set[int]) -> dict[int, str]:
    model = column.class_
    return dict(session.execute(select(model.id, column).where(model.id.in_(ids))).all()) if ids else {}


def build_calendar(session: Session, viewer: User, *, view: CalendarView, anchor: date, zone: tzinfo,
                   area: Area | None = None, destination: str | int | None = None) -> Calendar:
    """The deliveries the viewer may see in the week or month around `anchor`, by local day.

    :param area: only this subtree (inside the viewer's own); None means all the viewer may see.
    :param destination: a channel id, STATIONS for every loudspeaker station, or None for everything.
    """
    root = _scope(viewer, area)
    first, last, previous, following = _span(view, anchor)
    groups, lowest = _grouped(session, _utc(first, zone), _utc(last + timedelta(days=1), zone), root, destination)
    titles = _names(session, Message.title, {key[1] for key in groups})
    channels = _names(session, Channel.name, {key[2] for key in groups if key[2] is not None})
    single = {key: lowest[key] for key, counts in groups.items() if key[2] is None and counts.total() == 1}
    stations = _names(session, Station.name, set(single.values()))
    by_day: dict[date, list[CalendarEntry]] = {}
    for key, counts in groups.items():
        due_at, message_id, channel_id = key
        local = due_at.astimezone(zone)
        by_day.setdefault(local.date(), []).append(CalendarEntry(
            at=local, message_id=message_id, title=titles[message_id],
            channel_name=channels[channel_id] if channel_id is not None else None,
            stations=counts.total() if channel_id is None else 0,
            station_name=stations.get(single[key]) if key in single else None,
            statuses=tuple(sorted(counts.items(), key=lambda item: list(DeliveryStatus).index(item[0]))),
        ))
    outside = (lambda d: d.month != anchor.month) if view is CalendarView.MONTH else (lambda d: False)
    days = tuple(
        CalendarDay(day=day, is_outside=outside(day), entries=tuple(sorted(
            by_day.get(day, []), key=lambda e: (e.at, e.title, e.channel_name or ""))))
        for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
    )
    return Calendar(view=view, anchor=anchor, first_day=first, last_day=last, previous=previous, next=following,
                    days=days)
