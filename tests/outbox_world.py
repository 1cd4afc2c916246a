"""An outbox with a bit of everything, for the status read and the command that prints it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus, Station
from content.models import Message
from tests.factories import make_area, make_channel, make_station
from tests.scenarios import approved_message

_keys = itertools.count(1)


@dataclass
class MixedOutbox:
    message: Message
    portal: Channel
    webhook: Channel  # paused for five more minutes
    telegram: Channel  # needs attention
    zalo: Channel  # switched off
    station: Station


def add_delivery(session: Session, message: Message, *, due_at: datetime, status: DeliveryStatus = DeliveryStatus.PLANNED,
                 channel: Channel | None = None, station: Station | None = None, **fields) -> Delivery:  # type: ignore[no-untyped-def]
    delivery = Delivery(message=message, channel=channel, station=station, due_at=due_at, status=status,
                        idempotency_key=f"outbox-{next(_keys)}", **fields)
    session.add(delivery)
    return delivery


def mixed_outbox(session: Session, now: datetime) -> MixedOutbox:
    """Committed; see each line for what it stands for. `now` is 08:00 in Hà Nội in the tests that print it."""
    message, *_ = approved_message(session, now, title="Cảnh giác cuộc gọi giả danh công an xã Tân Phong")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin xã Tân Phong")
    webhook = make_channel(session, ChannelKind.WEBHOOK, name="Webhook Công an tỉnh",
                           paused_until=now + timedelta(minutes=5), pause_reason="Máy nhận trả 429 nhiều lần liền")
    telegram = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã Tân Phong",
                            needs_attention="Telegram từ chối mã truy cập (401)")
    zalo = make_channel(session, ChannelKind.ZALO, name="Zalo OA huyện", is_enabled=False)
    # A pause that is over already is not news.
    make_channel(session, ChannelKind.FACEBOOK, name="Trang Facebook tỉnh", paused_until=now - timedelta(minutes=1),
                 pause_reason="Hết lượt gọi")
    station = make_station(session, make_area(session, name="Xã Tân Phong"), name="Đài truyền thanh xã Tân Phong")

    def add(**fields) -> Delivery:  # type: ignore[no-untyped-def]
        return add_delivery(session, message, **fields)

    add(channel=portal, due_at=now - timedelta(minutes=20))  # the oldest waiting: a tick would take it now
    add(channel=portal, due_at=now + timedelta(hours=1))  # not due yet
    add(channel=portal, due_at=now - timedelta(minutes=5), next_attempt_at=now + timedelta(seconds=30),
        attempts=1, last_error="HTTP 500")  # due, waiting out its backoff
    add(channel=webhook, due_at=now + timedelta(minutes=10))  # waiting on a paused channel
    add(channel=zalo, due_at=now + timedelta(hours=2))  # waiting on a switched-off channel
    add(channel=portal, due_at=now - timedelta(minutes=3), status=DeliveryStatus.CLAIMED, claimed_by="may-1:111",
        lease_until=now - timedelta(seconds=30))  # its worker died
    add(station=station, due_at=now - timedelta(minutes=3), status=DeliveryStatus.CLAIMED, claimed_by="may-1:111",
        lease_until=now - timedelta(seconds=90))  # the same dead worker's older lease
    add(channel=portal, due_at=now - timedelta(minutes=1), status=DeliveryStatus.CLAIMED, claimed_by="may-2:222",
        lease_until=now + timedelta(seconds=40))  # being sent by a live worker
    add(channel=portal, due_at=now - timedelta(hours=1), status=DeliveryStatus.SENT, claimed_by="may-2:222",
        sent_at=now - timedelta(hours=1))
    add(station=station, due_at=now - timedelta(hours=1), status=DeliveryStatus.SENT)
    add(channel=telegram, due_at=now - timedelta(hours=2), status=DeliveryStatus.FAILED, last_error="HTTP 401")
    add(channel=telegram, due_at=now - timedelta(hours=2), status=DeliveryStatus.UNCERTAIN,
        last_error="Hết thời gian chờ sau khi đã gửi yêu cầu")
    session.commit()
    return MixedOutbox(message=message, portal=portal, webhook=webhook, telegram=telegram, zalo=zalo, station=station)
