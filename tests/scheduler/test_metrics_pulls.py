"""The metrics job end to end: posts sent through the fakes, read back at +1 h, +24 h and +7 d."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial

import pytest
from sqlalchemy import select

from bench.fakes.facebook import FakeFacebook
from bench.fakes.zalo import FakeZalo
from campaigns.credentials import generate_key, set_channel_secret, unseal
from campaigns.models import ChannelKind, Delivery, DeliveryMetricPull, DeliveryStatus, ReachEvent, ReachSource
from campaigns.planning import plan_deliveries
from campaigns.platform_metrics import MAX_PULL_ATTEMPTS, OVERTAKEN, REPORTING_KINDS, latest_platform_metrics
from scheduler.channels import Endpoints
from scheduler.channels.metrics import METRICS_REGISTRY
from scheduler.dispatch import run_tick
from scheduler.metrics_pulls import run_metrics_pulls
from scheduler.sending import DispatchSettings
from tests.factories import make_channel
from tests.scenarios import approved_message

KEY = generate_key()
PAGE_ID = "104857600123456"
PAGE_TOKEN = "EAAGm0PX4ZCpsBAFakeTokenCongAnXaHoaPhong3f9a"
OA_TOKEN = "zaloOA_FakeAccessToken_XaHoaPhong_8c21"


@pytest.fixture
def facebook() -> Iterator[FakeFacebook]:
    with FakeFacebook(PAGE_ID, PAGE_TOKEN) as fake:
        yield fake


@pytest.fixture
def oa() -> Iterator[FakeZalo]:
    with FakeZalo(OA_TOKEN) as fake:
        yield fake


def settings_for(facebook: FakeFacebook, oa: FakeZalo | None = None) -> DispatchSettings:
    endpoints = Endpoints(facebook_api=facebook.url, **({"zalo_api": oa.url} if oa else {}))
    return DispatchSettings(base_url="https://loa.example.vn", unseal=partial(unseal, KEY), endpoints=endpoints)


def sent(session, session_factory, now, settings, *channels):
    """One message sent to the given channels by the real dispatch tick: (message, deliveries)."""
    message, _editor, approver, _data = approved_message(session, now)
    deliveries = plan_deliveries(session, message, actor=approver, due_at=now, now=now, channels=list(channels))
    session.commit()
    assert run_tick(session_factory, now=now, worker="w1", settings=settings).sent == len(deliveries)
    session.expire_all()
    return message, [session.get(Delivery, delivery.id) for delivery in deliveries]


def facebook_channel(session):
    channel = make_channel(session, ChannelKind.FACEBOOK, name="Trang Công an xã", settings={"page_id": PAGE_ID})
    set_channel_secret(channel, KEY, PAGE_TOKEN)
    return channel


def pulls(session, delivery):
    session.rollback()  # a new snapshot: the job committed from its own sessions
    return {pull.slot: pull for pull in session.scalars(
        select(DeliveryMetricPull).where(DeliveryMetricPull.delivery_id == delivery.id))}


def test_the_domain_and_the_registry_agree_on_which_platforms_report():
    assert {kind.value for kind in REPORTING_KINDS} == set(METRICS_REGISTRY)


def test_figures_are_read_at_each_slot_and_only_the_newest_snapshot_counts(session, session_factory, now, facebook):
    settings = settings_for(facebook)
    message, [delivery] = sent(session, session_factory, now, settings, facebook_channel(session))
    post_id = delivery.external_id
    assert post_id == facebook.posts[-1]["id"]
    facebook.figures[post_id] = {"reactions": 12, "comments": 3, "shares": 1, "post_media_view": 400,
                                 "post_total_media_view_unique": 310}
    assert run_metrics_pulls(session_factory, now=delivery.sent_at + timedelta(minutes=59), settings=settings).read == 0
    assert run_metrics_pulls(session_factory, now=delivery.sent_at + timedelta(hours=1), settings=settings).read == 1
    # Done: the next run before +24 h reads nothing.
    assert run_metrics_pulls(session_factory, now=delivery.sent_at + timedelta(hours=5), settings=settings).read == 0
    facebook.figures[post_id] = {"reactions": 40, "comments": 9, "shares": 4, "post_media_view": 2100,
                                 "post_total_media_view_unique": 1500}
    day = delivery.sent_at + timedelta(hours=24)
    assert run_metrics_pulls(session_factory, now=day, settings=settings).read == 1

    session.rollback()
    [figures] = latest_platform_metrics(session, message)
    assert figures.available and figures.kind is ChannelKind.FACEBOOK
    assert {name: figure.value for name, figure in figures.figures.items()} == {
        "reactions": 40, "comments": 9, "shares": 4, "post_media_view": 2100, "post_total_media_view_unique": 1500}
    views = figures.figures["post_media_view"]
    assert (views.api_version, views.source, views.read_at) == ("v25.0", ReachSource.REPORTED, day)
    # Both snapshots are kept (the curve), each labelled; the read function never adds them up.
    events = session.scalars(select(ReachEvent).where(ReachEvent.metric == "post_media_view")).all()
    assert sorted(event.value for event in events) == [400, 2100]
    assert all(event.source is ReachSource.REPORTED and event.channel_id == delivery.channel_id for event in events)
    assert latest_platform_metrics(session, delivery) == [figures]
    assert {slot: pull.done_at is not None for slot, pull in pulls(session, delivery).items()} == {"1h": True,
                                                                                                   "24h": True}


def test_failures_are_recorded_and_retried_without_losing_the_schedule(session, session_factory, now, facebook):
    settings = settings_for(facebook)
    _message, [delivery] = sent(session, session_factory, now, settings, facebook_channel(session))
    facebook.figures[delivery.external_id] = {"reactions": 5}
    hour = delivery.sent_at + timedelta(hours=1)
    facebook.queue(facebook.throttle_reply(code=32, regain_minutes=20))
    report = run_metrics_pulls(session_factory, now=hour, settings=settings)
    assert (report.read, report.failed) == (0, 1)
    pull = pulls(session, delivery)["1h"]
    assert pull.done_at is None and pull.attempts == 1 and "(mã 32)" in pull.last_error
    assert pull.next_attempt_at >= hour + timedelta(minutes=20)
    assert PAGE_TOKEN not in pull.last_error
    assert run_metrics_pulls(session_factory, now=hour + timedelta(minutes=19), settings=settings).read == 0
    facebook.fail(status=500)
    retry = pull.next_attempt_at
    assert run_metrics_pulls(session_factory, now=retry, settings=settings).failed == 1
    pull = pulls(session, delivery)["1h"]
    assert pull.attempts == 2 and "tạm thời (mã 1)" in pull.last_error
    assert run_metrics_pulls(session_factory, now=pull.next_attempt_at, settings=settings).read == 1
    pull = pulls(session, delivery)["1h"]
    assert pull.done_at is not None and pull.last_error is None and pull.attempts == 3


def test_an_expired_token_waits_hours_and_a_pull_is_given_up_after_the_last_attempt(session, session_factory, now,
                                                                                     facebook):
    settings = settings_for(facebook)
    _message, [delivery] = sent(session, session_factory, now, settings, facebook_channel(session))
    facebook.reject_token()
    hour = delivery.sent_at + timedelta(hours=1)
    assert run_metrics_pulls(session_factory, now=hour, settings=settings).failed == 1
    first = pulls(session, delivery)["1h"]
    # An admin must renew the token: asked again only hours later, and the next slot is not lost meanwhile.
    assert first.next_attempt_at - hour >= timedelta(hours=6) and "190" in first.last_error
    facebook.figures[delivery.external_id] = {"reactions": 1}
    assert run_metrics_pulls(session_factory, now=delivery.sent_at + timedelta(hours=24), settings=settings).read == 1
    assert pulls(session, delivery)["1h"].last_error == OVERTAKEN

    moment = delivery.sent_at + timedelta(days=7)
    facebook.reject_token(times=MAX_PULL_ATTEMPTS)
    for attempt in range(1, MAX_PULL_ATTEMPTS + 1):
        assert run_metrics_pulls(session_factory, now=moment, settings=settings).failed == 1
        pull = pulls(session, delivery)["7d"]
        assert pull.attempts == attempt and "190" in pull.last_error
        assert (pull.done_at is None) == (attempt < MAX_PULL_ATTEMPTS)
        if attempt < MAX_PULL_ATTEMPTS:
            moment = pull.next_attempt_at
    assert pull.done_at is not None and pull.next_attempt_at is None
    assert run_metrics_pulls(session_factory, now=moment + timedelta(days=1), settings=settings).failed == 0
    session.rollback()
    assert len(session.scalars(select(ReachEvent).where(ReachEvent.metric == "reactions")).all()) == 1


def test_a_late_job_reads_once_at_the_latest_slot_and_closes_the_overtaken_ones(session, session_factory, now,
                                                                                facebook):
    settings = settings_for(facebook)
    _message, [delivery] = sent(session, session_factory, now, settings, facebook_channel(session))
    facebook.figures[delivery.external_id] = {"reactions": 7}
    report = run_metrics_pulls(session_factory, now=delivery.sent_at + timedelta(days=8), settings=settings)
    assert report.read == 1
    state = pulls(session, delivery)
    assert state["1h"].last_error == OVERTAKEN and state["24h"].last_error == OVERTAKEN
    assert state["7d"].done_at is not None and state["7d"].last_error is None
    session.rollback()
    assert len(session.scalars(select(ReachEvent).where(ReachEvent.metric == "reactions")).all()) == 1
    assert run_metrics_pulls(session_factory, now=delivery.sent_at + timedelta(days=30), settings=settings).read == 0


def test_zalo_views_are_read_and_telegram_is_listed_as_not_available(session, session_factory, now, facebook, oa,
                                                                     monkeypatch):
    from scheduler import channels

    class Accepting:
        def send(self, outgoing):
            return "-1001234567890:42"

    monkeypatch.setitem(channels.REGISTRY, "telegram", lambda endpoints: Accepting())
    zalo = make_channel(session, ChannelKind.ZALO, name="OA xã Hòa Phong",
                        settings={"default_cover_url": "https://loa.example.vn/media/bia.jpg", "verify_interval": 0})
    set_channel_secret(zalo, KEY, OA_TOKEN)
    telegram = make_channel(session, ChannelKind.TELEGRAM, name="Nhóm Telegram thôn", settings={"chat_id": "@thon"})
    settings = settings_for(facebook, oa)
    message, deliveries = sent(session, session_factory, now, settings, zalo, telegram)
    article = next(d for d in deliveries if d.channel_id == zalo.id)
    oa.figures[article.external_id] = {"total_view": 812, "total_share": 6}
    latest = max(d.sent_at for d in deliveries)
    assert run_metrics_pulls(session_factory, now=latest + timedelta(hours=1), settings=settings).read == 1
    session.rollback()
    by_channel = {figures.channel_id: figures for figures in latest_platform_metrics(session, message)}
    assert {name: f.value for name, f in by_channel[zalo.id].figures.items()} == {"total_view": 812, "total_share": 6}
    assert by_channel[zalo.id].figures["total_view"].api_version == "v2.0"
    assert not by_channel[telegram.id].available and by_channel[telegram.id].figures == {}
    assert pulls(session, next(d for d in deliveries if d.channel_id == telegram.id)) == {}


def test_a_delivery_not_sent_has_no_figures_and_no_pull(session, session_factory, now, facebook):
    message, _editor, approver, _data = approved_message(session, now)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(days=1), now=now,
                                 channels=[facebook_channel(session)])
    session.commit()
    assert run_metrics_pulls(session_factory, now=now + timedelta(days=3), settings=settings_for(facebook)).read == 0
    assert latest_platform_metrics(session, message) == [] and pulls(session, delivery) == {}
    assert session.get(Delivery, delivery.id).status is DeliveryStatus.PLANNED
