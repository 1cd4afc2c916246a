"""The web layer owns a message's public path: tracked links and sent posts use whichever path they are handed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from campaigns.links import find_target, short_link
from campaigns.models import ChannelKind, Delivery
from campaigns.planning import plan_deliveries
from content.models import Message
from scheduler.sending import DispatchSettings, build_outgoing
from tests.factories import make_channel
from tests.scenarios import approved_message


def elsewhere(message: Message) -> str:
    return f"/bai-viet/{message.slug}"


def test_a_tracked_link_leads_to_the_injected_path(session, now):
    message, *_ = approved_message(session, now, title="Cảnh giác cuộc gọi giả danh công an")
    link = short_link(session, message, make_channel(session, ChannelKind.TELEGRAM), now=now)

    target = find_target(session, link.code, message_path=elsewhere)

    assert target is not None
    assert target.location.startswith(f"/bai-viet/{message.slug}?utm_source=telegram&utm_medium=social")
    assert "/tin/" not in target.location


def webhook_delivery(session: Session, now: datetime) -> Delivery:
    message, _, approver, _ = approved_message(session, now, title="Khóa xe cẩn thận khi đi chợ")
    channel = make_channel(session, ChannelKind.WEBHOOK, settings={"url": "https://nhan.example.vn/loa"})
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now, now=now, channels=[channel])
    return delivery


def test_a_sent_post_carries_the_injected_path(session, now):
    delivery = webhook_delivery(session, now)
    settings = DispatchSettings(base_url="https://loa.example.vn/", message_path=elsewhere)

    outgoing = build_outgoing(session, delivery, settings, now=now)

    assert outgoing.url == f"https://loa.example.vn/bai-viet/{delivery.message.slug}"


def test_without_a_path_a_post_names_no_page_rather_than_a_guessed_one(session, now):
    delivery = webhook_delivery(session, now)

    assert build_outgoing(session, delivery, DispatchSettings(base_url="https://loa.example.vn"), now=now).url == ""

