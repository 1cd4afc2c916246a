"""One destination's trouble stays its own: paused channels, failing platforms, slow platforms, lost leases."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from scheduler import channels
from scheduler.channels import ChannelError
from scheduler.dispatch import claim_due, run_tick
from scheduler.sending import DispatchSettings, send_one
from tests.factories import make_channel
from tests.scenarios import approved_message, reload

LEASE = DispatchSettings().lease

# Social posts carry a link to the portal, so they need the public address.
SOCIAL_READY = DispatchSettings(base_url="https://loa.example.vn")


def plan(session, now, channel_list, count=1):  # type: ignore[no-untyped-def]
    deliveries = []
    for n in range(count):
        message, _editor, approver, _data = approved_message(session, now)
        deliveries += plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=1), now=now,
                                      channels=channel_list)
    session.commit()
    return deliveries


class Recorder:
    """A connector that remembers what it was asked to send."""

    sent: list[int] = []

    def send(self, outgoing):  # type: ignore[no-untyped-def]
        Recorder.sent.append(outgoing.delivery_id)
        return f"ext-{outgoing.delivery_id}"


def test_a_switched_off_channel_keeps_its_deliveries_waiting(session, session_factory, now):
    off = make_channel(session, ChannelKind.FEED, is_enabled=False)
    on = make_channel(session, ChannelKind.PORTAL)
    waiting, sent = plan(session, now, [off, on])
    report = run_tick(session_factory, now=now + timedelta(hours=1), worker="w1", settings=SOCIAL_READY)
    assert (report.claimed, report.sent) == (1, 1)
    assert reload(session, waiting).status is DeliveryStatus.PLANNED
    assert reload(session, sent).status is DeliveryStatus.SENT


def test_a_platform_that_names_a_wait_is_paused_and_the_rest_handed_back_untried(session, session_factory, now,
                                                                                 monkeypatch):
    calls = []

    class Down:
        def send(self, outgoing):  # type: ignore[no-untyped-def]
            calls.append(outgoing.delivery_id)
            raise ChannelError("HTTP 503", retryable=True, retry_after=120)

    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: Down())
    hook = make_channel(session, ChannelKind.WEBHOOK)
    deliveries = plan(session, now, [hook], count=5)
    due = now + timedelta(hours=1)
    # One sending thread: with several, each may have one in flight when the first answer pauses the destination.
    report = run_tick(session_factory, now=due, worker="w1", settings=replace(SOCIAL_READY, parallel=1))
    assert (report.claimed, report.retried, report.deferred) == (5, 1, 4)
    assert len(calls) == 1
    rows = [reload(session, d) for d in deliveries]
    assert all(d.status is DeliveryStatus.PLANNED for d in rows)
    assert sorted(d.attempts for d in rows) == [0, 0, 0, 0, 1]  # the untried ones lost no attempt
    tried = next(d for d in rows if d.attempts == 1)
    assert tried.next_attempt_at >= due + timedelta(seconds=120)  # Retry-After as given
    channel = reload(session, hook)
    assert due + timedelta(seconds=120) <= channel.paused_until < due + timedelta(seconds=125)
    assert "503" in channel.pause_reason
    assert run_tick(session_factory, now=due + timedelta(seconds=60), worker="w1", settings=SOCIAL_READY).claimed == 0


def test_a_slow_platform_does_not_hold_up_another(session, session_factory, now, monkeypatch):
    other_sent = threading.Event()
    seen_while_waiting = []

    class Slow:
        def send(self, outgoing):  # type: ignore[no-untyped-def]
            # Waits for the other platform's send; if the two ran one after the other, this would
            # time out first (the slow one is due first) and see nothing.
            seen_while_waiting.append(other_sent.wait(timeout=10))
            return "slow-1"

    class Quick:
        def send(self, outgoing):  # type: ignore[no-untyped-def]
            other_sent.set()
            return "quick-1"

    monkeypatch.setitem(channels.REGISTRY, "webhook", lambda endpoints: Slow())
    monkeypatch.setitem(channels.REGISTRY, "telegram", lambda endpoints: Quick())
    slow = make_channel(session, ChannelKind.WEBHOOK)
    quick = make_channel(session, ChannelKind.TELEGRAM)
    plan(session, now, [slow])
    plan(session, now, [quick])
    report = run_tick(session_factory, now=now + timedelta(hours=1), worker="w1", settings=SOCIAL_READY)
    assert report.sent == 2
    assert seen_while_waiting == [True]


def test_a_claim_taken_over_after_its_lease_ran_out_is_not_sent_by_the_first_worker(session, session_factory, now):
    Recorder.sent = []
    [delivery] = plan(session, now, [make_channel(session, ChannelKind.PORTAL)])
    due = now + timedelta(hours=1)
    with session_factory() as s:
        claim_due(s, now=due, worker="slow-worker")
    with session_factory() as s:
        assert [d for d, _ in claim_due(s, now=due + LEASE + timedelta(seconds=1), worker="w2")] == [delivery.id]
    outcome = send_one(session_factory, delivery.id, Recorder(), clock=lambda: due + LEASE, worker="slow-worker",
                       settings=DispatchSettings())
    assert outcome.status is None and Recorder.sent == []
    assert reload(session, delivery).claimed_by == "w2"


def test_a_send_that_succeeded_is_recorded_even_if_the_lease_was_lost_meanwhile(session, session_factory, now):
    [delivery] = plan(session, now, [make_channel(session, ChannelKind.PORTAL)])
    due = now + timedelta(hours=1)

    class TakenOverMidSend:
        def send(self, outgoing):  # type: ignore[no-untyped-def]
            with session_factory() as s:  # another worker takes the claim while this send is in flight
                s.execute(select(Delivery)).all()
                row = s.get(Delivery, outgoing.delivery_id)
                row.claimed_by = "w2"
                s.commit()
            return "fb-123"

    outcome = None
    with session_factory() as s:
        claim_due(s, now=due, worker="w1")
    outcome = send_one(session_factory, delivery.id, TakenOverMidSend(), clock=lambda: due, worker="w1",
                       settings=DispatchSettings())
    assert outcome.status is DeliveryStatus.SENT
    delivery = reload(session, delivery)
    assert (delivery.status, delivery.external_id) == (DeliveryStatus.SENT, "fb-123")



def test_a_claim_takes_abandoned_leases_first_then_the_oldest_due(session, session_factory, now):
    channel = make_channel(session, ChannelKind.PORTAL)
    deliveries = plan(session, now, [channel], count=4)
    due = now + timedelta(hours=1)
    with session_factory() as s:
        claim_due(s, now=due, worker="dies", limit=1)  # takes the first; its worker never comes back
    later = due + LEASE + timedelta(seconds=1)
    with session_factory() as s:
        claimed = [d for d, _ in claim_due(s, now=later, worker="w2", limit=2)]
    assert claimed == [deliveries[0].id, deliveries[1].id]
    with session_factory() as s:
        assert [d for d, _ in claim_due(s, now=later, worker="w3", limit=10)] == [deliveries[2].id, deliveries[3].id]
