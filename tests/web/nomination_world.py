"""A province with a commune, its village and another commune, an editor of each commune and one nomination."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from campaigns.nomination_models import Nomination
from campaigns.nominations import NominationInput, submit_nomination
from content.models import Area, AreaKind
from tests.factories import make_area, make_user


@dataclass
class NominationWorld:
    commune: Area
    village: Area
    other: Area
    nomination: Nomination


def nomination_world(session: Session, now: datetime) -> NominationWorld:
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Hòa Bình")
    village = make_area(session, parent=commune, kind=AreaKind.RESIDENTIAL, name="Thôn Đồng Xanh")
    other = make_area(session, parent=province, name="Xã Yên Lạc")
    make_user(session, area=commune, username="bientap_xa")
    make_user(session, area=other, username="bientap_khac")
    nomination = submit_nomination(session, NominationInput(
        person_name="Nguyễn Văn Bình", area_id=village.id, deed="Cứu hai em nhỏ đuối nước ở hồ Đồng Xanh.",
        deed_on=date(2026, 11, 1), nominator_contact="0912 000 111"), now=now, today=date(2026, 11, 23))
    session.commit()
    return NominationWorld(commune, village, other, nomination)
