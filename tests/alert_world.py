"""A commune station, the people answerable for it, and radio items due on one day: the alerts' test world."""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta

from campaigns.models import Delivery, DeliveryStatus
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import ZONE

GRACE = timedelta(minutes=30)
DAY = datetime(2026, 11, 23).date()
_keys = itertools.count(1)


def local(hour: int, minute: int = 0, day: int = 0) -> datetime:
    return datetime.combine(DAY + timedelta(days=day), time(hour, minute), tzinfo=ZONE)


def person(session, *, role: Role, area, username: str, email: str | None = None):  # type: ignore[no-untyped-def]
    user = make_user(session, role=role, area=area, username=username)
    user.email = email
    return user


class AlertWorld:
    """Tỉnh Hà Giang Thử: xã Minh Tân with its station (06:00 and 17:00, 15 minutes), two officers, an approver
    (not told: approvers review, they do not follow stations up), its operator; a province editor above them.
    The messages are written in another province, so their authors are nobody's officers here."""

    def __init__(self, session, *, commune_officers: bool = True):
        self.session = session
        self.province = make_area(session, name="Tỉnh Hà Giang Thử")
        self.commune = make_area(session, parent=self.province, name="Xã Minh Tân")
        self.station = make_station(session, self.commune, name="Đài truyền thanh xã Minh Tân",
                                    contact="Anh Lò Văn Páo, 0912 345 678")
        self.officers = ([person(session, role=Role.EDITOR, area=self.commune, username="bientap_minhtan",
                                    email="bientap.minhtan@example.vn"),
                          person(session, role=Role.ADMIN, area=self.commune, username="quantri_minhtan")]
                         if commune_officers else [])
        self.approver = person(session, role=Role.APPROVER, area=self.commune, username="pheduyet_minhtan")
        self.operator = person(session, role=Role.RADIO_OPERATOR, area=self.commune, username="phatthanh_minhtan",
                                  email="dai.minhtan@example.vn")
        self.province_editor = person(session, role=Role.EDITOR, area=self.province, username="bientap_tinh",
                                         email="bientap.tinh@example.vn")
        elsewhere = make_area(session, name="Tỉnh Biên Soạn")
        self.author = make_user(session, role=Role.EDITOR, area=elsewhere)
        self.reviewer = make_user(session, role=Role.APPROVER, area=elsewhere)
        self.elsewhere = elsewhere
        session.commit()

    def item(self, due: datetime, *, station=None, title: str = "Cảnh giác lừa đảo qua điện thoại",
             status: DeliveryStatus = DeliveryStatus.PLANNED) -> Delivery:
        then = due - timedelta(days=2)
        message = create_message(self.session, self.author, MessageInput(
            kind=MessageKind.NOTICE, title=title, body_md="Không chuyển tiền cho người lạ gọi tự xưng công an.",
            area_id=self.elsewhere.id), now=then)
        transition_message(self.session, message, "submit", actor=self.author, now=then)
        transition_message(self.session, message, "approve", actor=self.reviewer, now=then)
        delivery = Delivery(message=message, station=station or self.station, due_at=due, status=status,
                            idempotency_key=f"thu-canh-bao-{next(_keys)}")
        self.session.add(delivery)
        self.session.commit()
        return delivery

    def station_without_slots(self):  # type: ignore[no-untyped-def]
        station = make_station(self.session, make_area(self.session, parent=self.province, name="Xã Lũng Cú"),
                               name="Đài truyền thanh xã Lũng Cú", slots=())
        self.session.commit()
        return station
