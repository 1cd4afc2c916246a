"""A campaign world for target tests: two communes of one province, a third in another, a station in each."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from campaigns.models import Airing, AiringStatus, Campaign, Delivery, DeliveryStatus, Station, Target, TargetKind
from content.models import Area, Message, MessageKind, MessageStatus, Role, User
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# Four ISO weeks, Monday 2 to Sunday 29 November 2026.
STARTS, ENDS = date(2026, 11, 2), date(2026, 11, 29)
_keys = itertools.count(1)


@dataclass
class World:
    province: Area
    commune_a: Area
    commune_b: Area
    other_commune: Area  # in another province, outside the campaign
    station_a: Station
    station_b: Station
    other_station: Station
    editor: User
    campaign: Campaign
    message: Message


def local(day: date, hour: int = 6) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def add_message(session: Session, world_editor: User, area: Area, campaign: Campaign | None, *,
                kind: MessageKind = MessageKind.ARTICLE, published_on: date | None = None) -> Message:
    n = next(_keys)
    message = Message(kind=kind, title=f"Tin thử {n}", slug=f"tin-thu-{n}", body_md="Nội dung.",
                      body_html="<p>Nội dung.</p>", area_id=area.id, author_id=world_editor.id,
                      status=MessageStatus.PUBLISHED if published_on else MessageStatus.APPROVED,
                      published_at=local(published_on, 9) if published_on else None)
    session.add(message)
    session.flush()
    if campaign is not None:
        campaign.messages.append(message)
        session.flush()
    return message


def air(session: Session, station: Station, message: Message, at: datetime,
        status: AiringStatus = AiringStatus.AIRED) -> Airing:
    delivery = Delivery(message_id=message.id, station_id=station.id, due_at=at, status=DeliveryStatus.SENT,
                        idempotency_key=f"thu-chi-tieu-{next(_keys)}")
    session.add(delivery)
    session.flush()
    airing = Airing(delivery_id=delivery.id, station_id=station.id, status=status,
                    aired_at=at if status is AiringStatus.AIRED else None,
                    reason=None if status is AiringStatus.AIRED else "Mất điện",
                    recorded_at=datetime(2026, 11, 30, tzinfo=timezone.utc))
    session.add(airing)
    session.flush()
    return airing


def add_target(session: Session, campaign: Campaign, kind: TargetKind, value: float, **overrides: object) -> Target:
    target = Target(campaign=campaign, kind=kind, value=value, description=f"Chỉ tiêu {kind.value}", **overrides)
    session.add(target)
    session.flush()
    return target


def target_world(session: Session) -> World:
    province = make_area(session, name="Tỉnh Thanh Thủy")
    commune_a = make_area(session, parent=province, name="Phường An Lạc")
    commune_b = make_area(session, parent=province, name="Xã Bình Minh")
    elsewhere = make_area(session, name="Tỉnh Khác")
    other_commune = make_area(session, parent=elsewhere, name="Xã Ngoài Vùng")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap_tinh")
    campaign = Campaign(plan_number="Kế hoạch số 32/KH-UBND", issuing_body="Ủy ban nhân dân tỉnh",
                        title="Khu dân cư an toàn", slug="khu-dan-cu-an-toan", starts_on=STARTS, ends_on=ENDS,
                        owner_area=province, areas=[province])
    session.add(campaign)
    session.flush()
    message = add_message(session, editor, province, campaign, published_on=STARTS)
    return World(province, commune_a, commune_b, other_commune, make_station(session, commune_a),
                 make_station(session, commune_b), make_station(session, other_commune), editor, campaign, message)
