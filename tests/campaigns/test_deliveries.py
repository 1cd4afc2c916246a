"""Hand changes to the outbox, and the sweep that notices when nothing is sending."""

from __future__ import annotations

from datetime import timedelta

import pytest

from campaigns.deliveries import OVERDUE_AFTER, cancel_delivery, move_delivery, retry_delivery, sweep
from campaigns.models import ChannelKind, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from tests.factories import make_area, make_channel, make_user
from tests.scenarios import approved_message


@pytest.fixture
def planned(session, now):  # type: ignore[no-untyped-def]
    message, _editor, approver, _data = approved_message(session, now)
    channel = make_channel(session, ChannelKind.WEBHOOK, name="Webhook thử")
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=2), now=now,
                                 channels=[channel])
    session.commit()
    return delivery, approver


def test_a_planned_delivery_moves_and_the_move_is_audited(session, now, planned):
    delivery, approver = planned
    move_delivery(session, delivery, due_at=now + timedelta(days=1), actor=approver, now=now)
    assert delivery.due_at == now + timedelta(days=1)
    assert session.query(AuditLog).filter_by(action="delivery.move").count() == 1


def test_a_delivery_cannot_move_into_the_past(session, now, planned):
    delivery, approver = planned
    with pytest.raises(InvalidInput) as refused:
        move_delivery(session, delivery, due_at=now - timedelta(minutes=1), actor=approver, now=now)
    assert "tương lai" in refused.value.errors["due_at"]
    assert delivery.due_at == now + timedelta(hours=2)


@pytest.mark.parametrize("status", [DeliveryStatus.CLAIMED, DeliveryStatus.SENT, DeliveryStatus.CANCELLED])
def test_a_delivery_on_the_wire_or_done_can_be_neither_moved_nor_cancelled(session, now, planned, status):
    delivery, approver = planned
    delivery.status = status
    with pytest.raises(InvalidInput):
        move_delivery(session, delivery, due_at=now + timedelta(days=1), actor=approver, now=now)
    with pytest.raises(InvalidInput):
        cancel_delivery(session, delivery, actor=approver, now=now)
    assert delivery.status is status


def test_cancelling_keeps_the_row_as_cancelled(session, now, planned):
    delivery, approver = planned
    cancel_delivery(session, delivery, actor=approver, now=now)
    assert delivery.status is DeliveryStatus.CANCELLED


def test_a_failed_delivery_retried_is_due_now_with_fresh_attempts(session, now, planned):
    delivery, approver = planned
    delivery.status, delivery.attempts, delivery.last_error = DeliveryStatus.FAILED, 6, "HTTP 500"
    retry_delivery(session, delivery, actor=approver, now=now + timedelta(hours=3))
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PLANNED, 0)
    assert delivery.due_at == now + timedelta(hours=2)  # already past: stays, so it goes on the next tick


def test_only_a_failed_delivery_is_retried(session, now, planned):
    delivery, approver = planned
    with pytest.raises(InvalidInput):
        retry_delivery(session, delivery, actor=approver, now=now)


def test_someone_outside_the_area_may_not_touch_the_delivery(session, now, planned):
    delivery, _ = planned
    stranger = make_user(session, role=Role.APPROVER, area=make_area(session, name="Tỉnh Khác"))
    with pytest.raises(PermissionDenied):
        cancel_delivery(session, delivery, actor=stranger, now=now)
    assert delivery.status is DeliveryStatus.PLANNED


def test_the_sweep_reports_due_deliveries_nobody_claimed(session, now, planned):
    delivery, _ = planned
    assert sweep(session, now=now).overdue == 0
    late = delivery.due_at + OVERDUE_AFTER + timedelta(seconds=1)
    backlog = sweep(session, now=late)
    assert (backlog.overdue, backlog.oldest_due) == (1, delivery.due_at)


def test_the_sweep_counts_paused_channels_apart_from_overdue(session, now, planned):
    delivery, _ = planned
    delivery.channel.needs_attention = "Token bị từ chối (mã 190)"
    backlog = sweep(session, now=delivery.due_at + timedelta(hours=1))
    assert (backlog.overdue, backlog.waiting_on_channels) == (0, 1)
    assert [c.name for c in backlog.channels_needing_attention] == ["Webhook thử"]


def test_the_sweep_names_only_the_flagged_channels_that_carry_the_readers_messages(session, now):
    lam = make_area(session, name="Tỉnh Sông Lam")
    ben_do, khe_lim = make_area(session, parent=lam, name="Xã Bến Đò"), make_area(session, parent=lam, name="Xã Khe Lim")
    for name, area in (("Trang xã Bến Đò", ben_do), ("Trang xã Khe Lim", khe_lim), ("Trang tỉnh", lam),
                       ("Trang toàn quốc", None)):
        make_channel(session, ChannelKind.WEBHOOK, name=name, area=area, needs_attention="Khóa ký bị từ chối")
    named = {within: {c.name for c in sweep(session, now=now, within=within).channels_needing_attention}
             for within in (ben_do, lam, None)}
    assert named[ben_do] == {"Trang tỉnh", "Trang toàn quốc", "Trang xã Bến Đò"}
    assert named[lam] == {"Trang tỉnh", "Trang toàn quốc", "Trang xã Bến Đò", "Trang xã Khe Lim"}
    assert len(named[None]) == 4
