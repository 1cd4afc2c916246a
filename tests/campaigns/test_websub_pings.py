"""Ping intents: a portal or feed send queues one ping per feed the message is in, only with a hub configured."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bench.fakes.websub_hub import WebSubHub
from campaigns.websub import announce, announce_change
from campaigns.websub_models import WebSubPing
from content.messages import transition_message
from scheduler.sending import DispatchSettings
from scheduler.websub_job import WebSubSettings, run_websub_pings
from tests.feed_world import BASE_URL, FeedWorld, build_feed_world

HUB = "https://hub.thu-nghiem.vn/"


def _world(session, session_factory, now, tmp_path, hub: str = HUB) -> FeedWorld:  # type: ignore[no-untyped-def]
    return build_feed_world(session, session_factory, now, tmp_path / "media",
                            DispatchSettings(base_url=BASE_URL, websub_hub=hub))


def _pending(session) -> list[str]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(WebSubPing.topic_url).where(WebSubPing.done_at.is_(None))
                                .order_by(WebSubPing.id)))


def _both(*paths: str) -> set[str]:
    return {f"{BASE_URL}{path}/feed.{fmt}" for path in paths for fmt in ("rss", "atom")}


def test_publishing_queues_every_feed_that_lists_a_message_once(session, session_factory, now, tmp_path) -> None:
    world = _world(session, session_factory, now, tmp_path)
    # Parallel sends may each queue the site's feeds (PostgreSQL does not serialise them); the job pings a feed
    # once per run however many rows wait for it (tests/scheduler/test_websub_job.py).
    pending = _pending(session)
    areas = [f"/dia-ban/{a.code}" for a in (world.province, world.commune, world.other_province)]
    assert set(pending) == _both("", "/loai/article", "/loai/notice", "/chien-dich/thang-cao-diem",
                                 "/chu-de/lua-dao-qua-mang", *areas)


def test_the_hub_hears_of_each_published_feed_once(session, session_factory, clock, now, tmp_path) -> None:
    with WebSubHub() as hub:
        world = _world(session, session_factory, now, tmp_path, hub=hub.url)
        clock.set(now + timedelta(minutes=6))  # just after the world's deliveries went out
        report = run_websub_pings(session_factory, settings=WebSubSettings(hub=hub.url), clock=clock)
    assert len(hub.published) == len(set(hub.published)) == report.sent == 16
    assert f"{BASE_URL}/dia-ban/{world.commune.code}/feed.rss" in hub.published


def test_a_message_pings_its_campaign_topic_kind_and_the_areas_whose_feeds_list_it(
        session, session_factory, now, tmp_path) -> None:
    world = _world(session, session_factory, now, tmp_path, hub="")
    assert _pending(session) == [], "no hub configured: nothing is queued"
    # Targets the province: the province's feed and its commune's (which carries the province's news) list it.
    assert announce(session, world.for_province, base_url=BASE_URL + "/", now=now) == 12
    assert announce(session, world.for_province, base_url=BASE_URL, now=now) == 0, "already waiting: not queued twice"
    assert set(_pending(session)) == _both("", "/loai/article", "/chien-dich/thang-cao-diem", "/chu-de/lua-dao-qua-mang",
                                           f"/dia-ban/{world.province.code}", f"/dia-ban/{world.commune.code}")
    session.query(WebSubPing).delete()
    # Targets the commune: not the province's feed, which does not list what targets its communes.
    announce(session, world.for_commune, base_url=BASE_URL, now=now)
    assert set(_pending(session)) == _both("", "/loai/article", f"/dia-ban/{world.commune.code}")


def test_nothing_is_queued_without_a_base_url(session, session_factory, now, tmp_path) -> None:
    world = _world(session, session_factory, now, tmp_path, hub="")
    assert announce(session, world.elsewhere, base_url="", now=now) == 0
    assert _pending(session) == []


def test_withdrawing_a_published_message_pings_its_feeds_but_an_unsent_one_pings_nothing(
        session, session_factory, now, tmp_path) -> None:
    world = _world(session, session_factory, now, tmp_path, hub="")
    assert announce_change(session, world.unsent, base_url=BASE_URL, now=now) == 0
    transition_message(session, world.elsewhere, "archive", actor=world.approver, now=now)
    assert announce_change(session, world.elsewhere, base_url=BASE_URL, now=now) == 6
    assert set(_pending(session)) == _both("", "/loai/notice", f"/dia-ban/{world.other_province.code}")
