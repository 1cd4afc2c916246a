"""The dispatch board's two calls for a person: a send nobody knows the outcome of, and a paused destination."""

from __future__ import annotations

import html
from datetime import timedelta

from sqlalchemy import select

from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.models import AuditLog, MessageStatus, Role, User
from tests.factories import make_area, make_channel, make_user
from tests.scenarios import approved_message
from tests.web.helpers import csrf_token, log_in, switch

ERROR = ("Telegram: đã gửi đi nhưng kết nối bị ngắt trước khi có trả lời, nên không biết bài đã lên hay chưa. "
         "Cần người xem trên Telegram")


def uncertain(session, now, *, status: DeliveryStatus = DeliveryStatus.UNCERTAIN) -> Delivery:  # type: ignore[no-untyped-def]
    """A commune's Telegram delivery whose send was cut off; its approver signs in as "pheduyet"."""
    message, _editor, approver, _data = approved_message(session, now, title="Thôn Bắc Hà họp bàn phòng cháy")
    approver.username = "pheduyet"
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã Bắc Hà", area=message.area)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=1), now=now,
                                 channels=[channel])
    delivery.status, delivery.attempts, delivery.last_error = status, 1, ERROR
    delivery.due_at = now - timedelta(minutes=2)
    session.commit()
    return delivery


def board(client) -> str:  # type: ignore[no-untyped-def]
    response = client.get("/desk/dispatch")
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def press(client, path: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={"csrf_token": csrf_token(client, "/desk/dispatch"), "back": "/desk/dispatch"},
                       follow_redirects=True)


def fresh(session, model, row_id):  # type: ignore[no-untyped-def]
    session.rollback()
    session.expire_all()
    return session.get(model, row_id)


def test_an_uncertain_send_is_shown_first_with_the_platform_error_and_two_buttons(client, session, now):
    delivery = uncertain(session, now)
    log_in(client, "pheduyet")
    page = board(client)
    assert page.index("Cần kiểm tra: chưa rõ bài đã lên hay chưa (1)") < page.index("Lượt phát bị lỗi")
    assert ERROR in page and "Thôn Bắc Hà họp bàn phòng cháy" in page and "Kênh Telegram xã Bắc Hà" in page
    assert f'action="/desk/deliveries/{delivery.id}/posted"' in page
    assert f'action="/desk/deliveries/{delivery.id}/resend"' in page


def test_it_was_posted_marks_it_sent_and_publishes(client, session, now):
    delivery = uncertain(session, now)
    log_in(client, "pheduyet")
    page = html.unescape(press(client, f"/desk/deliveries/{delivery.id}/posted").get_data(as_text=True))
    assert "Đã ghi nhận: bài đã lên, sẽ không gửi lại." in page
    assert "Cần kiểm tra" not in page  # back on the board, nothing left to check
    delivery = fresh(session, Delivery, delivery.id)
    assert delivery.status is DeliveryStatus.SENT and delivery.sent_at == now
    assert delivery.message.status is MessageStatus.PUBLISHED
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "delivery.confirm_posted"))
    assert entry is not None and entry.actor_id == session.scalar(select(User.id).where(User.username == "pheduyet"))


def test_send_again_puts_it_back_in_the_queue_due_now(client, session, now):
    delivery = uncertain(session, now)
    log_in(client, "pheduyet")
    page = html.unescape(press(client, f"/desk/deliveries/{delivery.id}/resend").get_data(as_text=True))
    assert "Đã xếp lượt phát vào hàng gửi lại." in page
    delivery = fresh(session, Delivery, delivery.id)
    assert delivery.status is DeliveryStatus.PLANNED and delivery.due_at <= now and delivery.attempts == 1


def test_a_delivery_already_settled_is_refused_with_a_reason(client, session, now):
    delivery = uncertain(session, now, status=DeliveryStatus.SENT)
    log_in(client, "pheduyet")
    page = html.unescape(press(client, f"/desk/deliveries/{delivery.id}/resend").get_data(as_text=True))
    assert "không ở trạng thái chưa rõ kết quả" in page
    assert fresh(session, Delivery, delivery.id).status is DeliveryStatus.SENT


def test_an_approver_of_another_province_gets_403_and_nothing_changes(client, session, now):
    delivery = uncertain(session, now)
    make_user(session, role=Role.APPROVER, area=make_area(session, name="Tỉnh Sông Lam"), username="nguoingoai")
    session.commit()
    log_in(client, "nguoingoai")
    assert "Thôn Bắc Hà" not in board(client)
    for verb in ("posted", "resend"):
        response = client.post(f"/desk/deliveries/{delivery.id}/{verb}",
                               data={"csrf_token": csrf_token(client, "/desk/dispatch")})
        assert response.status_code == 403
    assert fresh(session, Delivery, delivery.id).status is DeliveryStatus.UNCERTAIN


def test_an_analyst_at_home_sees_the_check_but_may_not_settle_it(client, session, now):
    delivery = uncertain(session, now)
    make_user(session, role=Role.ANALYST, area=delivery.message.area, username="phantich")
    session.commit()
    log_in(client, "phantich")
    assert ERROR in board(client)
    response = client.post(f"/desk/deliveries/{delivery.id}/posted",
                           data={"csrf_token": csrf_token(client, "/desk/dispatch")})
    assert response.status_code == 403
    assert fresh(session, Delivery, delivery.id).status is DeliveryStatus.UNCERTAIN


def test_without_the_csrf_token_nothing_happens(client, session, now):
    delivery = uncertain(session, now)
    log_in(client, "pheduyet")
    assert client.post(f"/desk/deliveries/{delivery.id}/posted").status_code == 400
    assert fresh(session, Delivery, delivery.id).status is DeliveryStatus.UNCERTAIN


def test_the_message_page_offers_the_same_two_buttons(client, session, now):
    delivery = uncertain(session, now)
    log_in(client, "pheduyet")
    page = html.unescape(client.get(f"/desk/messages/{delivery.message_id}").get_data(as_text=True))
    assert "Chưa rõ đã lên chưa" in page and "Bài đã lên" in page
    assert f'action="/desk/deliveries/{delivery.id}/resend"' in page


def pause(session, channel_id: int, until, reason: str | None) -> None:  # type: ignore[no-untyped-def]
    channel = session.get(Channel, channel_id)
    channel.paused_until, channel.pause_reason = until, reason
    session.commit()


def test_a_paused_destination_is_a_notice_in_vietnam_time_with_its_reason(client, session, now):
    delivery = uncertain(session, now)
    pause(session, delivery.channel_id, now + timedelta(minutes=25), "Telegram báo gửi quá nhanh (mã 429)")
    log_in(client, "pheduyet")
    page = board(client)
    # 01:25 UTC is 08:25 in Hà Nội, the same day: the clock alone.
    assert "Tạm dừng gửi tới Kênh Telegram xã Bắc Hà đến 08:25" in page
    assert "lý do: Telegram báo gửi quá nhanh (mã 429)" in page
    assert "Gửi tiếp ngay" not in page  # an approver does not manage channels


def test_a_pause_into_another_day_shows_its_date_and_an_ended_pause_is_not_shown(client, session, now):
    delivery = uncertain(session, now)
    pause(session, delivery.channel_id, now + timedelta(hours=20), None)
    log_in(client, "pheduyet")
    page = board(client)
    assert "Tạm dừng gửi tới Kênh Telegram xã Bắc Hà đến 04:00 24/11/2026" in page and "không rõ lý do" in page
    pause(session, delivery.channel_id, now - timedelta(minutes=1), "đã hết")
    assert "Tạm dừng gửi tới" not in board(client)


def test_a_pause_of_another_provinces_channel_is_not_shown(client, session, now):
    uncertain(session, now)
    other = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram tỉnh Sông Lam",
                         area=make_area(session, name="Tỉnh Sông Lam"))
    session.commit()
    pause(session, other.id, now + timedelta(minutes=5), "máy chủ lỗi 503")
    log_in(client, "pheduyet")
    assert "Sông Lam" not in board(client)


def test_the_channels_admin_resumes_it_now_and_it_is_audited(client, session, now):
    delivery = uncertain(session, now)
    pause(session, delivery.channel_id, now + timedelta(minutes=25), "5 lần lỗi liên tiếp")
    make_user(session, role=Role.ADMIN, area=delivery.message.area, username="quantri")
    session.commit()
    log_in(client, "quantri")
    assert "Gửi tiếp ngay" in board(client)
    page = html.unescape(press(client, f"/desk/dispatch/channels/{delivery.channel_id}/resume").get_data(as_text=True))
    assert "Kênh Kênh Telegram xã Bắc Hà sẽ gửi lại từ lượt tới." in page and "Tạm dừng gửi tới" not in page
    channel = fresh(session, Channel, delivery.channel_id)
    assert channel.paused_until is None and channel.pause_reason is None
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "channel.resume"))
    assert entry.detail["reason"] == "5 lần lỗi liên tiếp"
    # Pressed again (a second tab): nothing to resume, said plainly.
    again = html.unescape(press(client, f"/desk/dispatch/channels/{delivery.channel_id}/resume").get_data(as_text=True))
    assert "không bị tạm dừng" in again


def test_an_approver_cannot_resume_a_channel(client, session, now):
    delivery = uncertain(session, now)
    pause(session, delivery.channel_id, now + timedelta(minutes=25), "5 lần lỗi liên tiếp")
    log_in(client, "pheduyet")
    response = client.post(f"/desk/dispatch/channels/{delivery.channel_id}/resume",
                           data={"csrf_token": csrf_token(client, "/desk/dispatch")})
    assert response.status_code == 403
    assert fresh(session, Channel, delivery.channel_id).paused_until is not None


def test_the_board_reads_in_english(client, session, now):
    delivery = uncertain(session, now)
    pause(session, delivery.channel_id, now + timedelta(minutes=25), "HTTP 503")
    log_in(client, "pheduyet")
    switch(client, "en", "/desk/dispatch")
    page = board(client)
    assert "To check: not known whether these were posted (1)" in page and "It was posted" in page
    assert "Sending to Kênh Telegram xã Bắc Hà paused until 08:25" in page and "reason: HTTP 503" in page
