"""Weekly programmes in Debian's chromium at phone width: set up by an admin, planned into, read in the script."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from campaigns.models import Delivery
from campaigns.programme_models import Programme
from content.models import Role
from tests.factories import make_user
from tests.radio_scenarios import radio_world
from tests.scenarios import approved
from tests.web.helpers import sign_in, sign_out

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-phone.png", full_page=True)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_programme_is_set_up_planned_into_and_read_in_the_thursday_script(live_server, browser, session, now):
    _, commune, station, _ = radio_world(session)
    make_user(session, role=Role.ADMIN, area=commune, username="quantri")
    message, approver = approved(session, commune, now, "Cảnh giác thủ đoạn trộm chó bằng bả độc")
    approver.username = "pheduyet"
    session.commit()
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "quantri")
    page.goto(f"{live_server}/stations/{station.id}")
    page.click("a:has-text('Thêm chuyên mục')")
    page.fill("input[name=name]", "Chung tay phòng chống tội phạm")
    page.check("label:has-text('Thứ Năm') input[name=weekdays]")
    page.fill("input[name=starts_at]", "19:00")
    page.fill("input[name=minutes]", "20")
    page.fill("textarea[name=opening]", "Mời bà con cùng nghe chuyên mục của Công an xã.")
    page.fill("textarea[name=closing]", "Tin báo tội phạm xin gọi số 113.")
    shoot(page, "programme-form")
    assert no_sideways_scroll(page)
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã thêm chuyên mục")
    assert page.is_visible("#programmes >> text=Thứ Năm · 19:00 (20 phút) · nghỉ vào ngày lễ")
    shoot(page, "programme-station")
    sign_out(page)

    sign_in(page, live_server, "pheduyet")
    page.goto(f"{live_server}/desk/messages/{message.id}")
    page.click("a:has-text('Lên lịch vào chuyên mục')")
    page.check("label:has-text('Chung tay phòng chống tội phạm') input[name=programme_ids]")
    assert page.input_value("input[name=weeks]") == "4"
    shoot(page, "programme-plan")
    assert no_sideways_scroll(page)
    page.click("button:has-text('Lên lịch')")
    page.wait_for_selector("text=Đã lên lịch 4 lượt phát vào chuyên mục")
    programme = session.scalar(select(Programme))
    assert len(session.scalars(select(Delivery).where(Delivery.programme_id == programme.id)).all()) == 4

    page.goto(f"{live_server}/radio/stations/{station.id}/scripts/2026-11-26.html")
    heading = page.locator("h2:has-text('Chuyên mục “Chung tay phòng chống tội phạm” · 19:00')")
    assert heading.count() == 1
    section = page.locator("section.script-slot", has=heading)
    assert "Sau đây là chuyên mục Chung tay phòng chống tội phạm" in section.inner_text()
    assert "Cảnh giác thủ đoạn trộm chó bằng bả độc" in section.inner_text()
    shoot(page, "programme-script")
    assert no_sideways_scroll(page)
