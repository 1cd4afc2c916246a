"""A province campaign with a season of reach, rolled up: for the campaign dashboard and report tests.

Tỉnh Thanh Thủy owns plan 32/KH-UBND; Phường An Lạc (with Thôn Đông below it) and Xã Bình Minh are its
communes; Tỉnh Hà Sơn is another province. Each figure of Xã Bình Minh is a number found nowhere else
(1.357 portal views, 2.613 potential listeners), so a test can show it never reaches Phường An Lạc's officer.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from campaigns.models import (
    Campaign,
    ChannelKind,
    Delivery,
    DeliveryStatus,
    ReachEvent,
    ReachSource,
    Target,
    TargetKind,
)
from campaigns.reach_rollups import roll_up_new_events
from content.models import Area, AreaKind, Message, MessageKind, MessageStatus, Role
from tests.factories import make_area, make_channel, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
STARTS, ENDS = date(2026, 11, 2), date(2026, 11, 29)
# The app's test clock (tests/conftest.py): Monday 23 November 2026, 08:00 in Hà Nội.
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
_keys = itertools.count(1)


@dataclass
class ReachWorld:
    province: Area
    ward: Area  # Phường An Lạc
    hamlet: Area  # Thôn Đông, in the ward
    commune: Area  # Xã Bình Minh
    other_province: Area
    campaign: Campaign
    scam: Message  # province-wide, the most viewed
    fire: Message  # the ward's
    traffic: Message  # Xã Bình Minh's
    ward_target: Target


def local(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE).astimezone(timezone.utc)


def _message(session: Session, area: Area, author_id: int, title: str, published: date) -> Message:
    n = next(_keys)
    message = Message(kind=MessageKind.ARTICLE, title=title, slug=f"tin-tiep-can-{n}", body_md="Nội dung.",
                      body_html="<p>Nội dung.</p>", area_id=area.id, author_id=author_id,
                      status=MessageStatus.PUBLISHED, published_at=local(published))
    session.add(message)
    session.flush()
    return message


def event(session: Session, message: Message, day: date, metric: str, value: float, *,
          source: ReachSource = ReachSource.MEASURED, area: Area | None = None, channel_id: int | None = None,
          station_id: int | None = None, hour: int = 9) -> None:
    moment = local(day, hour)
    session.add(ReachEvent(message_id=message.id, metric=metric, source=source, value=value, area_id=area.id if area else None,
                           channel_id=channel_id, station_id=station_id, occurred_at=moment,
                           recorded_at=moment + timedelta(minutes=1)))


def sent(session: Session, message: Message, channel_id: int) -> None:
    session.add(Delivery(message_id=message.id, channel_id=channel_id, due_at=local(STARTS), sent_at=local(STARTS),
                         status=DeliveryStatus.SENT, external_id=f"bai-{next(_keys)}",
                         idempotency_key=f"tiep-can-{next(_keys)}"))


def reach_world(session: Session) -> ReachWorld:
    province = make_area(session, name="Tỉnh Thanh Thủy")
    ward = make_area(session, parent=province, name="Phường An Lạc")
    hamlet = make_area(session, parent=ward, name="Thôn Đông", kind=AreaKind.RESIDENTIAL)
    commune = make_area(session, parent=province, name="Xã Bình Minh")
    other_province = make_area(session, name="Tỉnh Hà Sơn")
    make_area(session, parent=other_province, name="Xã Tân Tiến")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap_tinh")
    make_user(session, role=Role.ANALYST, area=province, username="phantich_tinh")
    make_user(session, role=Role.RADIO_OPERATOR, area=province, username="dai_tinh")
    make_user(session, role=Role.EDITOR, area=other_province, username="bientap_ha_son")
    make_user(session, role=Role.EDITOR, area=ward, username="bientap_an_lac")
    campaign = Campaign(plan_number="Kế hoạch số 32/KH-UBND", issuing_body="Ủy ban nhân dân tỉnh Thanh Thủy",
                        title="Khu dân cư an toàn về an ninh, trật tự", slug="khu-dan-cu-an-toan",
                        starts_on=STARTS, ends_on=ENDS, owner_area=province, areas=[province])
    session.add(campaign)
    session.flush()
    scam = _message(session, province, editor.id, "Cảnh giác lừa đảo qua mạng", STARTS)
    fire = _message(session, ward, editor.id, "Phòng cháy chữa cháy mùa khô", STARTS)
    traffic = _message(session, commune, editor.id, "An toàn giao thông đường làng", STARTS)
    campaign.messages.extend([scam, fire, traffic])
    station_ward = make_station(session, ward, coverage_population=4_000)
    station_commune = make_station(session, commune, coverage_population=2_613)
    facebook = make_channel(session, ChannelKind.FACEBOOK, name="Trang Công an tỉnh Thanh Thủy")
    telegram = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram An ninh")
    # Visitor-days: 1.000 wanted over four weeks; by 23 November (22/28 of the time) 345 is behind.
    session.add(Target(campaign=campaign, kind=TargetKind.PORTAL_VISITOR_DAYS, value=1000,
                       description="Lượt khách-ngày đọc tin chiến dịch"))
    ward_target = Target(campaign=campaign, kind=TargetKind.MESSAGES_PUBLISHED, value=1, area_id=ward.id,
                         description="Phường An Lạc đăng ít nhất một tin")
    session.add(ward_target)
    session.flush()

    event(session, scam, date(2026, 11, 3), "portal_view", 500)
    event(session, scam, date(2026, 11, 10), "portal_view", 300)
    event(session, fire, date(2026, 11, 4), "portal_view", 120)
    event(session, traffic, date(2026, 11, 5), "portal_view", 1357)
    event(session, scam, date(2026, 11, 3), "portal_visitor", 200)
    event(session, fire, date(2026, 11, 4), "portal_visitor", 90)
    event(session, traffic, date(2026, 11, 5), "portal_visitor", 55)
    event(session, fire, date(2026, 11, 4), "loudspeaker_airings", 3, area=ward, station_id=station_ward.id)
    event(session, fire, date(2026, 11, 6), "loudspeaker_airings", 2, area=hamlet, station_id=station_ward.id)
    event(session, fire, date(2026, 11, 4), "loudspeaker_potential_listeners", 4000, area=ward,
          source=ReachSource.ESTIMATED, station_id=station_ward.id)
    event(session, traffic, date(2026, 11, 5), "loudspeaker_airings", 7, area=commune,
          station_id=station_commune.id)
    event(session, traffic, date(2026, 11, 5), "loudspeaker_potential_listeners", 2613, area=commune,
          source=ReachSource.ESTIMATED, station_id=station_commune.id)
    # Platform snapshots: the newest of each message counts (25 + 7 = 32), never their sum.
    for message in (scam, fire):
        sent(session, message, facebook.id)
    sent(session, scam, telegram.id)
    event(session, scam, date(2026, 11, 3), "reactions", 10, source=ReachSource.REPORTED, channel_id=facebook.id)
    event(session, scam, date(2026, 11, 5), "reactions", 25, source=ReachSource.REPORTED, channel_id=facebook.id)
    event(session, fire, date(2026, 11, 5), "reactions", 7, source=ReachSource.REPORTED, channel_id=facebook.id)
    session.flush()
    roll_up_new_events(session, now=NOW, zone=ZONE)
    session.commit()
    return ReachWorld(province, ward, hamlet, commune, other_province, campaign, scam, fire, traffic, ward_target)
