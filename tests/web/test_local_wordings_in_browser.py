"""A local wording from a phone in Debian's chromium: written on the message page, seen on the station's script."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.radio_scenarios import ZONE, World
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
LOCAL = "Bà con xã Bãi Sậy thấy người lạ dò hỏi nhà vắng chủ, hãy gọi ngay Công an xã Bãi Sậy, số 0221 3865 112."


def test_an_officer_on_a_phone_gives_one_station_its_own_words(live_server, browser, session):
    world = World(session)
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", datetime(2026, 11, 24, 6, tzinfo=ZONE),
                         stations=[world.station, world.neighbour])
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "bientap")
    page.goto(f"{live_server}/desk/messages/{message.id}")
    page.click("a:has-text('Thêm bản riêng')")
    page.select_option("select[name=place]", f"station-{world.station.id}")
    page.fill("textarea[name=text]", LOCAL)
    page.screenshot(path=ARTIFACTS / "local-wording-form-phone.png", full_page=True)
    page.click("button:has-text('Lưu bản riêng')")
    page.wait_for_selector("text=Đã lưu bản riêng cho Đài truyền thanh xã Bãi Sậy.")
    listed = page.locator("ul.local-wordings li")
    assert listed.count() == 1 and "0221 3865 112" in listed.inner_text()
    # Nothing on the page is wider than the phone: no sideways scrolling to reach the buttons.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("#local-wordings").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "local-wording-message-phone.png", full_page=True)

    page.goto(f"{live_server}{world.path('html')}?token={world.token}")
    badge = page.locator(".wording-for")
    assert badge.inner_text() == "Bản riêng cho Đài truyền thanh xã Bãi Sậy"
    assert "một một hai" in page.locator(".items .text").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=ARTIFACTS / "local-wording-script-phone.png", full_page=True)
    page.goto(f"{live_server}{world.path('html', station=world.neighbour)}?token={world.neighbour_token}")
    assert page.locator(".wording-for").count() == 0

    # Removing takes two taps (no script needed): open, then confirm what it does.
    page.goto(f"{live_server}/desk/messages/{message.id}")
    page.click("summary:has-text('Xoá bản riêng')")
    page.screenshot(path=ARTIFACTS / "local-wording-remove-phone.png", full_page=True)
    page.click("button:has-text('Xoá, để nơi này đọc lời chung')")
    page.wait_for_selector("text=nơi đó đọc lời chung của tin")
    assert page.locator("ul.local-wordings li").count() == 0

    page.goto(f"{live_server}/desk/messages/{message.id}/revisions")
    assert "0221 3865 112" in page.locator("#local-wordings + table").inner_text()
    page.screenshot(path=ARTIFACTS / "local-wording-history-phone.png", full_page=True)
