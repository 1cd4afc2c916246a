"""Which stations left a slot unconfirmed past its end plus the grace, and raising one alert per station and day.

A slot is read from the daily script itself (scheduler.radio_scripts), so an alert speaks of exactly the slots
and items the operator was given. An item counts as confirmed once the station said anything of it, aired or
not aired with a reason: what is chased is silence, not a slot that could not go out.

The deadline of an item is its slot's end plus the grace (LOA_CONFIRMATION_GRACE_MINUTES); an item planned after
the day's last slot, which the script puts in that slot, is not late before its own time plus the grace; on a
station with no slots on record the day is one list read at the items' own times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from campaigns.models import ON_AIR_STATUSES, Airing, Delivery, Station
from campaigns.notice_models import ConfirmationAlert, EmailStatus, NoticeKind, Notification
from campaigns.notice_recipients import responsible_officers, station_operators
from content.models import Message
from content.workflow import SENDABLE
from scheduler.radio_scripts.building import ScriptItem, SlotScript, build_scripts

# Yesterday as well as today: a 23:30 slot's deadline falls after midnight, and a worker that was down for
# the night still raises yesterday's alerts. Older days are left alone, so a new install is not flooded.
DAYS_BACK = 1


@dataclass(frozen=True)
class MissedDay:
    station_id: int
    day: date
    slots: tuple[str, ...]  # "06:00", or "" for a station without slots
    items: int


@dataclass(frozen=True)
class RaiseReport:
    raised: int = 0
    notices: int = 0
    already: int = 0  # raised meanwhile by another worker


def slot_label(starts_at: time | None) -> str:
    return starts_at.strftime("%H:%M") if starts_at is not None else ""


def _deadline(day: date, slot: SlotScript, item: ScriptItem, zone: ZoneInfo, grace: timedelta) -> datetime:
    if slot.starts_at is None:
        return item.due_at + grace
    end = datetime.combine(day, slot.starts_at, tzinfo=zone) + timedelta(minutes=slot.minutes)
    return max(end, item.due_at) + grace


def _unconfirmed(session: Session, start: datetime, latest_due: datetime) -> list[tuple[int, int, datetime]]:
    """(delivery, station, due) of live radio items due in [start, latest_due] that nobody confirmed."""
    rows = session.execute(
        select(Delivery.id, Delivery.station_id, Delivery.due_at)
        .join(Station, Delivery.station_id == Station.id)
        .join(Message, Delivery.message_id == Message.id)
        .outerjoin(Airing, Airing.delivery_id == Delivery.id)
        .where(Station.is_active, Delivery.status.in_(ON_AIR_STATUSES), Message.status.in_(SENDABLE),
               Delivery.due_at >= start, Delivery.due_at <= latest_due, Airing.id.is_(None)))
    return [(delivery_id, station_id, due_at) for delivery_id, station_id, due_at in rows if station_id is not None]


def find_missed_days(session: Session, *, now: datetime, zone: ZoneInfo, grace: timedelta) -> list[MissedDay]:
    """Station-days with an overdue unconfirmed item and no alert yet, oldest day first."""
    today = now.astimezone(zone).date()
    start = datetime.combine(today - timedelta(days=DAYS_BACK), time(0), tzinfo=zone)
    # No item is late before its own time plus the grace, so nothing due later needs a script built.
    rows = _unconfirmed(session, start, now - grace)
    if not rows:
        return []
    waiting = {delivery_id for delivery_id, _, _ in rows}
    keys = {(station_id, due_at.astimezone(zone).date()) for _, station_id, due_at in rows}
    raised = {(station_id, day) for station_id, day in session.execute(
        select(ConfirmationAlert.station_id, ConfirmationAlert.day)
        .where(ConfirmationAlert.station_id.in_({s for s, _ in keys}), ConfirmationAlert.day >= start.date()))}
    keys -= raised
    if not keys:
        return []
    stations = list(session.scalars(select(Station).where(Station.id.in_({s for s, _ in keys}))))
    scripts = build_scripts(session, stations, {day for _, day in keys}, zone=zone)
    missed = []
    for station_id, day in sorted(keys, key=lambda k: (k[1], k[0])):
        slots, items = [], 0
        for slot in scripts[station_id, day].slots:
            late = [item for item in slot.items
                    if item.delivery_id in waiting and _deadline(day, slot, item, zone, grace) <= now]
            if late:
                slots.append(slot_label(slot.starts_at))
                items += len(late)
        if items:
            missed.append(MissedDay(station_id, day, tuple(slots), items))
    return missed


def _notify(session: Session, alert: ConfirmationAlert, station: Station, *, now: datetime,
            email_enabled: bool) -> int:
    told: set[int] = set()
    for kind, people in ((NoticeKind.MISSED_CONFIRMATION, responsible_officers(session, station)),
                         (NoticeKind.CONFIRMATION_REMINDER, station_operators(session, station))):
        for user in people:
            if user.id in told:
                continue
            told.add(user.id)
            mailed = email_enabled and bool(user.email)
            session.add(Notification(
                user_id=user.id, alert=alert, kind=kind, created_at=now, email_to=user.email if mailed else None,
                email_status=EmailStatus.PENDING if mailed else EmailStatus.NONE,
                email_next_attempt_at=now if mailed else None))
    return len(told)


def raise_alerts(session_factory: sessionmaker[Session], *, now: datetime, zone: ZoneInfo, grace: timedelta,
                 email_enabled: bool) -> RaiseReport:
    """Raise each missed station-day in its own transaction; the unique key settles a race between workers."""
    with session_factory() as session:
        missed = find_missed_days(session, now=now, zone=zone, grace=grace)
    raised = notices = already = 0
    for day in missed:
        with session_factory() as session:
            alert = ConfirmationAlert(station_id=day.station_id, day=day.day, slots=list(day.slots), items=day.items,
                                      created_at=now)
            session.add(alert)
            try:
                session.flush()
            except IntegrityError:
                session.rollback()
                already += 1
                continue
            station = session.get_one(Station, day.station_id)
            notices += _notify(session, alert, station, now=now, email_enabled=email_enabled)
            session.commit()
            raised += 1
    return RaiseReport(raised, notices, already)
