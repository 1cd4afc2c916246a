"""An admin hear-tests an official notice on a phone, in Debian's chromium: the reading is shown whole, line by line,
with its read time, and nothing runs off the side of a 375-pixel screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.models import Role
from tests.factories import make_user
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NOTICE = (
    "Thực hiện Kế hoạch số 45/KH-CAH ngày 02/01/2026 của Công an huyện, Công an xã tuần tra 22h-2h các đêm 10/2 "
    "và 11/2 trên QL1A.\n\n"
    "Đối tượng Sùng A Páo, SN 1998, trú tại kiệt 28/5 đường Nguyễn Sinh Cung, TP. Huế.\n\n"
    "Mọi thông tin xin báo ĐT: 0234 3822 113."
)


def test_an_admin_hear_tests_an_official_notice_at_phone_width(live_server, browser, session):
    make_user(session, role=Role.ADMIN, area=None, username="quantri")
    session.commit()
    page = browser.new_page(viewport={"width": 375, "height": 740})
    sign_in(page, live_server, "quantri")
    page.goto(f"{live_server}/admin/spoken")
    page.fill("textarea[name=sample]", NOTICE)
    page.click("form[method=get] button:has-text('Đọc thử')")
    result = page.locator(".preview[aria-live]")
    result.wait_for()
    lines = result.locator("p:not(.label)").all_inner_texts()
    assert lines == [
        "Thực hiện Kế hoạch số bốn mươi lăm ngày hai tháng một năm hai nghìn không trăm hai mươi sáu của Công an "
        "huyện, Công an xã tuần tra từ hai mươi hai giờ đến hai giờ các đêm ngày mười tháng hai và mười một tháng "
        "hai trên Quốc lộ một A.",
        "Đối tượng Sùng A Páo, sinh năm một nghìn chín trăm chín mươi tám, trú tại kiệt hai mươi tám trên năm đường "
        "Nguyễn Sinh Cung, thành phố Huế.",
        "Mọi thông tin xin báo điện thoại: không hai ba bốn, ba tám hai hai, một một ba.",
    ]
    assert "giây" in result.locator(".label").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS.mkdir(exist_ok=True)
    result.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "admin-spoken-official-phone.png", full_page=False)
