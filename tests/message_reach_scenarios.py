"""A province message with reach on every kind of channel over two days, shared by the domain and web tests.

Tỉnh Thanh Thủy (120,000 people) has Xã An Lạc (9,000; its station covers 5,000) and Phường Bình Minh
(its station has no coverage figure). The message went to the portal, a Facebook page and a Telegram
channel of the province, and was aired in both communes. Another province's message has figures too,
which must never show on this one's page.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from campaigns.links import BOT_CLICK, CLICK
from campaigns.models import (
    Airing,
    AiringStatus,
    Channel,
    ChannelKind,
    Delivery,
    DeliveryStatus,
    ReachEvent,
    ReachSource,
    Station,
)
from campaigns.platform_metrics import record_platform_reading
from campaigns.reach_rollups import roll_up_new_events
from campaigns.visits import BOT_VIEW, VIEW, VISITOR
from content.models import Area, Message
from tests.factories import make_area, make_channel, make_station
from tests.scenarios import approved

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY1, DAY2 = date(2026, 11, 24), date(2026, 11, 25)
PUBLISHED = datetime(2026, 11, 24, 0, 30, tzinfo=timezone.utc)  # 07:30 on DAY1 in Hà Nội
AFTER = datetime(2026, 11, 26, 5, 0, tzinfo=timezone.utc)  # the rollup job has seen everything
_keys = itertools.count(1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(timezone.utc)


@dataclass
class ReachWorld:
    province: Area
    commune: Area
    ward: Area
    other_province: Area
    message: Message
    other_message: Message
    portal: Channel
    facebook: Channel
    telegram: Channel
    station: Station
    unmeasured: Station


def _sent(session: Session, message: Message, channel: Channel, external_id: str | None) -> Delivery:
    delivery = Delivery(message=message, channel=channel, due_at=PUBLISHED, status=DeliveryStatus.SENT,
                        sent_at=PUBLISHED, external_id=external_id, idempotency_key=f"tiep-can-{next(_keys)}")
    session.add(delivery)
    session.flush()
    return delivery


def _aired(session: Session, message: Message, station: Station, aired_at: datetime) -> None:
    delivery = Delivery(message=message, station=station, due_at=aired_at, status=DeliveryStatus.SENT,
                        sent_at=aired_at, idempotency_key=f"tiep-can-{next(_keys)}")
    session.add(delivery)
    session.flush()
    session.add(Airing(delivery_id=delivery.id, station_id=station.id, status=AiringStatus.AIRED, aired_at=aired_at))


def _event(session: Session, message: Message, metric: str, value: float, moment: datetime, *,
           kind: ReachSource = ReachSource.MEASURED, channel: Channel | None = None, station: Station | None = None,
           area: Area | None = None) -> None:
    session.add(ReachEvent(message_id=message.id, channel_id=channel.id if channel else None,
                           station_id=station.id if station else None, area_id=area.id if area else None,
                           metric=metric, source=kind, value=value, occurred_at=moment,
                           recorded_at=moment + timedelta(minutes=1)))


def reach_world(session: Session) -> ReachWorld:
    province = make_area(session, name="Tỉnh Thanh Thủy", population=120_000)
    commune = make_area(session, parent=province, name="Xã An Lạc", population=9_000)
    ward = make_area(session, parent=province, name="Phường Bình Minh", population=6_000)
    other_province = make_area(session, name="Tỉnh Hà Sơn", population=80_000)
    other_commune = make_area(session, parent=other_province, name="Xã Tân Tiến")
    message, _ = approved(session, province, PUBLISHED, title="Cảnh giác lừa đảo chiếm đoạt tài khoản ngân hàng")
    message.published_at = PUBLISHED
    other_message, _ = approved(session, other_province, PUBLISHED, title="Phòng chống đuối nước cho trẻ em")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh")
    facebook = make_channel(session, ChannelKind.FACEBOOK, name="Trang Facebook Công an tỉnh", area_id=province.id)
    telegram = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram tỉnh", area_id=province.id)
    station = make_station(session, commune, name="Đài truyền thanh xã An Lạc", coverage_population=5_000)
    unmeasured = make_station(session, ward, name="Đài truyền thanh phường Bình Minh")
    other_station = make_station(session, other_commune, name="Đài xã Tân Tiến", coverage_population=7_000)

    _sent(session, message, portal, None)
    posted = _sent(session, message, facebook, "fb-bai-1")
    _sent(session, message, telegram, "tg-1")
    # Portal: views, visitors and bots are recorded for no area and no channel.
    for day, views, visitors, bots in ((DAY1, 120, 50, 40), (DAY2, 80, 30, 0)):
        _event(session, message, VIEW, views, at(day, 9))
        _event(session, message, VISITOR, visitors, at(day, 0))
        if bots:
            _event(session, message, BOT_VIEW, bots, at(day, 10))
    # Tracked links are recorded for the message's area.
    _event(session, message, CLICK, 12, at(DAY1, 8), channel=facebook, area=province)
    _event(session, message, BOT_CLICK, 3, at(DAY1, 8), channel=facebook, area=province)
    _event(session, message, CLICK, 7, at(DAY2, 20), channel=telegram, area=province)
    # Loudspeakers: two airings in An Lạc on DAY1, one in Bình Minh (no coverage figure) on DAY2.
    for hour in (6, 17):
        _aired(session, message, station, at(DAY1, hour))
        _event(session, message, "loudspeaker_listeners", 5_000, at(DAY1, hour), kind=ReachSource.ESTIMATED,
               station=station, area=commune)
    _aired(session, message, unmeasured, at(DAY2, 6))
    # The other province's message, everywhere it can be.
    _sent(session, other_message, portal, None)
    _event(session, other_message, VIEW, 999, at(DAY1, 9))
    _event(session, other_message, VISITOR, 777, at(DAY1, 9))
    _aired(session, other_message, other_station, at(DAY1, 6))
    _event(session, other_message, "loudspeaker_listeners", 7_000, at(DAY1, 6), kind=ReachSource.ESTIMATED,
           station=other_station, area=other_commune)
    session.flush()
    # Facebook was read twice: only the newer snapshot counts.
    record_platform_reading(session, posted.id, "1h", values={"post_total_media_view_unique": 900, "reactions": 40},
                            api_version="v23.0", now=at(DAY1, 9))
    record_platform_reading(session, posted.id, "24h", values={"post_total_media_view_unique": 1_500, "reactions": 55},
                            api_version="v23.0", now=at(DAY2, 8))
    roll_up_new_events(session, now=AFTER, zone=ZONE)
    session.commit()
    return ReachWorld(province, commune, ward, other_province, message, other_message, portal, facebook, telegram,
                      station, unmeasured)
