"""Dispatch on time when things break: one failure backs off alone, a destination pauses only on evidence and
resumes by itself, an emergency overtakes a backlog, short leases are kept alive by the heartbeat."""

from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy import select

from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.models import Priority
from scheduler import channels
from scheduler.backoff import backoff
from scheduler.channels import ChannelError
from scheduler.dispatch import claim_due, run_tick
from scheduler.heartbeat import Heartbeat
from scheduler.pauses import FAILURES_IN_A_ROW
from scheduler.sending import DispatchSettings
from tests.factories import make_channel
from tests.scenarios import approved_message, reload

SETTINGS = DispatchSettings(base_url="https://loa.example.vn", parallel=1)


def plan(session, now, channel_list, count=1, *, minutes=60, priority=Priority.NORMAL):  # type: ignore[no-untyped-def]
    deliveries = []
    for _ in range(count):
        message, _editor, approver, _data = approved_message(session, now)
        message.priority = priority
        deliveries += plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=minutes),
                                      now=now, channels=channel_list)
    session.commit()
    return deliveries


class Flaky:
    """A webhook receiver answering 500 to the requests whose position is in `failing` (1-based)."""

    def __init__(self, failing: set[int]) -> None:
        self.failing, self.sent, self.count = failing, [], itertools.count(1)

    def send(self, outgoing):  # type: ignore[no-untyped-def]
        if next(self.count) in self.failing:
            raise ChannelError("Webhook đang lỗi phía máy chủ (HTTP 500); sẽ thử lại.", retryable=True)
        self.sent.append(outgoing.delivery_id)
        return None


def test_one_failure_backs_off_its_own_delivery_and_the_rest_go_on(session, session_factory, now, monkeypatch):
    receiver = Flaky({2})
    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: receiver)
    hook = make_channel(session, ChannelKind.WEBHOOK)
    deliveries = plan(session, now, [hook], count=6)
    due = now + timedelta(hours=1)
    report = run_tick(session_factory, now=due, worker="w1", settings=SETTINGS)
    assert (report.sent, report.retried, report.deferred) == (5, 1, 0)
    failed = next(d for d in (reload(session, d) for d in deliveries) if d.status is DeliveryStatus.PLANNED)
    # Seconds, not minutes: one failure in ten must not make a message late.
    assert due < failed.next_attempt_at <= due + timedelta(seconds=6)
    assert reload(session, hook).paused_until is None


def test_failures_in_a_row_pause_the_destination_and_it_resumes_by_itself(session, session_factory, now,
                                                                         monkeypatch):
    receiver = Flaky(set(range(1, FAILURES_IN_A_ROW + 1)))
    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: receiver)
    hook = make_channel(session, ChannelKind.WEBHOOK)
    other = make_channel(session, ChannelKind.PORTAL)
    plan(session, now, [hook], count=FAILURES_IN_A_ROW + 3)
    [portal] = plan(session, now, [other])
    due = now + timedelta(hours=1)
    report = run_tick(session_factory, now=due, worker="w1", settings=SETTINGS)
    assert (report.retried, report.deferred) == (FAILURES_IN_A_ROW, 3)
    assert reload(session, portal).status is DeliveryStatus.SENT  # another destination never waits
    paused = reload(session, hook)
    assert paused.paused_until is not None and "500" in paused.pause_reason
    assert run_tick(session_factory, now=due + timedelta(seconds=10), worker="w1", settings=SETTINGS).claimed == 0
    later = run_tick(session_factory, now=paused.paused_until + timedelta(seconds=1), worker="w1", settings=SETTINGS)
    assert later.sent == FAILURES_IN_A_ROW + 3  # the retried ones are due again by then too


def test_a_failure_now_and_then_never_pauses_the_destination(session, session_factory, now, monkeypatch):
    receiver = Flaky({3, 13, 14, 25})  # a tenth of the requests, two of them in a row
    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: receiver)
    hook = make_channel(session, ChannelKind.WEBHOOK)
    plan(session, now, [hook], count=30)
    report = run_tick(session_factory, now=now + timedelta(hours=1), worker="w1", settings=SETTINGS)
    assert (report.sent, report.retried, report.deferred) == (26, 4, 0)
    assert reload(session, hook).paused_until is None


def test_an_emergency_is_claimed_before_an_older_backlog(session, session_factory, now, monkeypatch):
    receiver = Flaky(set())
    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: receiver)
    hook = make_channel(session, ChannelKind.WEBHOOK)
    backlog = plan(session, now, [hook], count=12, minutes=10)
    [urgent] = plan(session, now, [hook], minutes=50, priority=Priority.EMERGENCY)
    assert urgent.urgent and not backlog[0].urgent
    run_tick(session_factory, now=now + timedelta(hours=1), worker="w1",
             settings=DispatchSettings(base_url="https://loa.example.vn", parallel=1, batch=4))
    assert receiver.sent[0] == urgent.id and len(receiver.sent) == 13


def test_a_dead_workers_claims_are_free_again_after_one_lease(session, session_factory, now):
    settings = DispatchSettings(lease=timedelta(seconds=20))
    deliveries = plan(session, now, [make_channel(session, ChannelKind.PORTAL)], count=3)
    due = now + timedelta(hours=1)
    with session_factory() as s:
        assert len(claim_due(s, now=due, worker="dies", lease=settings.lease)) == 3
    with session_factory() as s:
        assert claim_due(s, now=due + timedelta(seconds=19), worker="w2", lease=settings.lease) == []
    report = run_tick(session_factory, now=due + timedelta(seconds=21), worker="w2", settings=settings)
    assert report.sent == 3
    assert all(reload(session, d).attempts == 2 for d in deliveries)  # the dead worker's try counts


def test_the_heartbeat_keeps_a_live_workers_claims(session, session_factory, now):
    lease = timedelta(seconds=20)
    plan(session, now, [make_channel(session, ChannelKind.PORTAL)], count=2)
    due = now + timedelta(hours=1)
    with session_factory() as s:
        claim_due(s, now=due, worker="alive", lease=lease)
    beat_at = due + timedelta(seconds=15)
    assert Heartbeat(session_factory, worker="alive", lease=lease, clock=lambda: beat_at).beat() == 2
    with session_factory() as s:
        assert claim_due(s, now=due + timedelta(seconds=30), worker="w2", lease=lease) == []
        s.rollback()
        leases = s.scalars(select(Delivery.lease_until).where(Delivery.claimed_by == "alive")).all()
    assert leases == [beat_at + lease] * 2


def test_retry_after_is_honoured_as_given():
    assert backoff(1, retry_after=1) == timedelta(seconds=1)
    assert backoff(1, retry_after=0) == timedelta(seconds=1)  # never hammering: a second at least
    assert backoff(1, retry_after=10**9) == timedelta(hours=6)
    assert timedelta(seconds=2.5) <= backoff(1) <= timedelta(seconds=5) < backoff(6)


def test_a_webhook_needs_no_public_address_when_it_sends_no_link(session, session_factory, now, monkeypatch):
    receiver = Flaky(set())
    seen = []
    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: receiver)
    original = receiver.send
    receiver.send = lambda outgoing: seen.append(outgoing) or original(outgoing)  # type: ignore[method-assign]
    [delivery] = plan(session, now, [make_channel(session, ChannelKind.WEBHOOK)])
    report = run_tick(session_factory, now=now + timedelta(hours=1), worker="w1", settings=DispatchSettings())
    assert report.sent == 1 and reload(session, delivery).status is DeliveryStatus.SENT
    assert seen[0].link is None and seen[0].url == "" and seen[0].text


def test_a_message_sent_back_to_review_mid_send_stays_in_review(session, session_factory, now, monkeypatch):
    from content.models import Message, MessageStatus

    class EditedMeanwhile:
        def send(self, outgoing):  # type: ignore[no-untyped-def]
            with session_factory() as s:  # an editor's change after approval lands while this post is in flight
                message = s.scalar(select(Message).join(Delivery).where(Delivery.id == outgoing.delivery_id))
                message.status = MessageStatus.IN_REVIEW
                s.commit()
            return "ext-1"

    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: EditedMeanwhile())
    [delivery] = plan(session, now, [make_channel(session, ChannelKind.WEBHOOK)])
    assert run_tick(session_factory, now=now + timedelta(hours=1), worker="w1", settings=SETTINGS).sent == 1
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.SENT
    assert delivery.message.status is MessageStatus.IN_REVIEW and delivery.message.published_at is None


def test_a_group_that_breaks_is_put_back_and_the_tick_goes_on(session, session_factory, now, monkeypatch):
    class Broken:
        def send(self, outgoing):  # type: ignore[no-untyped-def]
            raise RuntimeError("lỗi lập trình trong bộ gửi")  # not a ChannelError: a bug, not the platform

    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: Broken())
    [broken] = plan(session, now, [make_channel(session, ChannelKind.WEBHOOK)])
    [fine] = plan(session, now, [make_channel(session, ChannelKind.PORTAL)])
    due = now + timedelta(hours=1)
    report = run_tick(session_factory, now=due, worker="w1", settings=SETTINGS)
    assert report.sent == 1 and reload(session, fine).status is DeliveryStatus.SENT
    broken = reload(session, broken)
    assert (broken.status, broken.attempts, broken.claimed_by) == (DeliveryStatus.PLANNED, 0, None)
    assert broken.next_attempt_at > due  # not claimed again at once, round and round
