"""Messages taken part of the way, shared by domain and web tests: approved, planned, due on a channel."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from campaigns.models import ChannelKind, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.messages import MessageInput, create_message, transition_message
from content.models import Area, MessageKind, Role
from tests.factories import make_area, make_channel, make_user

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def approved_message(session, now, **fields):
    """An article written and approved in a new area: (message, editor, approver, input)."""
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    data = MessageInput(kind=MessageKind.ARTICLE, title=fields.get("title", "Phòng chống trộm cắp xe máy"),
                        body_md="Khóa xe cẩn thận, **không để chìa** trên xe.", area_id=area.id)
    message = create_message(session, editor, data, now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    return message, editor, approver, data


def planned(session, now, kind=ChannelKind.PORTAL, due_in=timedelta(hours=1)):
    """An approved message planned on one new channel, committed: (delivery, message, editor, input)."""
    message, editor, approver, data = approved_message(session, now)
    channel = make_channel(session, kind)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + due_in, now=now, channels=[channel])
    session.commit()
    return delivery, message, editor, data


def reload(session, row):
    """The delivery (or any row) as the database has it now, not as this session remembers it."""
    session.expire_all()
    return session.get(type(row), row.id)


def approved(session, area: Area, now: datetime, title: str = "Cảnh giác thủ đoạn lừa đảo qua điện thoại"):
    """An article written and approved in `area`: (message, approver)."""
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    message = create_message(session, editor, MessageInput(
        kind=MessageKind.ARTICLE, title=title, body_md="Không chuyển tiền cho người lạ gọi điện.", area_id=area.id),
        now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    return message, approver


def telegram_delivery(session, now, status=DeliveryStatus.PLANNED):  # type: ignore[no-untyped-def]
    """A delivery to a commune's Telegram channel, due in two hours, left in `status` with a sending error."""
    message, _editor, approver, _data = approved_message(session, now)
    approver.username = "pheduyet"
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã")
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=2), now=now,
                                 channels=[channel])
    delivery.status, delivery.last_error = status, "Telegram trả lỗi 500 (Internal Server Error)"
    session.commit()
    return delivery
