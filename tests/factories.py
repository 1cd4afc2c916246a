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
    return create_user(session, actor=None, username=overrides.pop("username", f"{role.value}{n}"),
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


def make_published_message(session: Session, session_factory, now, *, title: str = "Cảnh giác lừa đảo qua mạng",
                           body: str = "Không cung cấp **mã OTP** cho bất kỳ ai.",
                           kinds: tuple[ChannelKind, ...] = (ChannelKind.PORTAL, ChannelKind.FEED)):
    """A message taken the whole way: written, approved by someone else, planned and dispatched."""
    from datetime import timedelta

    from campaigns.planning import plan_deliveries
    from content.messages import MessageInput, create_message, transition_message
    from content.models import MessageKind
    from scheduler.dispatch import run_tick

    province = make_area(session, name="Tỉnh Thử Nghiệm")
    editor = make_user(session, role=Role.EDITOR, area=province)
    approver = make_user(session, role=Role.APPROVER, area=province)
    channels = [make_channel(session, kind) for kind in kinds]
    message = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title=title, body_md=body,
                                                           area_id=province.id), now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=5), now=now, channels=channels)
    session.commit()
    run_tick(session_factory, now=now + timedelta(minutes=5), worker="test")
    return message
