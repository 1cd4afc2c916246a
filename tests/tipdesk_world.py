"""Tip-offs as the desk meets them: the tip-off world, officers with and without the grant, a sent tip-off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.orm import Session

from campaigns.tipoff_models import Tipoff
from campaigns.tipoffs import TipoffInput, check_tipoff, submit_tipoff
from content.models import Role, User
from tests.factories import make_user
from tests.tipoff_world import KEY, SECRET_BODY, TipoffWorld, make_tipoff_world

SENT_AT = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


@dataclass
class DeskWorld:
    places: TipoffWorld
    commune_officer: User  # granted, over the commune
    province_officer: User  # granted, over the province
    other_officer: User  # granted, over the other commune
    editor: User  # the commune's editor, no grant
    admin: User


def grant(user: User) -> User:
    user.reads_tipoffs = True
    return user


def make_desk_world(session: Session) -> DeskWorld:
    places = make_tipoff_world(session)
    world = DeskWorld(
        places,
        grant(make_user(session, role=Role.EDITOR, area=places.commune, username="canbo_xa",
                        full_name="Trần Văn Hòa")),
        grant(make_user(session, role=Role.APPROVER, area=places.province, username="canbo_tinh",
                        full_name="Lê Thị Hạnh")),
        grant(make_user(session, role=Role.EDITOR, area=places.other_commune, username="canbo_phuong")),
        make_user(session, role=Role.EDITOR, area=places.commune, username="bientap_xa"),
        make_user(session, role=Role.ADMIN, area=None, username="quantri"),
    )
    session.commit()
    return world


def send_tipoff(session: Session, world: DeskWorld, photo_root: Path, *, kind: str = "denunciation",
                village: bool = True, contact: str = "", at: datetime = SENT_AT, body: str = SECRET_BODY) -> Tipoff:
    data = TipoffInput(kind=kind, commune=world.places.commune.code,
                       village=world.places.village.code if village else "", body=body,
                       anonymous=not contact, contact=contact)
    checked = check_tipoff(session, data, today=at.date())
    tipoff, _code = submit_tipoff(session, checked, [], key=KEY, photo_root=photo_root, now=at)
    session.commit()
    return tipoff
