"""An officer at phone width registers a model with a mistake, fixes it, links a story, then assesses a ward."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from campaigns.model_assessments import add_criterion
from campaigns.models import TargetKind
from content.models import AreaKind
from tests.campaigns.target_world import add_message, add_target, target_world
from tests.factories import make_area
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)


def test_an_officer_registers_a_model_on_a_phone(live_server, browser, session):
    w = target_world(session)
    thon = make_area(session, parent=w.commune_a, kind=AreaKind.RESIDENTIAL, name="Thôn Hòa Bình")
    story = add_message(session, w.editor, w.commune_a, None)
    session.commit()
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "bientap_tinh")
    page.goto(f"{live_server}/desk/models/")
    page.click("a:has-text('Thêm mô hình')")
    page.fill("input[name=name]", "Camera an ninh thôn Hòa Bình")
    page.select_option("select[name=kind]", "cameras")
    page.select_option("select[name=area_id]", str(thon.id))
    page.fill("input[name=started_on]", "2026-05-19")
    page.fill("input[name=households]", "hai trăm")
    page.click("form.stack button")
    page.wait_for_selector(".field-error")
    assert page.input_value("input[name=name]") == "Camera an ninh thôn Hòa Bình"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "model-form-error-phone.png", full_page=True)
    page.fill("input[name=households]", "230")
    page.click("form.stack button")
    page.wait_for_selector("h1:has-text('Camera an ninh thôn Hòa Bình')")
    page.select_option("select[name=message_id]", str(story.id))
    page.click("button:has-text('Gắn tin')")
    page.wait_for_selector(f"li a:has-text('{story.title}')")
    page.screenshot(path=ARTIFACTS / "model-page-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.goto(f"{live_server}/desk/models/")
    assert "Camera an ninh thôn Hòa Bình" in page.inner_text("table.list")
    page.screenshot(path=ARTIFACTS / "models-list-phone.png", full_page=True)


def test_an_officer_assesses_a_ward_on_a_phone(live_server, browser, session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.MILESTONES, 13, unit="phường kiểu mẫu")
    for title in ("Không có tụ điểm ma túy", "Trên 70% hộ có camera an ninh"):
        add_criterion(session, w.editor, w.campaign, title, now=NOW)
    session.commit()
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "bientap_tinh")
    page.goto(f"{live_server}/desk/campaigns/{w.campaign.id}")
    page.click("a:has-text('Xã, phường kiểu mẫu')")
    page.select_option("select[name=area_id]", str(w.commune_a.id))
    page.fill("input[name=assessed_on]", "2026-11-10")
    for box in page.locator("input[name=met]").all():
        box.check()
    page.fill("textarea[name=evidence]", "Biên bản kiểm tra ngày 05/11/2026")
    page.fill("input[name=decision_number]", "77/QĐ-UBND")
    page.click("button:has-text('Lưu kết quả đánh giá')")
    page.wait_for_selector("h2:has-text('Địa bàn đạt chuẩn: 1')")
    page.screenshot(path=ARTIFACTS / "model-areas-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    page.goto(f"{live_server}/desk/campaigns/{w.campaign.id}/reach")
    assert "77/QĐ-UBND" in page.inner_text("#models")
