"""Setting up a station's weekly programmes: name, weekdays, time and length, framing words, holiday rule.

A programme may not share a minute with another of the station's programmes on a common weekday, nor
with one of its daily slots (which air every day): two things cannot be on one loudspeaker at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Station
from campaigns.programme_models import Programme
from campaigns.station_setup import DAY_MINUTES, MAX_SLOT_MINUTES, MIN_SLOT_MINUTES
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import User
from content.permissions import Action, authorize
from content.wording import Text

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
MAX_WORDS = 2000  # opening or closing words: a few sentences, not an article


@dataclass(frozen=True)
class ProgrammeInput:
    """The form as typed; weekdays as ISO digits ("1".."7") from checkboxes."""

    name: str
    weekdays: tuple[str, ...]
    starts_at: str
    minutes: str
    opening: str = ""
    closing: str = ""
    skips_holidays: bool = True
    is_active: bool = True


@dataclass(frozen=True)
class _Checked:
    name: str
    weekdays: str
    starts_at: time
    minutes: int
    opening: str
    closing: str


def _span(start: time, minutes: int) -> tuple[int, int]:
    return start.hour * 60 + start.minute, minutes


def _meets(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans share a minute, read round the clock (a programme at 23:50 meets a slot at 00:00)."""
    return any(a[0] < b[0] + shift + b[1] and b[0] + shift < a[0] + a[1] for shift in (-DAY_MINUTES, 0, DAY_MINUTES))


def _clash(session: Session, station: Station, checked: _Checked, itself: Programme | None) -> Text | None:
    mine = _span(checked.starts_at, checked.minutes)
    for slot in station.slots:
        if _meets(mine, _span(slot.starts_at, slot.minutes)):
            return Text("Trùng với khung giờ hằng ngày %(time)s của đài.", time=f"{slot.starts_at:%H:%M}")
    others = session.scalars(select(Programme).where(Programme.station_id == station.id, Programme.is_active))
    for other in others:
        if other is itself or not set(other.weekdays) & set(checked.weekdays):
            continue
        if _meets(mine, _span(other.starts_at, other.minutes)):
            return Text("Trùng giờ với chuyên mục “%(name)s” (%(time)s).", name=other.name,
                        time=f"{other.starts_at:%H:%M}")
    return None


def _check(session: Session, station: Station, data: ProgrammeInput, itself: Programme | None) -> _Checked:
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = Text("Hãy đặt tên cho chuyên mục.")
    elif len(name) > 200:
        errors["name"] = Text("Tên chuyên mục dài quá 200 ký tự.")
    elif session.scalar(select(Programme.id).where(Programme.station_id == station.id, Programme.name == name,
                                                   Programme.id != (itself.id if itself else -1))):
        errors["name"] = Text("Đài đã có chuyên mục “%(name)s”.", name=name)
    days = set(data.weekdays)
    if not days:
        errors["weekdays"] = Text("Hãy chọn ít nhất một ngày trong tuần.")
    elif not days <= set("1234567"):
        errors["weekdays"] = Text("Ngày trong tuần không hợp lệ.")
    match = _CLOCK.match(data.starts_at.strip())
    if match is None:
        errors["starts_at"] = Text("Giờ bắt đầu '%(text)s' không hợp lệ (dạng giờ:phút, ví dụ 19:00).",
                                   text=data.starts_at.strip())
    minutes = data.minutes.strip()
    if not (minutes.isascii() and minutes.isdigit() and len(minutes) <= 4
            and MIN_SLOT_MINUTES <= int(minutes) <= MAX_SLOT_MINUTES):
        errors["minutes"] = Text("Thời lượng chuyên mục phải từ %(least)s đến %(most)s phút.",
                                 least=MIN_SLOT_MINUTES, most=MAX_SLOT_MINUTES)
    for field in ("opening", "closing"):
        if len(getattr(data, field)) > MAX_WORDS:
            errors[field] = Text("Lời dẫn dài quá %(most)s ký tự.", most=MAX_WORDS)
    if errors or match is None:
        raise InvalidInput(errors)
    checked = _Checked(name=name, weekdays="".join(sorted(days)), starts_at=time(int(match[1]), int(match[2])),
                       minutes=int(minutes), opening=data.opening.strip(), closing=data.closing.strip())
    if data.is_active and (clash := _clash(session, station, checked, itself)):
        raise InvalidInput({"starts_at": clash})
    return checked


def _snapshot(programme: Programme) -> dict[str, Any]:
    return {"name": programme.name, "weekdays": programme.weekdays, "starts_at": f"{programme.starts_at:%H:%M}",
            "minutes": programme.minutes, "opening": programme.opening, "closing": programme.closing,
            "skips_holidays": programme.skips_holidays, "is_active": programme.is_active}


def _apply(programme: Programme, checked: _Checked, data: ProgrammeInput) -> None:
    programme.name, programme.weekdays = checked.name, checked.weekdays
    programme.starts_at, programme.minutes = checked.starts_at, checked.minutes
    programme.opening, programme.closing = checked.opening, checked.closing
    programme.skips_holidays, programme.is_active = data.skips_holidays, data.is_active


def create_programme(session: Session, actor: User, station: Station, data: ProgrammeInput, *, now: datetime,
                     remote_addr: str | None = None) -> Programme:
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    checked = _check(session, station, data, None)
    programme = Programme(station=station, created_at=now)
    _apply(programme, checked, data)
    session.add(programme)
    session.flush()
    record_audit(session, actor=actor, action="programme.create", object_type="station", object_id=station.id,
                 now=now, remote_addr=remote_addr, detail={"programme_id": programme.id, **_snapshot(programme)})
    return programme


def update_programme(session: Session, actor: User, programme: Programme, data: ProgrammeInput, *, now: datetime,
                     remote_addr: str | None = None) -> Programme:
    """Change or retire a programme; deliveries already planned into it keep their times and frame."""
    station = programme.station
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    checked = _check(session, station, data, programme)
    before = _snapshot(programme)
    _apply(programme, checked, data)
    session.flush()
    after = _snapshot(programme)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    record_audit(session, actor=actor, action="programme.update", object_type="station", object_id=station.id,
                 now=now, remote_addr=remote_addr, detail={"programme_id": programme.id, "changes": changes})
    return programme


def station_programmes(session: Session, station: Station) -> list[Programme]:
    """Active ones first, then by time of day."""
    return list(session.scalars(select(Programme).where(Programme.station_id == station.id)
                                .order_by(Programme.is_active.desc(), Programme.starts_at, Programme.name)))
