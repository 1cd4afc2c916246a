"""A message goes to a Telegram channel through the dispatcher with its tracked link, and the link counts clicks."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import func, select

from bench.fakes.telegram import FakeTelegram
from campaigns.credentials import generate_key, set_channel_secret, unseal
from campaigns.links import CLICK
from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus, ReachEvent, ShortLink
from campaigns.planning import plan_deliveries
from scheduler.channels import Endpoints
from scheduler.dispatch import run_tick
from scheduler.sending import DispatchSettings
from tests.factories import make_channel
from tests.scenarios import approved_message
from web.write_behind import flush_pending

TOKEN = "7301234567:AAFakeTokenXaHoaPhong_0123456789abc"
CHAT = "@anninh_dongsay"
KEY = generate_key()
BASE = "https://loa.example.vn"


@pytest.fixture
def telegram():  # type: ignore[no-untyped-def]
    with FakeTelegram(TOKEN, {CHAT: -1001234567890}) as fake:
        yield fake


def settings(key: str = KEY, *, telegram_api: str) -> DispatchSettings:
    # The fake Bot API is where the operator pointed LOA_TELEGRAM_API_BASE.
    return DispatchSettings(base_url=BASE, unseal=partial(unseal, key), endpoints=Endpoints(telegram_api=telegram_api),
                            media_path=lambda item: f"/media/{item.sha256}.png")


def planned(session, now, fake, **channel_settings):  # type: ignore[no-untyped-def]
    message, _editor, approver, _data = approved_message(session, now)
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram thôn Đồng Sậy",
                           settings={"chat_id": CHAT, **channel_settings})
    set_channel_secret(channel, KEY, TOKEN)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=5), now=now,
                                 channels=[channel])
    session.commit()
    return delivery, message


def test_the_post_carries_the_variant_and_a_tracked_link_that_counts_a_click(client, session, session_factory,
                                                                               now, telegram):
    delivery, message = planned(session, now, telegram)
    report = run_tick(session_factory, now=now + timedelta(minutes=5), worker="w1",
                      settings=settings(telegram_api=telegram.url))
    assert report.sent == 1, report
    session.expire_all()
    delivery = session.get(Delivery, delivery.id)
    link = session.scalar(select(ShortLink))
    [posted] = telegram.sent
    assert posted["text"].startswith(message.title)
    assert posted["text"].endswith(f"{BASE}/r/{link.code}")
    assert delivery.variant and delivery.variant in posted["text"]
    assert delivery.external_id == str(posted["message_id"])

    response = client.get(f"/r/{link.code}")
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/tin/{message.slug}?utm_source=telegram&utm_medium=social")
    client.head(f"/r/{link.code}")  # a link-preview crawler: not a reader
    flush_pending(client.application)  # clicks are written in batches, not by the request
    session.rollback()  # see what the app committed
    assert session.scalar(select(func.sum(ReachEvent.value)).where(ReachEvent.metric == CLICK)) == 1


def test_an_api_address_stored_in_a_channel_never_receives_its_token(session, session_factory, now, telegram):
    """Channels saved before API addresses became operator settings may still carry one: it is dead data."""
    with FakeTelegram(TOKEN, {CHAT: -1001234567890}) as elsewhere:
        delivery, _ = planned(session, now, telegram, api_base=elsewhere.url)
        report = run_tick(session_factory, now=now + timedelta(minutes=5), worker="w1",
                          settings=settings(telegram_api=telegram.url))
        assert report.sent == 1 and elsewhere.requests == [] and len(telegram.sent) == 1


def test_an_unknown_or_malformed_short_link_is_a_404(client):
    assert client.get("/r/AbCdEfGh").status_code == 404
    assert client.get("/r/../../etc").status_code == 404


def test_a_channel_secret_sealed_under_another_key_flags_the_channel_without_a_send(session, session_factory, now,
                                                                                   telegram):
    delivery, _ = planned(session, now, telegram)
    run_tick(session_factory, now=now + timedelta(minutes=5), worker="w1",
             settings=settings(generate_key(), telegram_api=telegram.url))
    session.expire_all()
    delivery = session.get(Delivery, delivery.id)
    assert telegram.sent == [] and delivery.status is DeliveryStatus.PLANNED
    assert "LOA_CREDENTIALS_KEY" in session.get(Channel, delivery.channel_id).needs_attention


def test_without_a_public_address_social_posts_wait_with_a_clear_reason(session, session_factory, now, telegram):
    delivery, _ = planned(session, now, telegram)
    run_tick(session_factory, now=now + timedelta(minutes=5), worker="w1",
             settings=DispatchSettings(unseal=partial(unseal, KEY), endpoints=Endpoints(telegram_api=telegram.url)))
    session.expire_all()
    assert telegram.sent == []
    assert "LOA_BASE_URL" in session.get(Channel, session.get(Delivery, delivery.id).channel_id).needs_attention
