"""Which stations have confirmed a day's items, which are late, which have said nothing at all."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from campaigns.airings import airings_by_delivery
from campaigns.models import ON_AIR_STATUSES, AiringStatus, Delivery, Station
from content.models import Area, Message
from content.workflow import SENDABLE

# How long after a slot ends its items may stay unconfirmed before the station counts as late.
GRACE = timedelta(minutes=30)


class StationState(enum.StrEnum):
    MISSING = "missing"  # items overdue and not one confirmation for the day
    LATE = "late"  # some confirmed, some overdue
    WAITING = "waiting"  # nothing overdue yet: the slots still to come or just ended
    CONFIRMED = "confirmed"
    IDLE = "idle"  # nothing scheduled that day

    @property
    def order(self) -> int:
        return list(StationState).index(self)


@dataclass(frozen=True)
class StationDay:
    station: Station
    items: int
    aired: int
    not_aired: int
    overdue: int
    state: StationState

    @property
    def unconfirmed(self) -> int:
        return self.items - self.aired - self.not_aired


def slot_for(due_local: time, starts: list[time]) -> time | None:
    """The slot an item is read in: the first starting at or after its time, else the day's last.

    The same rule as the daily script (scheduler.radio_scripts.building), which a test holds them to.
    """
    for start in starts:
        if start >= due_local:
            return start
    return starts[-1] if starts else None


def _deadline(station: Station, due: datetime, day: date, zone: ZoneInfo) -> datetime:
    """When the item's slot ends; an item of a station with no slots is due by the end of its day."""
    starts = [slot.starts_at for slot in station.slots]
    start = slot_for(due.astimezone(zone).time(), starts)
    if start is None:
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    minutes = next(slot.minutes for slot in station.slots if slot.starts_at == start)
    return datetime.combine(day, start, tzinfo=zone) + timedelta(minutes=minutes)


def _state(items: int, confirmed: int, overdue: int) -> StationState:
    if items == 0:
        return StationState.IDLE
    if confirmed == items:
        return StationState.CONFIRMED
    if overdue:
        return StationState.LATE if confirmed else StationState.MISSING
    return StationState.WAITING


def report_airings(session: Session, root: Area | None, day: date, *, zone: ZoneInfo, now: datetime,
                   grace: timedelta = GRACE) -> list[StationDay]:
    """Every active station in `root`'s subtree on one local day, the most urgent to chase first."""
    query = select(Station).join(Area, Station.area_id == Area.id).where(Station.is_active).options(
        selectinload(Station.slots), selectinload(Station.area))
    if root is not None:
        query = query.where(Area.path.startswith(root.path, autoescape=True))
    stations = list(session.scalars(query.order_by(Area.path, Station.name)))
    start = datetime.combine(day, time(0), tzinfo=zone)
    deliveries = session.execute(
        select(Delivery.id, Delivery.station_id, Delivery.due_at)
        .join(Message, Delivery.message_id == Message.id)
        .where(Delivery.station_id.in_([s.id for s in stations]), Delivery.due_at >= start,
               Delivery.due_at < start + timedelta(days=1), Delivery.status.in_(ON_AIR_STATUSES),
               Message.status.in_(SENDABLE))
    ).all() if stations else []
    airings = airings_by_delivery(session, [row.id for row in deliveries])
    per_station: dict[int, list[tuple[int, datetime]]] = {}
    for row in deliveries:
        per_station.setdefault(row.station_id, []).append((row.id, row.due_at))
    days = []
    for station in stations:
        rows = per_station.get(station.id, [])
        statuses = [airings[i].status if i in airings else None for i, _ in rows]
        overdue = sum(1 for (i, due), status in zip(rows, statuses)
                      if status is None and _deadline(station, due, day, zone) + grace <= now)
        aired = statuses.count(AiringStatus.AIRED)
        not_aired = statuses.count(AiringStatus.NOT_AIRED)
        days.append(StationDay(station=station, items=len(rows), aired=aired, not_aired=not_aired,
                               overdue=overdue, state=_state(len(rows), aired + not_aired, overdue)))
    return sorted(days, key=lambda d: d.state.order)
