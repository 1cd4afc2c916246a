"""Planning in Debian's chromium: daily slots proposed from a campaign's peak, planned, then seen on the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from campaigns.campaign_records import CampaignInput, PeakInput, attach_message, create_campaign
from campaigns.models import ChannelKind, Delivery
from tests.factories import make_area, make_channel, make_station
from tests.scenarios import HCM, approved
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def shoot(page, name: str) -> None:
    """The page at desktop and at phone width, full length."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=ARTIFACTS / f"{name}-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


@pytest.fixture
def world(session, now):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sơn Lâm")
    for commune in ("Xã Đồi Thông", "Xã Suối Bạc", "Phường Bến Nứa"):
        make_station(session, make_area(session, parent=province, name=commune), name=f"Đài {commune}")
    make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh")
    make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram Công an tỉnh")
    message, approver = approved(session, province, now, "Cảnh giác cuộc gọi giả danh nhân viên ngân hàng")
    approver.username = "pheduyet"
    campaign = create_campaign(session, message.author, CampaignInput(
        plan_number="Kế hoạch số 21/KH-UBND", issuing_body="UBND tỉnh Sơn Lâm", title="Tháng an toàn giao dịch",
        starts_on=date(2026, 11, 1), ends_on=date(2026, 12, 31), owner_area_id=province.id,
        peaks=(PeakInput(name="Tuần cao điểm cuối tháng", starts_on=date(2026, 11, 27), ends_on=date(2026, 11, 29)),)),
        now=now, zone=HCM)
    attach_message(session, campaign, message)
    session.commit()
    return message


def test_a_message_planned_with_daily_slots_shows_on_the_week_and_month_calendar(live_server, browser, session, world):
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, live_server, "pheduyet")
    page.goto(f"{live_server}/desk/messages/{world.id}")
    page.click("a:has-text('Lên lịch phát')")
    page.wait_for_selector("h1:has-text('Lên lịch phát')")
    times = page.locator("input[name=slot_times]")
    assert [times.nth(i).input_value() for i in range(times.count() - 1)] == [
        "06:00, 17:00", "06:00, 11:00, 17:00", "06:00, 17:00"]
    assert page.is_visible("text=Cao điểm: Tuần cao điểm cuối tháng")
    page.check("label:has-text('Tỉnh Sơn Lâm') input[name=area_ids]")
    page.check("label:has-text('Kênh Telegram Công an tỉnh') input[name=channel_ids]")
    telegram = page.locator(".destination", has_text="Kênh Telegram Công an tỉnh")
    telegram.locator("input[type=datetime-local]").fill("2026-11-24T19:30")
    shoot(page, "plan-form")

    page.click("button:has-text('Lên lịch')")
    page.wait_for_selector("text=Đã lên lịch 52 lượt phát, từ 06:00 24/11/2026 đến 17:00 30/11/2026.")
    assert session.scalar(select(func.count()).select_from(Delivery)) == 52

    page.click("header nav >> text=Lịch phát")
    page.wait_for_selector("h2:has-text('Tuần 23/11 – 29/11/2026')")
    saturday = page.locator("li.day", has_text="28/11")
    assert saturday.locator("time").all_inner_texts() == ["06:00", "11:00", "17:00"]
    assert "3 đài" in saturday.inner_text()
    tuesday = page.locator("li.day", has_text="24/11")
    assert "19:30" in tuesday.inner_text() and "Kênh Telegram Công an tỉnh" in tuesday.inner_text()
    shoot(page, "calendar-week")

    page.click("a:has-text('Tháng')")
    page.wait_for_selector("h2:has-text('Tháng 11/2026')")
    shoot(page, "calendar-month")
    assert page.locator("li.day:not(.outside)", has_text="29/11").locator("time").count() == 3

    page.select_option("select[name=destination]", label="Kênh Telegram Công an tỉnh")
    page.click("button:has-text('Lọc')")
    page.wait_for_selector("h2:has-text('Tháng 11/2026')")
    assert page.locator(".calendar time").all_inner_texts() == ["19:30"]
    page.click(".calendar a:has-text('Cảnh giác cuộc gọi')")
    page.wait_for_selector(f"h1:has-text('{world.title}')")


def test_a_mistake_on_the_planning_form_keeps_every_choice(live_server, browser, session, world):
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, live_server, "pheduyet")
    page.goto(f"{live_server}/desk/messages/{world.id}/plan")
    page.check("label:has-text('Xã Suối Bạc') input[name=area_ids]")
    page.locator("input[name=slot_times]").first.fill("6 giờ sáng")
    page.click("button:has-text('Lên lịch')")
    page.wait_for_selector(".field-error")
    assert "“6 giờ sáng” không đọc được" in page.inner_text("#daily-error")
    assert page.is_checked("label:has-text('Xã Suối Bạc') input[name=area_ids]")
    assert page.locator("input[name=slot_times]").first.input_value() == "6 giờ sáng"
    shoot(page, "plan-form-error")
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0
