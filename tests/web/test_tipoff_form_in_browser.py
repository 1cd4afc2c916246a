"""The tip-off form filled in as a citizen would, on a phone's 375 px in Debian's chromium: the village list
follows the commune, a mistake comes back with the text kept, the receipt code opens the status page, and
information is added with a photo. Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from campaigns.tipoff_models import Tipoff, TipoffAddition, TipoffPhoto
from tests.tipoff_world import make_tipoff_world, photo_with_gps

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('main *')].filter(e => e.checkVisibility()
    && e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.outerHTML.slice(0, 100))"""


def test_a_citizen_sends_a_tip_off_and_follows_it_on_a_phone(live_server, browser, session, tmp_path):
    world = make_tipoff_world(session)
    ARTIFACTS.mkdir(exist_ok=True)
    photo = tmp_path / "anh-hien-truong.jpg"
    photo.write_bytes(photo_with_gps())
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server}/")
    page.click("text=Gửi phản ánh")
    assert page.locator(".emergency-call a[href='tel:113']").is_visible()
    page.screenshot(path=str(ARTIFACTS / "tipoff-form-phone.png"), full_page=True)
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == []

    page.check("input[name=kind][value=report]")
    page.select_option("#tipoff-commune", world.commune.code)
    # Only the chosen commune's villages are offered.
    assert page.locator("#tipoff-village optgroup[data-commune='TP91-01']").is_enabled()
    page.select_option("#tipoff-village", world.village.code)
    page.fill("textarea[name=body]", "Tiếng ồn karaoke đến 1 giờ sáng nhiều đêm liền ở cuối thôn")
    page.check("input[name=anonymous][value='0']")  # chose to leave a contact, then forgot it
    page.click("button:has-text('Gửi phản ánh')")
    assert page.locator("#contact-error").is_visible()
    assert "karaoke" in page.input_value("textarea[name=body]")
    assert page.input_value("#tipoff-village") == world.village.code
    page.screenshot(path=str(ARTIFACTS / "tipoff-form-error-phone.png"), full_page=True)

    page.check("input[name=anonymous][value='1']")
    page.set_input_files("input[name=photos]", str(photo))
    page.click("button:has-text('Gửi phản ánh')")
    code = page.inner_text("#receipt-code").strip()
    page.screenshot(path=str(ARTIFACTS / "tipoff-receipt-phone.png"), full_page=True)
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == []

    page.click("text=Xem tình trạng bằng mã")
    page.fill("input[name=code]", code.lower())
    page.click("button:has-text('Xem tình trạng')")
    assert page.locator(".stage").inner_text() == "Đã nhận, chờ cán bộ xem"
    page.fill("textarea[name=body]", "Thêm: nhà có cổng sắt xanh, gần cầu tre")
    page.set_input_files("input[name=photos]", str(photo))
    page.click("button:has-text('Gửi bổ sung')")
    assert page.locator("text=Đã nhận phần bổ sung của bạn.").is_visible()
    page.screenshot(path=str(ARTIFACTS / "tipoff-status-phone.png"), full_page=True)
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == []

    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Tipoff)) == 1
    assert session.scalar(select(func.count()).select_from(TipoffAddition)) == 1
    assert session.scalar(select(func.count()).select_from(TipoffPhoto)) == 2
