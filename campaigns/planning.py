"""Planning deliveries: who receives a message and when, turned into outbox rows in one bulk insert.

A plan names destinations (channels, stations, whole areas) and times (one moment, a moment of its
own per channel, or daily slots over a range of local dates). An area fans out to every active
station below it; a station chosen both by hand and through its area gets its deliveries once.
An emergency notice also goes to the next slot of every station in the areas it is for, whatever the
plan names (campaigns.emergency says why that happens here). The times the planning page
proposes before the officer picks any come from campaigns.slot_proposals.

One plan creates at most MAX_DELIVERIES_PER_PLAN rows: past that the officer has almost certainly
picked a wrong range or area, and a mistake that size floods every station's script.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, func, insert, or_, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from campaigns.emergency import emergency_times
from campaigns.models import BroadcastSlot, Channel, Delivery, DeliveryStatus, Station
from campaigns.village_targets import record_village_targets, stations_for_villages
from content.areas import is_within, select_subtree
from content.audit import record_audit
from content.db import rows_by_ids
from content.errors import InvalidInput, PermissionDenied
from content.messages import transition_message
from content.models import Area, Message, MessageStatus, Priority, User
from content.permissions import DENIED, Action, authorize
from content.wording import Text

MAX_DELIVERIES_PER_PLAN = 5000
LONGEST_RANGE_DAYS = 366


@dataclass(frozen=True)
class DailySlots:
    """Every local day from `first_day` to `last_day` (both included) at each local time in `times`."""

    first_day: date
    last_day: date
    times: tuple[time, ...]
    peak_name: str | None = None  # set on proposals, to say why a run has more slots

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class PlanRequest:
    """What the officer asked for; ids, so a form and a script build it the same way.

    Each channel goes out at its own time in `channel_times` when it has one, otherwise at the
    plan's times; stations follow the plan's times, or, with `use_station_slots`, their own
    broadcast slots on each day of `daily`.
    """

    channel_ids: tuple[int, ...] = ()
    station_ids: tuple[int, ...] = ()
    area_ids: tuple[int, ...] = ()
    due_at: datetime | None = None
    channel_times: tuple[tuple[int, datetime], ...] = ()
    daily: tuple[DailySlots, ...] = ()
    use_station_slots: bool = False
    # Villages (thôn, tổ dân phố): reached through the stations whose clusters cover them (campaigns.village_targets).
    village_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlanSummary:
    count: int
    channels: int
    stations: int
    first_due: datetime
    last_due: datetime


def stations_in_area(session: Session, area: Area) -> list[Station]:
    """Every active station in the area's subtree: a province plan reaches each commune's speaker."""
    subtree = select_subtree(area).with_only_columns(Area.id)
    return list(session.scalars(
        select(Station).where(Station.area_id.in_(subtree), Station.is_active).order_by(Station.id)
    ))


def carries(channel: Channel, area: Area | None) -> bool:
    """Whether a channel may carry a message of `area` (None: the whole country).

    A channel's audience is its area, so it carries messages whose area overlaps it: its own
    area's, those of areas inside it (a commune's news on the province's page) and those of areas
    containing it (a province-wide warning on a commune's page). A nationwide channel carries
    every message. The officer must still be allowed to schedule the message itself, so nobody
    reaches a channel through a message outside their own area; a channel of a sibling commune
    is never reachable.
    """
    if channel.area is None:
        return True
    return is_within(channel.area, area) or (area is not None and is_within(area, channel.area))


def plannable_channels(session: Session, user: User, message: Message | None = None) -> list[Channel]:
    """Switched-on channels that may carry `message` (without one: any message of the user's own area)."""
    channels = session.scalars(select(Channel).options(selectinload(Channel.area)).where(Channel.is_enabled)
                               .order_by(Channel.name, Channel.id)).all()
    area = message.area if message is not None else user.area
    return [c for c in channels if carries(c, area)]


def plannable_stations(session: Session, user: User, *, limit: int | None = None) -> list[Station]:
    """Active stations in the user's subtree, by area; `limit` lets a page stop loading a nation's worth."""
    query = (select(Station).join(Area, Station.area_id == Area.id).options(contains_eager(Station.area))
             .where(Station.is_active))
    if user.area is not None:
        query = query.where(Area.path.startswith(user.area.path, autoescape=True))
    return list(session.scalars(query.order_by(Area.path, Station.name).limit(limit)))


def count_stations(session: Session, areas: Iterable[Area]) -> dict[int, int]:
    """Active stations in each area's subtree, from one grouped query rather than one per area."""
    below: dict[str, int] = {}
    for path, n in session.execute(select(Area.path, func.count()).join(Station, Station.area_id == Area.id)
                                   .where(Station.is_active).group_by(Area.path)):
        # "/01/00070/0007001/" counts for "/01/", "/01/00070/" and itself.
        codes = path.strip("/").split("/")
        for depth in range(1, len(codes) + 1):
            prefix = "/" + "/".join(codes[:depth]) + "/"
            below[prefix] = below.get(prefix, 0) + n
    return {area.id: below.get(area.path, 0) for area in areas}


def _local(moment: datetime, zone: tzinfo) -> dict[str, str]:
    """The time and day of a moment in the zone, as values for a sentence that says "%(time)s ngày %(day)s"."""
    local = moment.astimezone(zone)
    return {"time": f"{local:%H:%M}", "day": f"{local:%d/%m/%Y}"}


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Vietnamese groups thousands with dots


def occurrences(daily: Iterable[DailySlots], zone: tzinfo) -> list[datetime]:
    """The UTC instants of daily local slots, sorted and without repeats.

    Each local wall time is placed in the zone on its own date, so "06:00" stays 06:00 on both
    sides of a daylight-saving change (in a zone that has one).
    """
    instants = {
        datetime.combine(run.first_day + timedelta(days=n), at, tzinfo=zone).astimezone(timezone.utc)
        for run in daily for n in range(run.days) for at in run.times
    }
    return sorted(instants)


def _ids(ids: Iterable[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def _check_times(request: PlanRequest, now: datetime, zone: tzinfo, errors: dict[str, str]) -> list[datetime]:
    for channel_id, at in request.channel_times:
        if at < now:
            errors[f"channel_due_at-{channel_id}"] = Text("Giờ %(time)s ngày %(day)s đã qua; hãy chọn giờ ở tương lai.",
                                                             **_local(at, zone))
    if not request.daily:
        if request.due_at is None:
            if request.station_ids or request.area_ids or request.village_ids \
                    or len(request.channel_times) < len(request.channel_ids):
                errors["due_at"] = Text("Hãy chọn thời điểm phát.")
            return []
        if request.due_at < now:
            errors["due_at"] = Text("Thời điểm %(time)s ngày %(day)s đã qua; hãy chọn thời điểm ở tương lai.",
                                    **_local(request.due_at, zone))
        return [request.due_at]
    for run in request.daily:
        if run.last_day < run.first_day:
            errors["daily"] = Text("Ngày kết thúc %(last)s ở trước ngày bắt đầu %(first)s.",
                                   last=f"{run.last_day:%d/%m/%Y}", first=f"{run.first_day:%d/%m/%Y}")
        elif run.days > LONGEST_RANGE_DAYS:
            errors["daily"] = Text("Mỗi khoảng ngày dài tối đa %(n)s ngày; hãy chia nhỏ kế hoạch.", n=LONGEST_RANGE_DAYS)
        elif not run.times:
            errors["daily"] = Text("Hãy nhập ít nhất một giờ phát cho các ngày từ %(first)s.",
                                   first=f"{run.first_day:%d/%m/%Y}")
    if "daily" in errors:
        return []
    instants = occurrences(request.daily, zone)
    if instants[0] < now:
        errors["daily"] = Text("Giờ phát %(time)s ngày %(day)s đã qua; hãy bắt đầu từ ngày mai hoặc bỏ các giờ đã qua.",
                               **_local(instants[0], zone))
    return instants


def _load(session: Session, request: PlanRequest, errors: dict[str, str]) -> tuple[list, list, list]:
    channels, missing = rows_by_ids(session, Channel, request.channel_ids)
    if missing:
        errors["channel_ids"] = Text("Không có kênh %(ids)s.", ids=_ids(missing))
    stations, missing = rows_by_ids(session, Station, request.station_ids)
    if missing:
        errors["station_ids"] = Text("Không có đài %(ids)s.", ids=_ids(missing))
    elif stopped := [s.name for s in stations if not s.is_active]:
        errors["station_ids"] = Text("Đài đã ngừng hoạt động: %(names)s.", names=", ".join(stopped))
    areas, missing = rows_by_ids(session, Area, request.area_ids)
    if missing:
        errors["area_ids"] = Text("Không có địa bàn %(ids)s.", ids=_ids(missing))
    return channels, stations, areas


def _authorize_places(message: Message, actor: User, channels: list[Channel], stations: list[Station],
                      areas: list[Area]) -> None:
    """Every place the plan names must lie in the actor's own subtree, and every channel must carry the message."""
    places = [("area", a.id, a) for a in areas] + [("station", s.id, s.area) for s in stations]
    for object_type, object_id, area in places:
        if area is None or not is_within(area, actor.area):
            raise PermissionDenied(DENIED, attempted=Action.MESSAGE_SCHEDULE.value, object_type=object_type,
                                   object_id=object_id)
    for channel in channels:
        if not carries(channel, message.area):
            raise PermissionDenied(DENIED, attempted=Action.MESSAGE_SCHEDULE.value, object_type="channel",
                                   object_id=channel.id)


def _reach(request: PlanRequest, areas: list[Area]) -> ColumnElement[bool] | None:
    """The condition on Station for every station the plan reaches, or None when it names none."""
    reached: list[ColumnElement[bool]] = [Station.id.in_(request.station_ids)] if request.station_ids else []
    if areas:
        below = or_(*[Area.path.startswith(a.path, autoescape=True) for a in areas])
        reached.append(Station.is_active & Station.area_id.in_(select(Area.id).where(below)))
    return or_(*reached) if reached else None


def _station_times(session: Session, request: PlanRequest, areas: list[Area], plan_times: list[datetime],
                   zone: tzinfo, errors: dict[str, str]) -> dict[int, list[datetime]]:
    """Each reached station with its instants; two queries whatever the number of stations."""
    reach = _reach(request, areas)
    if reach is None:
        return {}
    rows = session.execute(select(Station.id, Area.path).join(Area, Station.area_id == Area.id).where(reach)).all()
    if empty := [a.name for a in areas if not any(path.startswith(a.path) for _, path in rows)]:
        errors["area_ids"] = Text("Chưa có đài truyền thanh nào đang hoạt động ở: %(names)s.", names=", ".join(empty))
    times = {station_id: plan_times for station_id, _ in rows}
    if request.use_station_slots and request.daily:
        own: dict[int, list[time]] = {}
        for station_id, starts_at in session.execute(
                select(BroadcastSlot.station_id, BroadcastSlot.starts_at)
                .where(BroadcastSlot.station_id.in_(select(Station.id).where(reach)))):
            own.setdefault(station_id, []).append(starts_at)
        # A station with no slots on record falls back to the plan's times rather than getting nothing.
        by_slots: dict[tuple[time, ...], list[datetime]] = {}
        for station_id, starts in own.items():
            key = tuple(sorted(starts))
            if key not in by_slots:
                by_slots[key] = occurrences((DailySlots(r.first_day, r.last_day, key) for r in request.daily), zone)
            times[station_id] = by_slots[key]
    return times


def _check_count(channel_times: dict[int, list[datetime]], station_times: dict[int, list[datetime]],
                 limit: int, errors: dict[str, str]) -> int:
    count = sum(map(len, channel_times.values())) + sum(map(len, station_times.values()))
    if count > limit:
        errors["count"] = Text("Kế hoạch này sẽ tạo %(count)s lượt phát, vượt giới hạn %(limit)s lượt mỗi lần lên lịch. "
                               "Hãy rút ngắn khoảng ngày, bớt giờ phát hoặc chọn địa bàn nhỏ hơn.",
                               count=_count(count), limit=_count(limit))
    return count


def _rows(message: Message, actor: User, now: datetime, channel_times: dict[int, list[datetime]],
          station_times: dict[int, list[datetime]]) -> list[dict[str, Any]]:
    common = {"message_id": message.id, "status": DeliveryStatus.PLANNED, "attempts": 0, "created_at": now,
              "urgent": message.priority is Priority.EMERGENCY,
              "created_by_id": actor.id}
    return [
        {**common, "channel_id": channel_id, "station_id": station_id, "due_at": at,
         "idempotency_key": f"loa-{uuid.uuid4().hex}"}
        for channel_id, station_id, instants in
        [(c, None, t) for c, t in channel_times.items()] + [(None, s, t) for s, t in station_times.items()]
        for at in instants
    ]


def _plan(session: Session, message: Message, request: PlanRequest, *, actor: User, now: datetime, zone: tzinfo,
          remote_addr: str | None, limit: int, returning: bool) -> tuple[PlanSummary, list[Delivery]]:
    authorize(actor, Action.MESSAGE_SCHEDULE, message.area, object_type="message", object_id=message.id)
    errors: dict[str, str] = {}
    if not (request.channel_ids or request.station_ids or request.area_ids or request.village_ids):
        errors["destinations"] = Text("Hãy chọn ít nhất một kênh, một đài hoặc một địa bàn.")
    plan_times = _check_times(request, now, zone, errors)
    channels, stations, areas = _load(session, request, errors)
    villages_of = stations_for_villages(session, request.village_ids, actor=actor, errors=errors)
    if errors:
        raise InvalidInput(errors)
    _authorize_places(message, actor, channels, stations, areas)
    own = dict(request.channel_times)
    channel_times = {c.id: [own[c.id]] if c.id in own else plan_times for c in channels}
    station_times = _station_times(session, request, areas, plan_times, zone, errors)
    # A station the plan reaches whole plays to its whole commune; the others only to the villages asked for.
    villages_of = {s: v for s, v in villages_of.items() if s not in station_times}
    if villages_of:
        station_times.update(_station_times(session, PlanRequest(station_ids=tuple(villages_of), daily=request.daily,
                                                                 use_station_slots=request.use_station_slots),
                                            [], plan_times, zone, errors))
    first = min((at for times in (*channel_times.values(), *station_times.values()) for at in times), default=None)
    emergency: dict[int, datetime] = {}
    if message.priority is Priority.EMERGENCY and first is not None:
        # Whatever the plan names, an emergency also opens the next slot of every station it is for.
        emergency = emergency_times(session, message, after=first, zone=zone, planned=station_times, within=actor.area)
        for station_id, at in emergency.items():
            station_times[station_id] = [*station_times.get(station_id, ()), at]
    count = _check_count(channel_times, station_times, limit, errors)
    if errors:
        raise InvalidInput(errors)
    # A published message may be planned again (another station, a repeat) without leaving "published".
    if message.status is not MessageStatus.PUBLISHED:
        transition_message(session, message, "schedule", actor=actor, now=now, remote_addr=remote_addr)
    rows = _rows(message, actor, now, channel_times, station_times)
    if returning:
        planned = list(session.scalars(insert(Delivery).returning(Delivery, sort_by_parameter_order=True), rows))
    else:
        session.execute(insert(Delivery), rows)
        planned = []
    record_village_targets(session, rows, villages_of)
    instants = [at for times in (*channel_times.values(), *station_times.values()) for at in times]
    summary = PlanSummary(count=count, channels=len(channel_times), stations=len(station_times),
                          first_due=min(instants), last_due=max(instants))
    record_audit(session, actor=actor, action="delivery.plan", object_type="message", object_id=message.id,
                 now=now, remote_addr=remote_addr, detail={
                     "count": count, "channel_ids": sorted(channel_times), "station_ids": sorted(request.station_ids),
                     "area_ids": sorted(request.area_ids), "stations_reached": len(station_times),
                     "village_ids": sorted(request.village_ids), "village_stations": sorted(villages_of),
                     "first_due": summary.first_due.isoformat(), "last_due": summary.last_due.isoformat(),
                     "daily": [{"from": r.first_day.isoformat(), "to": r.last_day.isoformat(),
                                "times": [t.strftime("%H:%M") for t in r.times]} for r in request.daily],
                     "use_station_slots": request.use_station_slots, "emergency_stations": len(emergency)})
    return summary, planned


def plan_message(session: Session, message: Message, request: PlanRequest, *, actor: User, now: datetime,
                 zone: tzinfo, remote_addr: str | None = None,
                 limit: int = MAX_DELIVERIES_PER_PLAN) -> PlanSummary:
    """Queue the message for every destination and time in the request, with one audit record.

    Rows are inserted in bulk and not loaded back: a province plan is thousands of them.
    :param zone: the configured zone; daily slots are local wall times in it.
    :param limit: most rows one plan may create; a script that means it may raise it.
    """
    return _plan(session, message, request, actor=actor, now=now, zone=zone, remote_addr=remote_addr,
                 limit=limit, returning=False)[0]


def plan_deliveries(
    session: Session,
    message: Message,
    *,
    actor: User,
    due_at: datetime,
    now: datetime,
    channels: Sequence[Channel] = (),
    stations: Sequence[Station] = (),
    remote_addr: str | None = None,
    zone: tzinfo = timezone.utc,
) -> list[Delivery]:
    """Queue the message for each destination at `due_at`, and hand the rows back to the caller.

    :param zone: the zone of the stations' slots, where an emergency notice finds each one's next slot.
    """
    request = PlanRequest(channel_ids=tuple(c.id for c in channels), station_ids=tuple(s.id for s in stations),
                          due_at=due_at)
    return _plan(session, message, request, actor=actor, now=now, zone=zone, remote_addr=remote_addr,
                 limit=MAX_DELIVERIES_PER_PLAN, returning=True)[1]
