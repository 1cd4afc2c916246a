"""Planning a message into stations' weekly programmes: one delivery per airing over some weeks or a range of days.

An airing the programme rests on (a public holiday, when it skips them) gets nothing; an airing already
past, or one the message is already planned into, is left out rather than refused, so "the next four
weeks" asked twice, or on the programme's own day after it aired, gives each airing the message once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, contains_eager

from campaigns.models import ON_AIR_STATUSES, Delivery, DeliveryStatus, Station
from campaigns.planning import LONGEST_RANGE_DAYS, MAX_DELIVERIES_PER_PLAN
from campaigns.programme_calendar import occurrences, skipped_holidays
from campaigns.programme_models import Programme
from content.areas import is_within
from content.audit import record_audit
from content.db import rows_by_ids
from content.errors import InvalidInput, PermissionDenied
from content.messages import transition_message
from content.models import Area, Message, MessageStatus, Priority, User
from content.permissions import DENIED, Action, authorize
from content.wording import Text

MAX_WEEKS = 26


@dataclass(frozen=True)
class ProgrammePlanRequest:
    """The programmes, from `first_day` for `weeks` weeks, or to `last_day` (both included)."""

    programme_ids: tuple[int, ...]
    first_day: date
    weeks: int | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class ProgrammePlanSummary:
    count: int
    first_due: datetime
    last_due: datetime
    already_planned: int = 0
    # Holidays a programme rested on in the range, for the officer to see why a week has no airing.
    holidays: dict[date, str] = field(default_factory=dict)


def last_day_of(request: ProgrammePlanRequest) -> date | None:
    if request.weeks is not None:
        return request.first_day + timedelta(days=7 * request.weeks - 1)
    return request.last_day


def _check_range(request: ProgrammePlanRequest, today: date, errors: dict[str, str]) -> date:
    last = last_day_of(request)
    if request.weeks is not None and not 1 <= request.weeks <= MAX_WEEKS:
        errors["weeks"] = Text("Số tuần phải từ 1 đến %(most)s.", most=MAX_WEEKS)
    elif last is None:
        errors["weeks"] = Text("Hãy nhập số tuần hoặc ngày kết thúc.")
    elif last < request.first_day:
        errors["last_day"] = Text("Ngày kết thúc %(last)s ở trước ngày bắt đầu %(first)s.",
                                  last=f"{last:%d/%m/%Y}", first=f"{request.first_day:%d/%m/%Y}")
    elif (last - request.first_day).days + 1 > LONGEST_RANGE_DAYS:
        errors["last_day"] = Text("Mỗi khoảng ngày dài tối đa %(n)s ngày; hãy chia nhỏ kế hoạch.", n=LONGEST_RANGE_DAYS)
    if request.first_day < today:
        errors["first_day"] = Text("Ngày %(day)s đã qua; hãy bắt đầu từ hôm nay trở đi.",
                                   day=f"{request.first_day:%d/%m/%Y}")
    return last or request.first_day


def _load(session: Session, request: ProgrammePlanRequest, actor: User, errors: dict[str, str]) -> list[Programme]:
    programmes, missing = rows_by_ids(session, Programme, request.programme_ids)
    if not request.programme_ids:
        errors["programme_ids"] = Text("Hãy chọn ít nhất một chuyên mục.")
    elif missing:
        errors["programme_ids"] = Text("Không có chuyên mục %(ids)s.", ids=", ".join(f"#{i}" for i in missing))
    elif stopped := [p.name for p in programmes if not (p.is_active and p.station.is_active)]:
        errors["programme_ids"] = Text("Chuyên mục đã ngừng: %(names)s.", names=", ".join(stopped))
    for programme in programmes:
        if not is_within(programme.station.area, actor.area):
            raise PermissionDenied(DENIED, attempted=Action.MESSAGE_SCHEDULE.value, object_type="station",
                                   object_id=programme.station_id)
    return programmes


def _planned(session: Session, message: Message, programmes: list[Programme]) -> set[tuple[int, datetime]]:
    return {(programme_id, due_at) for programme_id, due_at in session.execute(
        select(Delivery.programme_id, Delivery.due_at).where(
            Delivery.message_id == message.id, Delivery.programme_id.in_([p.id for p in programmes]),
            Delivery.status.in_(ON_AIR_STATUSES)))
        if programme_id is not None}


def plan_into_programmes(session: Session, message: Message, request: ProgrammePlanRequest, *, actor: User,
                         now: datetime, zone: tzinfo, remote_addr: str | None = None,
                         limit: int = MAX_DELIVERIES_PER_PLAN) -> ProgrammePlanSummary:
    """One delivery of the message to each programme's station at each of its airings in the range.

    :param zone: the configured zone; a programme's time is a local wall time in it.
    """
    authorize(actor, Action.MESSAGE_SCHEDULE, message.area, object_type="message", object_id=message.id)
    errors: dict[str, str] = {}
    last = _check_range(request, now.astimezone(zone).date(), errors)
    programmes = _load(session, request, actor, errors)
    if errors:
        raise InvalidInput(errors)
    already = _planned(session, message, programmes)
    wanted: list[tuple[Programme, datetime]] = []
    rested: dict[date, str] = {}
    repeats = 0
    for programme in programmes:
        rested.update(skipped_holidays(programme, request.first_day, last))
        for at in occurrences(programme, request.first_day, last, zone):
            if at < now:
                continue
            if (programme.id, at) in already:
                repeats += 1
                continue
            wanted.append((programme, at))
    if not wanted:
        reason = (Text("Tin đã có trong mọi buổi phát của chuyên mục trong khoảng này.") if repeats
                  else Text("Chuyên mục không có buổi phát nào từ %(first)s đến %(last)s (đã trừ ngày lễ và giờ đã qua).",
                            first=f"{request.first_day:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"))
        raise InvalidInput({"programme_ids": reason})
    if len(wanted) > limit:
        raise InvalidInput({"count": Text("Kế hoạch này sẽ tạo %(count)s lượt phát, vượt giới hạn %(limit)s lượt.",
                                          count=len(wanted), limit=limit)})
    if message.status is not MessageStatus.PUBLISHED:
        transition_message(session, message, "schedule", actor=actor, now=now, remote_addr=remote_addr)
    common: dict[str, Any] = {"message_id": message.id, "status": DeliveryStatus.PLANNED, "attempts": 0,
                              "created_at": now, "urgent": message.priority is Priority.EMERGENCY,
                              "created_by_id": actor.id, "channel_id": None}
    session.execute(insert(Delivery), [
        {**common, "station_id": programme.station_id, "programme_id": programme.id, "due_at": at,
         "idempotency_key": f"loa-{uuid.uuid4().hex}"} for programme, at in wanted])
    instants = [at for _, at in wanted]
    summary = ProgrammePlanSummary(count=len(wanted), first_due=min(instants), last_due=max(instants),
                                   already_planned=repeats, holidays=rested)
    record_audit(session, actor=actor, action="delivery.plan", object_type="message", object_id=message.id,
                 now=now, remote_addr=remote_addr, detail={
                     "count": summary.count, "programme_ids": sorted(p.id for p in programmes),
                     "station_ids": sorted({p.station_id for p in programmes}),
                     "from": request.first_day.isoformat(), "to": last.isoformat(), "weeks": request.weeks,
                     "first_due": summary.first_due.isoformat(), "last_due": summary.last_due.isoformat(),
                     "already_planned": repeats, "holidays_skipped": sorted(d.isoformat() for d in rested)})
    return summary


def plannable_programmes(session: Session, user: User) -> list[Programme]:
    """Active programmes of active stations in the user's subtree, by place, station and time of day."""
    query = (select(Programme).join(Station, Programme.station_id == Station.id)
             .join(Area, Station.area_id == Area.id)
             .options(contains_eager(Programme.station).contains_eager(Station.area))
             .where(Programme.is_active, Station.is_active))
    if user.area is not None:
        query = query.where(Area.path.startswith(user.area.path, autoescape=True))
    return list(session.scalars(query.order_by(Area.path, Station.name, Programme.starts_at, Programme.name)))
