"""The dispatch tick against the real database: due means due, claims are leases, failures retry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from campaigns.models import DeliveryStatus
from content.messages import update_message
from content.models import MessageStatus, Role
from scheduler import channels
from scheduler.backoff import backoff
from scheduler.channels import ChannelError
from scheduler.dispatch import claim_due, run_tick
from scheduler.sending import MAX_ATTEMPTS, DispatchSettings
from tests.factories import make_user
from tests.scenarios import planned, reload

LEASE = DispatchSettings().lease


class Failing:
    """A connector that fails the way a platform does; registered under a kind for one test."""

    error = ChannelError("HTTP 500", retryable=True)

    def send(self, outgoing):
        raise self.error


@pytest.fixture
def failing_portal(monkeypatch):
    monkeypatch.setitem(channels.REGISTRY, "portal", lambda endpoints: Failing())
    return Failing


def test_nothing_is_sent_before_its_time(session, session_factory, now):
    delivery, *_ = planned(session, now)
    report = run_tick(session_factory, now=now + timedelta(minutes=59), worker="w1")
    assert report.claimed == 0
    assert reload(session, delivery).status is DeliveryStatus.PLANNED


def test_a_due_delivery_is_sent_once_and_publishes_its_message(session, session_factory, now):
    delivery, message, *_ = planned(session, now)
    due = now + timedelta(hours=1)
    assert run_tick(session_factory, now=due, worker="w1").sent == 1
    assert run_tick(session_factory, now=due + timedelta(hours=1), worker="w1").claimed == 0
    delivery = reload(session, delivery)
    # Stamped with the tick's time plus what the tick itself took.
    assert delivery.status is DeliveryStatus.SENT and due <= delivery.sent_at < due + timedelta(seconds=5)
    assert delivery.attempts == 1
    assert delivery.message.status is MessageStatus.PUBLISHED and delivery.message.published_at == delivery.sent_at


def test_a_claimed_delivery_is_not_claimed_again_until_its_lease_expires(session, session_factory, now):
    delivery, *_ = planned(session, now)
    due = now + timedelta(hours=1)
    with session_factory() as first:
        assert [d for d, _ in claim_due(first, now=due, worker="dies")] == [delivery.id]
    with session_factory() as second:
        assert claim_due(second, now=due + LEASE - timedelta(seconds=1), worker="w2") == []
    report = run_tick(session_factory, now=due + LEASE + timedelta(seconds=1), worker="w2")
    assert report.sent == 1
    assert reload(session, delivery).claimed_by == "w2"


def test_a_retryable_failure_is_retried_later_with_the_error_kept(session, session_factory, now, failing_portal):
    delivery, *_ = planned(session, now)
    due = now + timedelta(hours=1)
    assert run_tick(session_factory, now=due, worker="w1").retried == 1
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.PLANNED
    assert delivery.last_error == "HTTP 500"
    assert delivery.next_attempt_at > due
    assert run_tick(session_factory, now=due + timedelta(seconds=1), worker="w1").claimed == 0


def test_a_delivery_fails_for_good_after_the_last_attempt(session, session_factory, now, failing_portal):
    delivery, *_ = planned(session, now)
    moment = now + timedelta(hours=1)
    for _ in range(MAX_ATTEMPTS):
        run_tick(session_factory, now=moment, worker="w1")
        moment += timedelta(days=1)
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.FAILED and delivery.attempts == MAX_ATTEMPTS


def test_a_rejected_credential_flags_the_channel_and_its_deliveries_wait(session, session_factory, now,
                                                                          failing_portal, monkeypatch):
    monkeypatch.setattr(Failing, "error", ChannelError("token hết hạn", retryable=False, needs_attention=True))
    delivery, *_ = planned(session, now)
    due = now + timedelta(hours=1)
    assert run_tick(session_factory, now=due, worker="w1").retried == 1
    delivery = reload(session, delivery)
    assert delivery.channel.needs_attention == "token hết hạn"
    assert delivery.status is DeliveryStatus.PLANNED and delivery.last_error == "token hết hạn"
    # Not retried every tick while nobody has fixed the credential...
    assert run_tick(session_factory, now=due + timedelta(days=1), worker="w1").claimed == 0
    # ...and sent as soon as someone has.
    monkeypatch.setitem(channels.REGISTRY, "portal", lambda endpoints: channels.LocalPublication())
    delivery.channel.needs_attention = None
    session.commit()
    assert run_tick(session_factory, now=due + timedelta(days=1), worker="w1").sent == 1


def test_editing_after_approval_holds_the_delivery(session, session_factory, now):
    delivery, message, editor, data = planned(session, now)
    update_message(session, message, editor, data, expected_version=message.version, now=now)
    session.commit()
    assert run_tick(session_factory, now=now + timedelta(hours=1), worker="w1").held == 1
    assert reload(session, delivery).status is DeliveryStatus.HELD


def test_backoff_grows_and_honours_retry_after():
    assert backoff(1) <= timedelta(seconds=30) < backoff(5)
    assert backoff(1, retry_after=600) >= timedelta(seconds=600)


def test_an_edit_holds_planned_deliveries_and_approval_releases_them(session, session_factory, now):
    from campaigns.review import review_message, save_revision

    delivery, message, editor, data = planned(session, now)
    approver = make_user(session, role=Role.APPROVER, area=message.area)
    save_revision(session, message, editor, data, expected_version=message.version, now=now)
    session.commit()
    assert reload(session, delivery).status is DeliveryStatus.HELD
    message = reload(session, delivery).message
    review_message(session, message, "approve", actor=approver, now=now)
    session.commit()
    assert reload(session, delivery).status is DeliveryStatus.PLANNED
    assert message.status is MessageStatus.SCHEDULED
    assert run_tick(session_factory, now=now + timedelta(hours=1), worker="w1").sent == 1
