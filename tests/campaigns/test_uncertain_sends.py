"""A person settles a send whose outcome is unknown: "it was posted" or "send it again", once, by the right people."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from campaigns.uncertain_sends import confirm_posted, send_again, uncertain_deliveries
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Message, MessageStatus, Role, User
from tests.factories import make_area, make_channel, make_user
from tests.scenarios import approved_message, reload


def delivery_in(session, now, status: DeliveryStatus, *, attempts: int = 2) -> Delivery:  # type: ignore[no-untyped-def]
    """A Telegram delivery of a new commune's approved message, due three minutes ago, left in `status`."""
    message, _editor, _approver, _data = approved_message(session, now)
    [delivery] = plan_deliveries(session, message, actor=_approver, due_at=now + timedelta(hours=1), now=now,
                                 channels=[make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã Bắc Hà")])
    delivery.status, delivery.attempts, delivery.due_at = status, attempts, now - timedelta(minutes=3)
    delivery.last_error = "Telegram: đã gửi đi nhưng kết nối bị ngắt trước khi có trả lời"
    session.commit()
    return delivery


def uncertain(session, now, *, attempts: int = 2) -> Delivery:  # type: ignore[no-untyped-def]
    return delivery_in(session, now, DeliveryStatus.UNCERTAIN, attempts=attempts)


def approver_of(session, delivery) -> User:  # type: ignore[no-untyped-def]
    """The approver of the delivery's commune: who would settle it."""
    return session.scalar(select(User).where(User.area_id == delivery.message.area_id, User.role == Role.APPROVER))


def test_confirming_the_post_marks_it_sent_now_and_publishes_the_message(session, now):
    delivery = uncertain(session, now)
    confirm_posted(session, delivery, actor=approver_of(session, delivery), now=now, external_id=" 4711 ",
                   remote_addr="10.0.0.7")
    session.commit()
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.SENT and delivery.sent_at == now
    assert delivery.external_id == "4711" and delivery.last_error is None and delivery.attempts == 2
    assert delivery.message.status is MessageStatus.PUBLISHED and delivery.message.published_at == now
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "delivery.confirm_posted"))
    assert entry.object_id == delivery.id and entry.remote_addr == "10.0.0.7"
    assert "kết nối bị ngắt" in entry.detail["last_error"]


def test_confirming_keeps_a_message_edited_since_waiting_for_approval(session, now):
    delivery = uncertain(session, now)
    session.get(Message, delivery.message_id).status = MessageStatus.IN_REVIEW
    session.commit()
    confirm_posted(session, delivery, actor=approver_of(session, delivery), now=now)
    session.commit()
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.SENT and delivery.message.status is MessageStatus.IN_REVIEW


def test_sending_again_makes_it_due_now_and_keeps_the_attempts(session, now):
    delivery = uncertain(session, now, attempts=3)
    send_again(session, delivery, actor=approver_of(session, delivery), now=now)
    session.commit()
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.PLANNED and delivery.due_at == now - timedelta(minutes=3)
    assert delivery.attempts == 3 and delivery.next_attempt_at is None and delivery.claimed_by is None
    assert delivery.message.status is MessageStatus.SCHEDULED  # nothing was published by a guess
    assert session.scalar(select(AuditLog).where(AuditLog.action == "delivery.send_again")) is not None


@pytest.mark.parametrize("status", [DeliveryStatus.PLANNED, DeliveryStatus.SENT, DeliveryStatus.FAILED,
                                    DeliveryStatus.CLAIMED])
@pytest.mark.parametrize("decide", [confirm_posted, send_again])
def test_only_an_uncertain_delivery_can_be_settled(session, now, status, decide):
    delivery = delivery_in(session, now, status)
    with pytest.raises(InvalidInput) as refused:
        decide(session, delivery, actor=approver_of(session, delivery), now=now)
    assert "không ở trạng thái chưa rõ kết quả" in str(refused.value.errors["delivery"])
    session.rollback()
    assert reload(session, delivery).status is status
    assert session.scalar(select(AuditLog).where(AuditLog.action.in_(["delivery.confirm_posted", "delivery.send_again"]))) is None


@pytest.mark.parametrize("decide", [confirm_posted, send_again])
def test_an_approver_of_another_area_is_refused(session, now, decide):
    delivery = uncertain(session, now)
    stranger = make_user(session, role=Role.APPROVER, area=make_area(session, name="Tỉnh Sông Lam"))
    with pytest.raises(PermissionDenied):
        decide(session, delivery, actor=stranger, now=now)
    session.rollback()
    assert reload(session, delivery).status is DeliveryStatus.UNCERTAIN


@pytest.mark.parametrize("role", [Role.ANALYST, Role.RADIO_OPERATOR])
def test_a_role_that_does_not_plan_deliveries_is_refused_even_at_home(session, now, role):
    delivery = uncertain(session, now)
    viewer = make_user(session, role=role, area=delivery.message.area)
    with pytest.raises(PermissionDenied):
        confirm_posted(session, delivery, actor=viewer, now=now)
    session.rollback()
    assert reload(session, delivery).status is DeliveryStatus.UNCERTAIN


def test_of_two_people_answering_at_once_only_the_first_counts(session_factory, session, now):
    delivery = uncertain(session, now)
    with session_factory() as first, session_factory() as second:
        mine, theirs = first.get(Delivery, delivery.id), second.get(Delivery, delivery.id)
        assert mine.status is theirs.status is DeliveryStatus.UNCERTAIN  # both pages showed the buttons
        confirm_posted(first, mine, actor=approver_of(first, mine), now=now)
        first.commit()
        with pytest.raises(InvalidInput) as refused:
            send_again(second, theirs, actor=approver_of(second, theirs), now=now)
        assert "vừa được người khác xử lý" in str(refused.value.errors["delivery"])
        second.rollback()
    assert reload(session, delivery).status is DeliveryStatus.SENT


def test_the_list_holds_uncertain_deliveries_of_the_readers_area_only(session, now):
    here = uncertain(session, now)
    elsewhere = uncertain(session, now)
    delivery_in(session, now, DeliveryStatus.FAILED)
    assert [d.id for d in uncertain_deliveries(session, within=None, limit=10)] == [here.id, elsewhere.id]
    assert [d.id for d in uncertain_deliveries(session, within=here.message.area, limit=10)] == [here.id]
