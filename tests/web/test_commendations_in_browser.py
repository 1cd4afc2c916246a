"""Commendations in Debian's chromium at phone width: record one with a typo first, then read the festival report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commendation_world import desk_world
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-phone.png", full_page=True)


def fits(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_officer_records_a_commendation_and_prints_the_festival_report_on_a_phone(live_server, browser, session):
    w = desk_world(session)
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "bientap_xa")
    page.goto(f"{live_server}/desk/commendations/new")
    page.fill("input[name=recipient]", "Lò Văn Thắm")
    page.fill("textarea[name=reason]", "Nhặt được ví trả người đánh rơi")
    page.select_option("select[name=level]", "commune")
    page.fill("input[name=decision_number]", "57/QĐ-UBND")
    page.fill("input[name=decided_on]", "2026-12-20")  # a slip: in the future
    page.select_option("select[name=area_id]", str(w.commune_a.id))
    page.select_option("select[name=message_id]", str(w.story_a.id))
    page.click("form.stack button")
    page.wait_for_selector("text=Ngày quyết định không được ở tương lai.")
    assert page.input_value("textarea[name=reason]") == "Nhặt được ví trả người đánh rơi"
    assert fits(page)
    shoot(page, "commendation-form-error")
    page.fill("input[name=decided_on]", "2026-08-12")
    page.click("form.stack button")
    page.wait_for_selector("text=Đã ghi nhận khen thưởng.")
    assert fits(page)
    shoot(page, "commendations")
    page.click("text=Báo cáo Ngày hội năm 2026")
    page.wait_for_selector("h1:has-text('Báo cáo Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026')")
    assert page.locator("text=57/QĐ-UBND").count() == 1
    shoot(page, "festival-report")
