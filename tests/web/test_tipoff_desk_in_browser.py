"""At a phone's 375 px in Debian's chromium: a reader answers "useful?" under a message, and an officer handles a
tip-off from the queue (status, assignee, note) — nothing wider than the screen, each step seen in the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import PASSWORD, make_published_message
from tests.tipdesk_world import make_desk_world, send_tipoff
from tests.tipoff_world import KEY, SECRET_BODY

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def wider_than_the_phone(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]


def test_a_reader_answers_under_a_message_on_a_phone(live_server, browser, session, session_factory, now):
    ARTIFACTS.mkdir(exist_ok=True)
    message = make_published_message(session, session_factory, now)
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server}/tin/{message.slug}")
    page.check("input[name=useful][value=no]")
    page.fill("textarea[name=note]", "Nên ghi rõ số điện thoại đường dây nóng của công an xã.")
    page.screenshot(path=ARTIFACTS / "phone-feedback-form.png", full_page=True)
    assert not wider_than_the_phone(page)
    page.click("button:has-text('Gửi ý kiến')")
    page.wait_for_load_state()
    assert "Cảm ơn bạn đã góp ý" in page.content()
    page.screenshot(path=ARTIFACTS / "phone-feedback-sent.png", full_page=True)
    page.close()


def test_an_officer_handles_a_tip_off_on_a_phone(app, live_server, browser, session, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    app.config["TIPOFF_KEY"], app.config["TIPOFF_ROOT"] = KEY, str(tmp_path)
    world = make_desk_world(session)
    send_tipoff(session, world, tmp_path, contact="Anh Vàng A Sử, 0987 654 321")
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server}/desk/login")
    page.fill("input[name=username]", "canbo_xa")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Đăng nhập')")
    page.wait_for_load_state()
    page.goto(f"{live_server}/desk/tipoffs/")
    page.screenshot(path=ARTIFACTS / "phone-tipoff-queue.png", full_page=True)
    assert not wider_than_the_phone(page)
    page.click("table.list a")
    page.wait_for_load_state()
    assert SECRET_BODY in page.content()
    page.select_option("select[name=status]", "checking")
    page.click("button:has-text('Đổi trạng thái')")
    page.wait_for_load_state()
    page.select_option("select[name=assignee_id]", label="Lê Thị Hạnh (Tỉnh Sơn Cước)")
    page.click("button:has-text('Giao')")
    page.wait_for_load_state()
    page.fill("textarea[name=note]", "Đã hẹn gặp người báo tin chiều nay.")
    page.click("button:has-text('Lưu ghi chú')")
    page.wait_for_load_state()
    text = page.content()
    assert "Đang xác minh" in text and "Đã hẹn gặp người báo tin chiều nay." in text and "Lê Thị Hạnh" in text
    page.screenshot(path=ARTIFACTS / "phone-tipoff-handled.png", full_page=True)
    assert not wider_than_the_phone(page)
    page.close()
