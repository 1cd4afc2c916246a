"""Plain factory functions: the smallest valid row, with whatever a test wants to override."""

from __future__ import annotations

import itertools
from datetime import time
from typing import Any

from sqlalchemy.orm import Session

from campaigns.models import BroadcastSlot, Channel, ChannelKind, Station
from content.models import Area, AreaKind, Role, User
from content.users import create_user

_seq = itertools.count(1)
PASSWORD = "mat-khau-thu-nghiem"


def make_area(session: Session, *, parent: Area | None = None, **overrides: Any) -> Area:
    n = next(_seq)
    code = overrides.pop("code", f"T{n:04d}")
    kind = overrides.pop("kind", AreaKind.COMMUNE if parent else AreaKind.PROVINCE)
    area = Area(code=code, name=overrides.pop("name", f"Xã Thử Nghiệm {n}"), kind=kind, parent=parent,
                path=f"{parent.path if parent else '/'}{code}/", **overrides)
    session.add(area)
    session.flush()
    return area


def make_user(session: Session, *, role: Role = Role.EDITOR, area: Area | None = None, **overrides: Any) -> User:
    n = next(_seq)
    return create_user(session, username=overrides.pop("username", f"{role.value}{n}"),
                       password=overrides.pop("password", PASSWORD), role=role, area=area,
                       full_name=overrides.pop("full_name", f"Cán bộ Thử {n}"))


def make_channel(session: Session, kind: ChannelKind = ChannelKind.PORTAL, **overrides: Any) -> Channel:
    channel = Channel(kind=kind, name=overrides.pop("name", f"Kênh {kind.value}"), **overrides)
    session.add(channel)
    session.flush()
    return channel


def make_station(session: Session, area: Area, *, slots: tuple[tuple[time, int], ...] = ((time(6), 15), (time(17), 15)),
                 **overrides: Any) -> Station:
    station = Station(name=overrides.pop("name", f"Đài truyền thanh {area.name}"), area=area, **overrides)
    station.slots = [BroadcastSlot(starts_at=start, minutes=minutes) for start, minutes in slots]
    session.add(station)
    session.flush()
    return station
