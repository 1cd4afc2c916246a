"""Retry, move and cancel from the desk, and the dispatch board that says when nothing is sending."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from sqlalchemy import select

from campaigns.deliveries import OVERDUE_AFTER
from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.models import AuditLog, Role
from tests.factories import make_area, make_channel, make_user
from tests.scenarios import approved_message, telegram_delivery
from tests.web.helpers import csrf_token, log_in


def act(client, delivery, verb: str, **data):  # type: ignore[no-untyped-def]
    page = f"/desk/messages/{delivery.message_id}"
    return client.post(f"/desk/deliveries/{delivery.id}/{verb}",
                       data={**data, "csrf_token": csrf_token(client, page)}, follow_redirects=True)


def fresh(session, delivery):  # type: ignore[no-untyped-def]
    session.rollback()  # a new snapshot: what the app has committed since
    session.expire_all()
    return session.get(Delivery, delivery.id)


def test_a_failed_delivery_shows_its_error_and_is_retried_in_one_click(client, session, now):
    delivery = telegram_delivery(session, now, DeliveryStatus.FAILED)
    log_in(client, "pheduyet")
    board = html.unescape(client.get("/desk/dispatch").get_data(as_text=True))
    assert "Telegram trả lỗi 500" in board and "Gửi lại" in board
    page = html.unescape(act(client, delivery, "retry").get_data(as_text=True))
    assert "Đã xếp lượt phát vào hàng gửi lại." in page
    assert fresh(session, delivery).status is DeliveryStatus.PLANNED
    assert session.scalar(select(AuditLog).where(AuditLog.action == "delivery.retry")) is not None


def test_moving_takes_local_time_and_stores_utc(client, session, now):
    delivery = telegram_delivery(session, now)
    log_in(client, "pheduyet")
    act(client, delivery, "move", due_at="2026-11-25T17:00")
    assert fresh(session, delivery).due_at.isoformat() == "2026-11-25T10:00:00+00:00"


def test_a_nonsense_time_is_a_clear_message_and_changes_nothing(client, session, now):
    delivery = telegram_delivery(session, now)
    log_in(client, "pheduyet")
    page = html.unescape(act(client, delivery, "move", due_at="25/11/2026 5 giờ chiều").get_data(as_text=True))
    assert "Thời điểm không hợp lệ" in page
    assert fresh(session, delivery).due_at == now + timedelta(hours=2)


def test_cancel_from_the_message_page(client, session, now):
    delivery = telegram_delivery(session, now)
    log_in(client, "pheduyet")
    assert "Đã hủy lượt phát." in html.unescape(act(client, delivery, "cancel").get_data(as_text=True))
    assert fresh(session, delivery).status is DeliveryStatus.CANCELLED


def test_a_sent_delivery_cannot_be_cancelled(client, session, now):
    delivery = telegram_delivery(session, now, DeliveryStatus.SENT)
    log_in(client, "pheduyet")
    page = html.unescape(act(client, delivery, "cancel").get_data(as_text=True))
    assert "không thể hủy" in page
    assert fresh(session, delivery).status is DeliveryStatus.SENT


def test_an_approver_elsewhere_gets_403(client, session, now):
    delivery = telegram_delivery(session, now)
    make_user(session, role=Role.APPROVER, area=make_area(session, name="Tỉnh Khác"), username="nguoingoai")
    session.commit()
    log_in(client, "nguoingoai")
    response = client.post(f"/desk/deliveries/{delivery.id}/cancel",
                           data={"csrf_token": csrf_token(client, "/desk/")})
    assert response.status_code == 403
    assert fresh(session, delivery).status is DeliveryStatus.PLANNED


def test_the_board_warns_when_due_deliveries_are_not_being_sent(app, client, session, now, clock):
    delivery = telegram_delivery(session, now)
    log_in(client, "pheduyet")
    assert "Không có lượt phát nào bị trễ." in html.unescape(client.get("/desk/dispatch").get_data(as_text=True))
    clock.set(delivery.due_at + OVERDUE_AFTER + timedelta(minutes=1))
    log_in(client, "pheduyet")  # hours later: the first login has timed out
    board = html.unescape(client.get("/desk/dispatch").get_data(as_text=True))
    assert "1 lượt phát đã đến giờ" in board and "loa worker" in board


def test_a_channel_wording_is_proposed_edited_and_kept_when_too_long(client, session, now):
    delivery = telegram_delivery(session, now)  # a Telegram delivery
    log_in(client, "pheduyet")
    page = f"/desk/deliveries/{delivery.id}/variant"
    proposed = html.unescape(client.get(page).get_data(as_text=True))
    assert delivery.message.title in proposed and 'data-limit="' in proposed
    too_long = "Bà con lưu ý. " * 400
    response = client.post(page, data={"variant": too_long, "csrf_token": csrf_token(client, page)})
    assert response.status_code == 400
    assert "vượt giới hạn" in html.unescape(response.get_data(as_text=True))
    assert too_long.strip() in html.unescape(response.get_data(as_text=True))
    assert fresh(session, delivery).variant is None
    client.post(page, data={"variant": "Thôn Đồng Sậy ra quân tuần tra.", "csrf_token": csrf_token(client, page)})
    assert fresh(session, delivery).variant == "Thôn Đồng Sậy ra quân tuần tra."


def test_the_portal_has_no_channel_wording_page(client, session, now):
    message, _editor, approver, _data = approved_message(session, now)
    approver.username = "pheduyet"
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=2), now=now,
                                 channels=[make_channel(session, ChannelKind.PORTAL)])
    session.commit()
    log_in(client, "pheduyet")
    assert client.get(f"/desk/deliveries/{delivery.id}/variant").status_code == 404


def test_the_message_page_offers_each_action_as_a_form_of_its_own(client, session, now):
    delivery = telegram_delivery(session, now)
    log_in(client, "pheduyet")
    page = client.get(f"/desk/messages/{delivery.message_id}").get_data(as_text=True)
    forms = {re.search(r'action="([^"]+)"', form).group(1): form  # type: ignore[union-attr]
             for form in re.findall(r"<form .*?</form>", page, re.S) if "/desk/deliveries/" in form}
    move, cancel = forms[f"/desk/deliveries/{delivery.id}/move"], forms[f"/desk/deliveries/{delivery.id}/cancel"]
    assert 'name="due_at"' in move and 'name="due_at"' not in cancel
    assert all('name="csrf_token"' in form and 'name="back"' in form for form in (move, cancel))
