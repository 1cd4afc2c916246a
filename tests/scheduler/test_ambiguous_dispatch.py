"""The real dispatcher against local platforms that lose their answers: nothing is posted twice by a guess.

Only run_tick's public behaviour is used: what the fakes received and what the database holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import select

from bench.fakes.telegram import FakeTelegram
from bench.fakes.webhook import WebhookReceiver
from campaigns.credentials import generate_key, set_channel_secret, unseal
from campaigns.destinations import parse_allowed_hosts
from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from campaigns.uncertain_sends import confirm_posted, send_again
from content.models import MessageStatus, Role, User
from scheduler import channels
from scheduler.channels import Endpoints
from scheduler.channels.telegram import TelegramChannel
from scheduler.channels.webhook import SignedWebhook
from scheduler.dispatch import run_tick
from scheduler.sending import DispatchSettings
from tests.factories import make_channel
from tests.outcome_sockets import refused_url, unanswered_url
from tests.scenarios import approved_message

TOKEN = "7301234567:AAFakeTokenXaBacHa_0123456789abcdef"
CHAT = "@anninh_bacha"
SECRET = "whsec_xa-bac-ha_7e51"
KEY = generate_key()
BASE = "https://loa.example.vn"
QUICK = (0.3, 0.3)  # connect, read: the fakes answer in milliseconds when they answer at all


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with FakeTelegram(TOKEN, {CHAT: -1001234500000}) as fake:
        yield fake


@pytest.fixture
def quick_connectors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real connectors with short timeouts, so a lost answer costs a fraction of a second, not 15 s."""
    monkeypatch.setitem(channels.REGISTRY, "telegram",
                        lambda endpoints: TelegramChannel(timeout=QUICK, api_base=endpoints.telegram_api))
    monkeypatch.setitem(channels.REGISTRY, "webhook",
                        lambda endpoints: SignedWebhook(timeout=QUICK, allowed_hosts=endpoints.webhook_allowed_hosts))


def settings(*, telegram_api: str = "http://127.0.0.1:9", allowed: str = "") -> DispatchSettings:
    return DispatchSettings(base_url=BASE, unseal=partial(unseal, KEY),
                            endpoints=Endpoints(telegram_api=telegram_api,
                                                webhook_allowed_hosts=parse_allowed_hosts(allowed)))


def planned(session, now, kind: ChannelKind, channel_settings: dict, secret: str) -> Delivery:  # type: ignore[no-untyped-def]
    message, _editor, _approver, _data = approved_message(session, now, title="Xã Bắc Hà ra quân tuần tra đêm")
    channel = make_channel(session, kind, name=f"Kênh {kind.value} xã Bắc Hà", settings=channel_settings)
    set_channel_secret(channel, KEY, secret)
    [delivery] = plan_deliveries(session, message, actor=_approver, due_at=now + timedelta(minutes=5), now=now,
                                 channels=[channel])
    session.commit()
    return delivery


def reload(session, delivery) -> Delivery:  # type: ignore[no-untyped-def]
    """The delivery as committed now: a new snapshot (SQLite keeps a reading transaction's old one), then a fresh read."""
    session.rollback()
    session.expire_all()
    return session.get(Delivery, delivery.id)


def telegram_delivery(session, now) -> Delivery:  # type: ignore[no-untyped-def]
    return planned(session, now, ChannelKind.TELEGRAM, {"chat_id": CHAT}, TOKEN)


def test_a_telegram_post_whose_answer_was_cut_off_is_not_posted_again(session, session_factory, now, telegram):
    delivery = telegram_delivery(session, now)
    telegram.drop_after_handling()
    due = now + timedelta(minutes=5)
    run_tick(session_factory, now=due, worker="w1", settings=settings(telegram_api=telegram.url))
    # Later ticks, including well past any lease or backoff, leave it to a person.
    for later in (timedelta(seconds=30), timedelta(hours=1), timedelta(days=1)):
        run_tick(session_factory, now=due + later, worker="w2", settings=settings(telegram_api=telegram.url))
    assert len(telegram.sent) == 1 and len(telegram.requests) == 1
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.UNCERTAIN and delivery.attempts == 1
    assert "Cần người xem trên Telegram" in delivery.last_error and TOKEN not in delivery.last_error
    assert delivery.claimed_by is None and delivery.lease_until is None


def test_a_telegram_answer_after_the_read_timeout_is_uncertain_too(session, session_factory, now, telegram,
                                                                   quick_connectors):
    delivery = telegram_delivery(session, now)
    telegram.answer_late(1.0)
    due = now + timedelta(minutes=5)
    run_tick(session_factory, now=due, worker="w1", settings=settings(telegram_api=telegram.url))
    run_tick(session_factory, now=due + timedelta(hours=1), worker="w1", settings=settings(telegram_api=telegram.url))
    assert len(telegram.sent) == 1
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.UNCERTAIN and "quá thời gian chờ trả lời" in delivery.last_error


def test_a_refused_connection_is_retried_and_posted_once_the_platform_is_back(session, session_factory, now,
                                                                               telegram):
    delivery = telegram_delivery(session, now)
    due = now + timedelta(minutes=5)
    run_tick(session_factory, now=due, worker="w1", settings=settings(telegram_api=refused_url()))
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.PLANNED and delivery.next_attempt_at > due
    assert "không kết nối được" in delivery.last_error
    run_tick(session_factory, now=due + timedelta(hours=1), worker="w1", settings=settings(telegram_api=telegram.url))
    assert len(telegram.sent) == 1 and reload(session, delivery).status is DeliveryStatus.SENT


def test_a_connect_timeout_is_retried_not_left_uncertain(session, session_factory, now, quick_connectors):
    delivery = telegram_delivery(session, now)
    due = now + timedelta(minutes=5)
    with unanswered_url() as url:
        run_tick(session_factory, now=due, worker="w1", settings=settings(telegram_api=url))
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.PLANNED and delivery.next_attempt_at > due
    assert "quá thời gian chờ kết nối" in delivery.last_error


def test_a_webhook_timeout_is_retried_and_the_receiver_drops_the_repeat(session, session_factory, now,
                                                                         quick_connectors):
    with WebhookReceiver(SECRET) as receiver:
        delivery = planned(session, now, ChannelKind.WEBHOOK, {"url": f"{receiver.url}/nhan-tin"}, SECRET)
        receiver.answer_late(1.0)
        due = now + timedelta(minutes=5)
        run_tick(session_factory, now=due, worker="w1", settings=settings(allowed="127.0.0.1"))
        middle = reload(session, delivery)
        assert middle.status is DeliveryStatus.PLANNED and "Idempotency-Key" in middle.last_error
        run_tick(session_factory, now=due + timedelta(hours=1), worker="w1", settings=settings(allowed="127.0.0.1"))
        assert len(receiver.accepted) == 1 and receiver.duplicates == [delivery.idempotency_key]
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.SENT and delivery.external_id == receiver.accepted[delivery.idempotency_key]


def approver(session, delivery) -> User:  # type: ignore[no-untyped-def]
    return session.scalar(select(User).where(User.area_id == delivery.message.area_id, User.role == Role.APPROVER))


def test_after_send_again_the_next_tick_posts_it(session, session_factory, now, telegram):
    delivery = telegram_delivery(session, now)
    telegram.drop_after_handling()
    due = now + timedelta(minutes=5)
    run_tick(session_factory, now=due, worker="w1", settings=settings(telegram_api=telegram.url))
    delivery = reload(session, delivery)
    send_again(session, delivery, actor=approver(session, delivery), now=due + timedelta(minutes=10))
    session.commit()
    run_tick(session_factory, now=due + timedelta(minutes=10), worker="w1", settings=settings(telegram_api=telegram.url))
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.SENT and delivery.attempts == 2
    assert delivery.external_id == str(telegram.sent[-1]["message_id"]) and len(telegram.sent) == 2


def test_after_it_was_posted_no_tick_sends_it(session, session_factory, now, telegram):
    delivery = telegram_delivery(session, now)
    telegram.drop_after_handling()
    due = now + timedelta(minutes=5)
    run_tick(session_factory, now=due, worker="w1", settings=settings(telegram_api=telegram.url))
    delivery = reload(session, delivery)
    confirm_posted(session, delivery, actor=approver(session, delivery), now=due + timedelta(minutes=10),
                   external_id=str(telegram.sent[0]["message_id"]))
    session.commit()
    run_tick(session_factory, now=due + timedelta(hours=2), worker="w1", settings=settings(telegram_api=telegram.url))
    delivery = reload(session, delivery)
    assert len(telegram.sent) == 1 and delivery.status is DeliveryStatus.SENT
    assert delivery.message.status is MessageStatus.PUBLISHED
