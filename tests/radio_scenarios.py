"""Radio worlds shared by the scheduler and web tests: a station, its items, its token, its day's script."""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from campaigns.models import Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Priority, Role
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# When the scripts' messages are written, approved and planned.
PLANNED_AT = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)
TOKEN_AT = datetime(2026, 11, 1, tzinfo=timezone.utc)
# The airing API's clock: 08:00 on 23 November in Hà Nội, and the item due that morning.
AIRING_NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
MORNING = datetime(2026, 11, 23, 6, 0, tzinfo=ZONE)
_keys = itertools.count(1)


def radio_world(session, population: int | None = 5_600):  # type: ignore[no-untyped-def]
    """A province, a commune with its station (06:00 and 17:00, 15 minutes each, covering `population`)
    and its operator."""
    province = make_area(session, name="Tỉnh Thanh Thủy")
    commune = make_area(session, parent=province, name="Xã An Lạc", population=population)
    station = make_station(session, commune, name="Đài truyền thanh xã An Lạc", coverage_population=population)
    operator = make_user(session, role=Role.RADIO_OPERATOR, area=commune, username="daiphat_anlac",
                         full_name="Trần Thị Mai")
    return province, commune, station, operator


def radio_item(session, station, due: datetime, *, title: str = "Phòng chống cháy nổ mùa hanh khô",
               status: DeliveryStatus = DeliveryStatus.PLANNED) -> Delivery:  # type: ignore[no-untyped-def]
    """An approved message due at one station at one time."""
    area = station.area
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    message = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title=title,
                                                           body_md="Không đốt rơm rạ gần khu dân cư.",
                                                           area_id=area.id), now=due - timedelta(days=2))
    transition_message(session, message, "submit", actor=editor, now=due - timedelta(days=2))
    transition_message(session, message, "approve", actor=approver, now=due - timedelta(days=2))
    delivery = Delivery(message=message, station=station, due_at=due, status=status,
                        idempotency_key=f"thu-airing-{next(_keys)}")
    session.add(delivery)
    session.flush()
    return delivery


def approved_notice(session, area, title: str, *, priority=Priority.NORMAL, words: int = 20):
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    body = " ".join(["tin"] * words)
    message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                           area_id=area.id, priority=priority), now=PLANNED_AT)
    transition_message(session, message, "submit", actor=editor, now=PLANNED_AT)
    transition_message(session, message, "approve", actor=approver, now=PLANNED_AT)
    return message, approver


def on_air(session, station, title: str, due: datetime, *, priority=Priority.NORMAL, words: int = 20):
    message, approver = approved_notice(session, station.area, title, priority=priority, words=words)
    plan_deliveries(session, message, actor=approver, due_at=due, now=PLANNED_AT, stations=[station], zone=ZONE)
    return message


def airing_world(session):  # type: ignore[no-untyped-def]
    """A station with one item due this morning and a fresh token for its box."""
    province, _, station, _ = radio_world(session)
    delivery = radio_item(session, station, MORNING)
    token = issue_station_token(station, now=AIRING_NOW)
    session.commit()
    return province, station, delivery, token


class World:
    def __init__(self, session):
        self.session = session
        self.province = make_area(session, name="Tỉnh Sông Lam")
        self.commune = make_area(session, parent=self.province, name="Xã Bãi Sậy")
        self.station = make_station(session, self.commune, name="Đài truyền thanh xã Bãi Sậy",
                                    slots=((time(6), 15), (time(17), 1)))
        self.neighbour = make_station(session, make_area(session, parent=self.province, name="Xã Đồng Cói"),
                                      name="Đài truyền thanh xã Đồng Cói")
        self.token = issue_station_token(self.station, now=TOKEN_AT)
        self.neighbour_token = issue_station_token(self.neighbour, now=TOKEN_AT)
        self.editor = make_user(session, role=Role.EDITOR, area=self.province, username="bientap")
        self.approver = make_user(session, role=Role.APPROVER, area=self.province, username="pheduyet")
        session.commit()

    def plan(self, title: str, due: datetime, *, priority=Priority.NORMAL, words: int = 20, area=None,
             stations=None, channels=()):
        message = create_message(self.session, self.editor, MessageInput(
            kind=MessageKind.NOTICE, title=title, body_md=" ".join(["tin"] * words),
            area_id=(area or self.commune).id, priority=priority), now=PLANNED_AT)
        transition_message(self.session, message, "submit", actor=self.editor, now=PLANNED_AT)
        transition_message(self.session, message, "approve", actor=self.approver, now=PLANNED_AT)
        plan_deliveries(self.session, message, actor=self.approver, due_at=due, now=PLANNED_AT, zone=ZONE,
                        stations=[self.station] if stations is None else stations, channels=channels)
        self.session.commit()
        return message

    def path(self, fmt: str, day: str = "2026-11-24", kind: str = "scripts", station=None) -> str:
        return f"/radio/stations/{(station or self.station).id}/{kind}/{day}.{fmt}"

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
def world(session) -> World:
    return World(session)
