"""A commune with a station, its admin and an approved message, for the weekly programme tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from campaigns.models import Station
from campaigns.programme_models import Programme
from campaigns.programme_setup import ProgrammeInput, create_programme
from content.models import Area, Message, Role, User
from tests.factories import make_area, make_station, make_user
from tests.scenarios import approved


@dataclass
class ProgrammeWorld:
    province: Area
    commune: Area
    station: Station
    admin: User
    approver: User
    message: Message


def programme_world(session, now: datetime) -> ProgrammeWorld:  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Hà Sơn")
    commune = make_area(session, parent=province, name="Xã Bến Lở")
    station = make_station(session, commune, name="Đài truyền thanh xã Bến Lở")
    admin = make_user(session, role=Role.ADMIN, area=commune)
    message, approver = approved(session, commune, now, title="Cảnh giác trộm cắp gia súc ban đêm")
    return ProgrammeWorld(province, commune, station, admin, approver, message)


def thursday_column(session, world: ProgrammeWorld, now: datetime, **overrides) -> Programme:  # type: ignore[no-untyped-def]
    """ "Chung tay phòng chống tội phạm", every Thursday at 19:00 for 20 minutes, resting on holidays."""
    fields = {"name": "Chung tay phòng chống tội phạm", "weekdays": ("4",), "starts_at": "19:00", "minutes": "20",
              "opening": "Mời bà con cùng nghe chuyên mục của Công an xã.",
              "closing": "Mọi tin báo xin gọi số 0912 345 678.", **overrides}
    return create_programme(session, world.admin, world.station, ProgrammeInput(**fields), now=now)
