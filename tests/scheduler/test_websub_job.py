"""The ping job against a local hub: one ping per feed per run, backing off on 429/5xx/timeouts, giving up in the end."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bench.fakes.websub_hub import WebSubHub
from campaigns.websub import claim_pings
from campaigns.websub_models import WebSubPing
from scheduler.jobs import make_scheduler
from scheduler.sending import DispatchSettings
from scheduler.websub_job import LEASE, PingReport, WebSubSettings, run_websub_pings

SITE = "https://loa.tinh-thu-nghiem.vn/feed.rss"
AREA = "https://loa.tinh-thu-nghiem.vn/dia-ban/T0001/feed.atom"


@pytest.fixture
def hub() -> Iterator[WebSubHub]:
    with WebSubHub() as fake:
        yield fake  # type: ignore[misc]


def _queue(session, now: datetime, *urls: str) -> None:  # type: ignore[no-untyped-def]
    session.add_all(WebSubPing(topic_url=url, due_at=now, attempts=0) for url in urls)
    session.commit()


def _rows(session) -> list[WebSubPing]:  # type: ignore[no-untyped-def]
    session.rollback()  # a fresh transaction: the job wrote from its own sessions
    return list(session.scalars(select(WebSubPing).order_by(WebSubPing.id)))


def _settings(hub: WebSubHub, **overrides) -> WebSubSettings:  # type: ignore[no-untyped-def]
    return WebSubSettings(hub=f"{hub.url}/publish", **overrides)


def test_each_feed_is_pinged_once_as_a_publish_form(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE, AREA, SITE, SITE)
    report = run_websub_pings(session_factory, settings=_settings(hub), clock=clock)
    assert report == PingReport(sent=2)
    assert sorted(hub.published) == sorted([SITE, AREA])
    assert {r.path for r in hub.requests} == {"/publish"}
    assert hub.requests[0].form() == {"hub.mode": "publish", "hub.url": hub.published[0]}
    assert all(r.done_at == now and r.last_error is None for r in _rows(session))
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport()
    assert len(hub.requests) == 2, "a ping the hub took is not sent again"


def test_a_ping_not_yet_due_waits(session, session_factory, clock, now, hub) -> None:
    _queue(session, now + timedelta(minutes=1), SITE)
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport()
    assert hub.requests == []


def test_a_throttled_ping_waits_at_least_as_long_as_retry_after(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    hub.throttle(retry_after=900)
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport(retrying=1)
    [row] = _rows(session)
    assert row.done_at is None and row.attempts == 1 and "429" in (row.last_error or "")
    assert row.due_at >= now + timedelta(seconds=900)
    clock.set(now + timedelta(seconds=899))
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport()
    clock.set(row.due_at)
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport(sent=1)
    assert hub.published == [SITE]
    [row] = _rows(session)
    assert row.done_at is not None and row.attempts == 2 and row.last_error is None


def test_a_server_error_is_retried_later(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    hub.fail(status=500)
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport(retrying=1)
    [row] = _rows(session)
    assert "500" in (row.last_error or "") and row.due_at > now and row.done_at is None


def test_a_hub_that_does_not_answer_in_time_is_retried_later(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    hub.delay(1.0)
    report = run_websub_pings(session_factory, settings=_settings(hub, timeout=(1.0, 0.2)), clock=clock)
    assert report == PingReport(retrying=1)
    [row] = _rows(session)
    assert "quá thời gian chờ" in (row.last_error or "") and row.done_at is None


def test_it_gives_up_after_the_last_attempt_and_says_why(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    hub.fail(status=503, times=3)
    for attempt in range(3):
        clock.set(now + timedelta(days=attempt))
        run_websub_pings(session_factory, settings=_settings(hub, max_attempts=3), clock=clock)
    [row] = _rows(session)
    assert row.attempts == 3 and row.done_at is not None and "503" in (row.last_error or "")
    clock.set(now + timedelta(days=9))
    assert run_websub_pings(session_factory, settings=_settings(hub, max_attempts=3), clock=clock) == PingReport()
    assert len(hub.requests) == 3


def test_a_refused_ping_is_not_retried(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    hub.reject_token()
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport(given_up=1)
    [row] = _rows(session)
    assert row.done_at is not None and "403" in (row.last_error or "")


def test_nothing_is_sent_without_a_hub(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    assert run_websub_pings(session_factory, settings=WebSubSettings(hub=""), clock=clock) == PingReport()
    assert hub.requests == [] and _rows(session)[0].done_at is None


def test_pings_another_worker_has_claimed_are_left_alone_until_its_lease_ends(session, session_factory, clock, now,
                                                                            hub) -> None:
    _queue(session, now, SITE)
    with session_factory() as other:
        assert [p.topic_url for p in claim_pings(other, now=now, lease=LEASE)] == [SITE]
        other.commit()  # and then that worker died before recording anything
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport()
    clock.set(now + LEASE)
    assert run_websub_pings(session_factory, settings=_settings(hub), clock=clock) == PingReport(sent=1)
    assert hub.published == [SITE]


def test_the_scheduler_runs_the_ping_job_only_with_a_hub(session_factory, clock) -> None:
    with_hub = make_scheduler(session_factory, clock=clock, settings=DispatchSettings(websub_hub="https://hub.example/"))
    without = make_scheduler(session_factory, clock=clock)
    assert with_hub.get_job("websub") is not None and without.get_job("websub") is None


def test_pings_done_a_week_ago_are_deleted(session, session_factory, clock, now, hub) -> None:
    _queue(session, now, SITE)
    run_websub_pings(session_factory, settings=_settings(hub), clock=clock)
    clock.set(now + timedelta(days=6))
    run_websub_pings(session_factory, settings=_settings(hub), clock=clock)
    assert len(_rows(session)) == 1, "kept for a week, to see what was sent"
    clock.set(now + timedelta(days=7, seconds=1))
    run_websub_pings(session_factory, settings=_settings(hub), clock=clock)
    assert _rows(session) == []
