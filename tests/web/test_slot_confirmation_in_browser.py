"""A radio operator on a phone, in Debian's chromium: today's slot heard and confirmed from "Đài của tôi"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from campaigns.models import Airing, AiringStatus
from tests.audio_tools import require_tool
from tests.factories import PASSWORD
from tests.radio_scenarios import MORNING, ZONE, radio_item, radio_world

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
TITLES = ("Cảnh giác cuộc gọi giả danh công an xã An Lạc", "Phòng chống đuối nước cho trẻ em dịp nghỉ hè",
          "Lịch trực bảo vệ an ninh trật tự dịp Tết Nguyên đán")


@pytest.fixture
def operator_page(live_server, browser, session):
    _, _, station, _ = radio_world(session)
    items = [radio_item(session, station, MORNING, title=title).id for title in TITLES]
    radio_item(session, station, datetime(2026, 11, 23, 17, tzinfo=ZONE), title="Giữ trật tự đêm hội làng")
    session.commit()
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server}/desk/login")
    page.fill("input[name=username]", "daiphat_anlac")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Đăng nhập')")
    page.wait_for_url(f"{live_server}/stations/mine")
    ARTIFACTS.mkdir(exist_ok=True)
    yield page, items
    page.close()


def test_the_operator_unticks_one_item_gives_the_reason_and_records_the_slot(operator_page, session):
    page, items = operator_page
    form = page.locator("#confirm-0600 form")
    boxes = form.locator("input[type=checkbox]")
    assert boxes.count() == 3 and all(boxes.nth(n).is_checked() for n in range(3))
    # Nothing wider than the phone; the tick boxes and the button are thumb-sized.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert boxes.first.bounding_box()["height"] >= 24
    button = form.locator("button")
    assert button.bounding_box()["height"] >= 44 and button.bounding_box()["width"] <= PHONE["width"]
    # A reason is asked for only once an item is unticked.
    reason = form.locator(f"input[name=reason-{items[1]}]")
    assert not reason.is_visible()
    page.screenshot(path=ARTIFACTS / "slot-confirm-mine-phone.png", full_page=True)
    boxes.nth(1).uncheck()
    assert reason.is_visible()
    # Sent without the reason: refused, nothing recorded, the choice kept and the field pointed at.
    button.click()
    page.wait_for_selector("text=Chưa ghi nhận được khung giờ này")
    assert not page.locator(f"#confirm-0600 input[type=checkbox][value='{items[1]}']").is_checked()
    assert page.locator(f"#confirm-0600 input[name=reason-{items[1]}]").is_visible()
    page.screenshot(path=ARTIFACTS / "slot-confirm-refused-phone.png", full_page=True)
    assert session.scalars(select(Airing)).all() == []
    session.rollback()  # end the read, so the next one sees what the server commits
    page.fill(f"#confirm-0600 input[name=reason-{items[1]}]", "Mất điện thôn Đông từ 6 giờ 05")
    page.click("#confirm-0600 button")
    # Back where the operator started, the slot shown as confirmed.
    page.wait_for_selector("text=Đã ghi nhận khung giờ 06:00: 2 tin đã phát, 1 tin không phát.")
    assert "/stations/mine" in page.url
    assert page.locator("#confirm-0600 .slot-done").is_visible()
    page.screenshot(path=ARTIFACTS / "slot-confirm-done-phone.png", full_page=True)
    session.rollback()
    recorded = {a.delivery_id: (a.status, a.reason) for a in session.scalars(select(Airing))}
    assert recorded == {items[0]: (AiringStatus.AIRED, None),
                        items[1]: (AiringStatus.NOT_AIRED, "Mất điện thôn Đông từ 6 giờ 05"),
                        items[2]: (AiringStatus.AIRED, None)}


def test_the_slots_player_and_download_fetch_real_audio_from_the_page(operator_page):
    require_tool("espeak-ng", "espeak-ng")
    page, _ = operator_page
    player = page.locator("[id$='-slot-0600'] audio").first
    assert player.is_visible() and player.get_attribute("preload") == "none"
    answer = page.evaluate("""async (src) => { const r = await fetch(src);
        return [r.status, r.headers.get('content-type'), (await r.arrayBuffer()).byteLength]; }""",
                           player.get_attribute("src"))
    assert answer[0] == 200 and answer[1].startswith("audio/") and answer[2] > 10_000
    download = page.locator("[id$='-slot-0600'] .player a.download").first
    with page.expect_download() as event:
        download.click()
    assert event.value.suggested_filename.endswith("2026-11-23 06h00." + player.get_attribute("src").split("?")[0]
                                                   .rsplit(".", 1)[1])
    assert event.value.suggested_filename.startswith("Đài truyền thanh xã An Lạc")
