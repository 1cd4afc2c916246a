"""The dispatch board on a phone, in Debian's chromium: an uncertain send settled with one press."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.models import Role
from tests.factories import make_channel, make_user
from tests.scenarios import approved_message
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}


def test_an_officer_on_a_phone_confirms_an_uncertain_post(live_server, browser, session, now):
    message, _editor, approver, _data = approved_message(session, now, title="Xã Bắc Hà ra quân tuần tra đêm")
    make_user(session, role=Role.ADMIN, area=message.area, username="quantri")
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã Bắc Hà", area=message.area,
                           paused_until=now + timedelta(minutes=25),
                           pause_reason="Telegram báo gửi quá nhanh (mã 429); sẽ thử lại sau.")
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=1), now=now,
                                 channels=[channel])
    delivery.status, delivery.attempts, delivery.due_at = DeliveryStatus.UNCERTAIN, 1, now - timedelta(minutes=4)
    delivery.last_error = ("Telegram: đã gửi đi nhưng kết nối bị ngắt trước khi có trả lời, nên không biết bài đã "
                           "lên hay chưa. Cần người xem trên Telegram: bài đã lên thì bấm “Bài đã lên”, chưa có thì "
                           "bấm “Gửi lại”.")
    session.commit()
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "quantri")
    page.goto(f"{live_server}/desk/dispatch")
    posted = page.locator(f"#delivery-{delivery.id} button:has-text('Bài đã lên')")
    again = page.locator(f"#delivery-{delivery.id} button:has-text('Gửi lại')")
    assert posted.is_visible() and again.is_visible()
    assert page.locator("text=Tạm dừng gửi tới Kênh Telegram xã Bắc Hà đến 08:25").is_visible()
    assert page.locator("button:has-text('Gửi tiếp ngay')").is_visible()
    # Nothing wider than the phone, and buttons a thumb can hit.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for button in (posted, again):
        box = button.bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "dispatch-board-uncertain-phone.png", full_page=True)
    posted.click()
    page.wait_for_selector("text=Đã ghi nhận: bài đã lên, sẽ không gửi lại.")
    assert page.locator(f"#delivery-{delivery.id}").count() == 0
    session.rollback()
    session.expire_all()
    assert session.get(Delivery, delivery.id).status is DeliveryStatus.SENT
