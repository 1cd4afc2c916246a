"""Setting up loudspeaker stations: where they are, when they broadcast, and the token their box uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from campaigns.models import BroadcastSlot, Station
from campaigns.programme_models import Programme
from campaigns.station_tokens import issue_station_token
from campaigns.village_models import has_live_clusters
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, AreaKind, User
from content.permissions import Action, authorize
from content.wording import Text

MIN_SLOT_MINUTES, MAX_SLOT_MINUTES = 1, 120
DAY_MINUTES = 24 * 60
# Far above any commune, far below the database integer: a typo of extra zeros is caught.
MAX_POPULATION = 100_000_000
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class SlotInput:
    """One daily slot as typed: "06:00" and "15"; blank rows are left out by the caller or ignored."""

    starts_at: str
    minutes: str


@dataclass(frozen=True)
class StationInput:
    name: str
    area_id: int | None
    contact: str = ""
    coverage_population: str = ""  # blank: the area's population
    is_active: bool = True
    slots: tuple[SlotInput, ...] = ()


def _slot_label(start: time, minutes: int) -> str:
    return f"{start:%H:%M}+{minutes}"


def _parse_slots(rows: tuple[SlotInput, ...], errors: dict[str, str]) -> list[tuple[time, int]]:
    slots: list[tuple[time, int]] = []
    for n, row in enumerate(rows):
        start_text, minutes_text = row.starts_at.strip(), row.minutes.strip()
        if not start_text and not minutes_text:
            continue
        match = _CLOCK.match(start_text)
        if match is None:
            errors[f"slots.{n}"] = Text("Giờ bắt đầu '%(text)s' không hợp lệ (dạng giờ:phút, ví dụ 06:00).",
                                         text=start_text)
            continue
        if not (minutes_text.isascii() and minutes_text.isdigit() and len(minutes_text) <= 4) \
                or not MIN_SLOT_MINUTES <= int(minutes_text) <= MAX_SLOT_MINUTES:
            errors[f"slots.{n}"] = Text("Thời lượng khung giờ phải từ %(least)s đến %(most)s phút.",
                                         least=MIN_SLOT_MINUTES, most=MAX_SLOT_MINUTES)
            continue
        slots.append((time(int(match.group(1)), int(match.group(2))), int(minutes_text)))
    return sorted(slots)


def _overlap(slots: list[tuple[time, int]]) -> Text | None:
    """The first pair of slots that share a minute, read round the clock: 23:30 for 60 minutes meets 00:00."""
    spans = [(s.hour * 60 + s.minute, m, s) for s, m in slots]
    for i, (a, a_len, a_start) in enumerate(spans):
        for b, b_len, b_start in spans[i + 1:]:
            if any(a < b + shift + b_len and b + shift < a + a_len for shift in (-DAY_MINUTES, 0, DAY_MINUTES)):
                return Text("Khung giờ %(first)s và %(second)s chồng lên nhau.", first=f"{a_start:%H:%M}",
                            second=f"{b_start:%H:%M}")
    return None


def _programme_clash(session: Session, station: Station, slots: list[tuple[time, int]]) -> Text | None:
    """A daily slot airs every day, so it may not share a minute with any of the station's active programmes."""
    programmes = session.scalars(select(Programme).where(Programme.station_id == station.id, Programme.is_active))
    for programme in programmes:
        if any(_overlap([(programme.starts_at, programme.minutes), slot]) for slot in slots):
            return Text("Khung giờ trùng với chuyên mục “%(name)s” (%(time)s).", name=programme.name,
                        time=f"{programme.starts_at:%H:%M}")
    return None


def _check(session: Session, data: StationInput) -> tuple[Area, int | None, list[tuple[time, int]]]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = Text("Hãy đặt tên cho đài.")
    elif len(data.name.strip()) > 200:
        errors["name"] = Text("Tên đài dài quá 200 ký tự.")
    if len(data.contact) > 300:
        errors["contact"] = Text("Thông tin liên hệ dài quá 300 ký tự.")
    area = session.get(Area, data.area_id) if data.area_id else None
    if area is None:
        errors["area_id"] = Text("Hãy chọn xã, phường hoặc đặc khu của đài.")
    elif area.kind is not AreaKind.COMMUNE:
        errors["area_id"] = Text("Đài truyền thanh cơ sở thuộc một xã, phường hoặc đặc khu.")
    population: int | None = None
    text = data.coverage_population.strip().replace(".", "").replace(" ", "")
    if text:
        # isdigit() alone also passes "²" and 5,000-digit strings, which int() refuses.
        if not (text.isascii() and text.isdigit() and len(text) <= 10 and int(text) <= MAX_POPULATION):
            errors["coverage_population"] = Text("Số người nghe được phải là một số nguyên không âm, tối đa %(most)s.",
                                                 most=f"{MAX_POPULATION:,}".replace(",", "."))
        else:
            population = int(text)
    elif area is not None:
        population = area.population
    slots = _parse_slots(data.slots, errors)
    if not any(key.startswith("slots.") for key in errors) and (clash := _overlap(slots)):
        errors["slots"] = clash
    if errors or area is None:
        raise InvalidInput(errors)
    return area, population, slots


def _apply_slots(station: Station, slots: list[tuple[time, int]]) -> None:
    """Keep the rows whose start stays, so a changed length never deletes and re-inserts a (station, start) pair."""
    wanted = dict(slots)
    station.slots = [slot for slot in station.slots if slot.starts_at in wanted]
    for slot in station.slots:
        slot.minutes = wanted.pop(slot.starts_at)
    station.slots += [BroadcastSlot(starts_at=start, minutes=minutes) for start, minutes in wanted.items()]
    station.slots.sort(key=lambda slot: slot.starts_at)


def _snapshot(station: Station) -> dict[str, Any]:
    return {"name": station.name, "area_id": station.area_id, "contact": station.contact,
            "coverage_population": station.coverage_population, "is_active": station.is_active,
            "slots": [_slot_label(s.starts_at, s.minutes) for s in station.slots]}


def create_station(session: Session, actor: User, data: StationInput, *, now: datetime,
                   remote_addr: str | None = None) -> Station:
    area, population, slots = _check(session, data)
    authorize(actor, Action.STATION_MANAGE, area, object_type="station")
    station = Station(name=data.name.strip(), area=area, contact=data.contact.strip(),
                      coverage_population=population, is_active=data.is_active)
    _apply_slots(station, slots)
    session.add(station)
    session.flush()
    record_audit(session, actor=actor, action="station.create", object_type="station", object_id=station.id,
                 now=now, remote_addr=remote_addr, detail=_snapshot(station))
    return station


def update_station(session: Session, actor: User, station: Station, data: StationInput, *, now: datetime,
                   remote_addr: str | None = None) -> Station:
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    area, population, slots = _check(session, data)
    if clash := _programme_clash(session, station, slots):
        raise InvalidInput({"slots": clash})
    # Moving a station is allowed only between communes the admin answers for.
    authorize(actor, Action.STATION_MANAGE, area, object_type="station", object_id=station.id)
    if area.id != station.area_id and has_live_clusters(session, station):
        # Its clusters cover the old commune's villages: moved along, plans for them would reach the wrong place.
        raise InvalidInput({"area_id": Text("Đài còn cụm loa phủ thôn của %(commune)s: hãy ngừng dùng các cụm loa "
                                            "trước khi chuyển đài sang xã khác.", commune=station.area.name)})
    before = _snapshot(station)
    station.name, station.area, station.contact = data.name.strip(), area, data.contact.strip()
    station.coverage_population, station.is_active = population, data.is_active
    _apply_slots(station, slots)
    session.flush()
    after = _snapshot(station)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    record_audit(session, actor=actor, action="station.update", object_type="station", object_id=station.id,
                 now=now, remote_addr=remote_addr, detail={"changes": changes})
    return station


def rotate_station_token(session: Session, actor: User, station: Station, *, now: datetime,
                         remote_addr: str | None = None) -> str:
    """Issue a token, or replace the current one (which stops working at once); the caller shows it once."""
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    had_token = station.token_hash is not None
    token = issue_station_token(station, now=now)
    session.flush()
    # Only that a token changed hands: the token, even hashed, stays out of the log.
    record_audit(session, actor=actor, action="station.token_rotate" if had_token else "station.token_issue",
                 object_type="station", object_id=station.id, now=now, remote_addr=remote_addr)
    return token


def rotate_station_token_at_console(session: Session, station: Station, *, now: datetime) -> str:
    """`loa station token ID --rotate`: whoever runs the command on the server already holds the database, so
    no sign-in is asked; the audit log says it came from the console."""
    token = issue_station_token(station, now=now)
    session.flush()
    record_audit(session, actor=None, action="station.token_rotate", object_type="station", object_id=station.id,
                 now=now, detail={"from": "console"})
    return token


def revoke_station_token(session: Session, actor: User, station: Station, *, now: datetime,
                         remote_addr: str | None = None) -> None:
    """No token works for the station until a new one is issued."""
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    station.token_hash = None
    station.token_revoked_at = now
    session.flush()
    record_audit(session, actor=actor, action="station.token_revoke", object_type="station", object_id=station.id,
                 now=now, remote_addr=remote_addr)


def list_stations(session: Session, root: Area | None) -> list[Station]:
    """The stations in `root`'s subtree (everywhere for None), by place then name."""
    query = select(Station).join(Area, Station.area_id == Area.id).options(
        selectinload(Station.slots), selectinload(Station.area))
    if root is not None:
        query = query.where(Area.path.startswith(root.path, autoescape=True))
    return list(session.scalars(query.order_by(Area.path, Station.name)))


def select_stations(root: Area | None) -> Select[Station]:
    """The stations in `root`'s subtree (everywhere for None) as an unordered query, for a caller that pages it
    (by Station.id)."""
    query = select(Station).options(selectinload(Station.slots), selectinload(Station.area))
    if root is not None:
        query = query.where(Station.area_id.in_(select_subtree(root).with_only_columns(Area.id)))
    return query


def list_communes(session: Session, root: Area | None) -> list[Area]:
    """Where a station may be placed by someone working in `root`."""
    query = select_subtree(root) if root is not None else select(Area)
    return list(session.scalars(query.where(Area.kind == AreaKind.COMMUNE).order_by(Area.name)))
