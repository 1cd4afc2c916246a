"""A small published world for the feed tests: a province, its commune, another province, a topic, a campaign,
messages on each (one with a picture, one with hostile text) and one approved but never sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from campaigns.models import Campaign, ChannelKind
from campaigns.planning import plan_deliveries
from content.media import store_image
from content.messages import MessageInput, create_message, transition_message
from content.models import Area, MediaItem, Message, MessageKind, Role, Topic, User
from scheduler.dispatch import run_tick
from scheduler.sending import DispatchSettings
from tests.factories import make_area, make_channel, make_user
from tests.samples import image_bytes

BASE_URL = "https://loa.tinh-thu-nghiem.vn"
TOPIC_NAME = "Lừa đảo & chiếm đoạt <tài sản>"
HOSTILE_TITLE = "Cảnh báo <script>alert('x')</script> ]]> & lừa đảo"
HOSTILE_BODY = "Không bấm <script>alert(1)</script> vào liên kết lạ ]]> & **mã OTP** là bí mật."


@dataclass
class FeedWorld:
    province: Area
    commune: Area
    other_province: Area
    topic: Topic
    campaign: Campaign
    picture: MediaItem
    editor: User
    approver: User
    for_province: Message  # targets the province, on the topic, in the campaign, with the picture
    for_commune: Message   # targets the commune, hostile title and body
    elsewhere: Message     # targets the other province, a notice
    unsent: Message        # approved, never sent


def _message(session: Session, world_editor: User, approver: User, area: Area, now: datetime, title: str,
             body: str, **fields) -> Message:  # type: ignore[no-untyped-def]
    data = MessageInput(kind=fields.pop("kind", MessageKind.ARTICLE), title=title, body_md=body, area_id=area.id,
                        target_area_ids=(area.id,), **fields)
    message = create_message(session, world_editor, data, now=now)
    transition_message(session, message, "submit", actor=world_editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    return message


def build_feed_world(session: Session, session_factory, now: datetime,  # type: ignore[no-untyped-def]
                     media_root: Path, settings: DispatchSettings = DispatchSettings()) -> FeedWorld:
    province = make_area(session, name="Tỉnh Thanh Thủy")
    commune = make_area(session, parent=province, name="Xã Bình Minh")
    other = make_area(session, name="Tỉnh Hà Sơn")
    topic = Topic(slug="lua-dao-qua-mang", name=TOPIC_NAME)
    session.add(topic)
    editor = make_user(session, role=Role.EDITOR, area=None)
    approver = make_user(session, role=Role.APPROVER, area=None)
    picture = store_image(session, data=image_bytes(), original_name="canh-bao.png", alt_text="Tờ rơi cảnh báo",
                          uploader=editor, media_root=media_root, now=now)
    session.flush()
    for_province = _message(session, editor, approver, province, now, "Tỉnh Thanh Thủy ra quân giữ bình yên",
                            "Người dân **cảnh giác** với cuộc gọi lạ.", summary="Tóm tắt: cảnh giác cuộc gọi lạ.",
                            topic_ids=(topic.id,), image_id=picture.id)
    for_commune = _message(session, editor, approver, commune, now + timedelta(minutes=1), HOSTILE_TITLE,
                           HOSTILE_BODY)
    elsewhere = _message(session, editor, approver, other, now + timedelta(minutes=2),
                         "Hà Sơn thông báo mất điện", "Mất điện từ 8 giờ đến 10 giờ.", kind=MessageKind.NOTICE)
    unsent = _message(session, editor, approver, province, now, "Tin chưa gửi của tỉnh", "Chưa được gửi đi.",
                      topic_ids=(topic.id,))
    campaign = Campaign(plan_number="Kế hoạch số 7/KH-CA", issuing_body="Công an tỉnh Thanh Thủy",
                        title="Tháng cao điểm phòng chống lừa đảo", slug="thang-cao-diem", starts_on=date(2026, 11, 1),
                        ends_on=date(2026, 12, 31), owner_area=province, areas=[province],
                        messages=[for_province, unsent])
    session.add(campaign)
    feed = make_channel(session, ChannelKind.FEED)
    portal = make_channel(session, ChannelKind.PORTAL)
    for message in (for_province, for_commune, elsewhere):
        plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=5), now=now,
                        channels=[feed, portal])
    session.commit()
    run_tick(session_factory, now=now + timedelta(minutes=5), worker="test", settings=settings)
    for message in (for_province, for_commune, elsewhere, unsent):
        session.refresh(message)
    return FeedWorld(province, commune, other, topic, campaign, picture, editor, approver, for_province,
                     for_commune, elsewhere, unsent)
