"""Nominations in Debian's chromium at phone width: a citizen nominates, an officer drafts the story and records consent."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from campaigns.nomination_models import Nomination
from content.models import Message
from tests.web.helpers import sign_in
from tests.web.nomination_world import nomination_world

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-phone.png", full_page=True)


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_citizen_nominates_and_an_officer_makes_a_named_story_on_a_phone(live_server, browser, session, now,
                                                                          tmp_path):
    world = nomination_world(session, now)
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{live_server}/nguoi-tot-viec-tot")
    page.click("text=Đề cử người tốt, việc tốt")
    page.fill("input[name=person_name]", "Hoàng Thị Yến")
    page.fill("textarea[name=deed]", "Chị Yến đêm nào cũng đi tuần cùng tổ an ninh thôn và nhắc các nhà khóa cửa.")
    # Sent without saying where: refused, with what was typed kept.
    page.evaluate("document.querySelector('select[name=commune_id]').removeAttribute('required')")
    page.click("button:has-text('Gửi đề cử')")
    page.wait_for_selector("text=Chưa gửi được")
    assert page.input_value("input[name=person_name]") == "Hoàng Thị Yến"
    assert fits(page)
    shoot(page, "nomination-refused")
    page.select_option("select[name=commune_id]", str(world.commune.id))
    page.select_option("select[name=village_id]", str(world.village.id))
    page.click("button:has-text('Gửi đề cử')")
    page.wait_for_selector("text=Cảm ơn bạn đã đề cử")
    assert fits(page)
    shoot(page, "nomination-thanks")

    sign_in(page, live_server, "bientap_xa")
    page.goto(f"{live_server}/desk/nominations/")
    assert fits(page)
    shoot(page, "nominations-list")
    page.click("text=Hoàng Thị Yến")
    page.click("button:has-text('Tạo bản nháp câu chuyện')")
    page.wait_for_selector("text=Đã tạo bản nháp câu chuyện")
    session.rollback()
    nomination = session.scalar(select(Nomination).where(Nomination.person_name == "Hoàng Thị Yến"))
    assert nomination is not None and nomination.message_id is not None
    page.goto(f"{live_server}/desk/nominations/{nomination.id}")
    page.select_option("select[name=method]", "signed_form")
    page.fill("input[name=given_on]", "2026-11-20")
    scan = tmp_path / "don-dong-y.png"
    buffer = BytesIO()
    Image.new("RGB", (300, 400), "white").save(buffer, "PNG")
    scan.write_bytes(buffer.getvalue())
    page.set_input_files("input[name=scan]", str(scan))
    assert fits(page)
    shoot(page, "nomination-consent-form")
    page.click("button:has-text('Ghi nhận sự đồng ý')")
    page.wait_for_selector("text=Đã ghi nhận sự đồng ý")
    assert page.locator("text=Tải bản quét văn bản đồng ý").count() == 1
    assert fits(page)
    shoot(page, "nomination-consented")
    session.rollback()
    story = session.get(Message, nomination.message_id)
    assert story is not None and story.name_consent
