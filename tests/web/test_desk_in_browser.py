"""The desk as officers use it, in Debian's chromium: a story written, sent back, fixed and approved."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from content.models import Message, MessageStatus, Role
from tests.factories import PASSWORD, make_area, make_user

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/desk/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Đăng nhập')")
    page.wait_for_url(f"{base}/desk/")


def sign_out(page) -> None:
    page.click("button:has-text('Đăng xuất')")


def test_a_story_goes_from_draft_through_changes_to_approval(live_server, browser, session):
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    make_area(session, parent=province, name="Xã Bến Đò")
    make_user(session, role=Role.EDITOR, area=province, username="bientap")
    make_user(session, role=Role.APPROVER, area=province, username="pheduyet")
    session.commit()
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    sign_in(page, live_server, "bientap")
    page.click("text=+ Người tốt, việc tốt")
    page.fill("input[name=title]", "Chị Lò Thị Mai trả lại ví cho du khách")
    page.fill("textarea[name=body_md]", "Chị **Lò Thị Mai** nhặt được ví và trả lại ngay.")
    page.wait_for_selector("#preview strong:has-text('Lò Thị Mai')")
    assert "từ" in page.inner_text("#preview-stats")
    page.fill("input[name=person_name]", "Lò Thị Mai")
    page.fill("textarea[name=deed]", "Trả lại ví có 5 triệu đồng")
    page.fill("input[name=deed_on]", "2026-11-02")
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã lưu bản nháp.")
    page.screenshot(path=ARTIFACTS / "desk-story-draft.png", full_page=True)
    page.click("button:has-text('Gửi duyệt')")
    page.wait_for_selector("text=Đã gửi duyệt.")
    message_url = page.url
    sign_out(page)

    sign_in(page, live_server, "pheduyet")
    page.goto(message_url)
    page.fill("textarea[name=comment]", "Đề nghị ghi rõ thôn nơi chị Mai sinh sống.")
    page.click("button:has-text('Yêu cầu sửa')")
    page.wait_for_selector("text=Đã yêu cầu sửa.")
    sign_out(page)

    sign_in(page, live_server, "bientap")
    page.goto(message_url)
    page.click("a:has-text('Sửa')")
    page.fill("textarea[name=body_md]", "Chị **Lò Thị Mai** (thôn Bến Đò) nhặt được ví và trả lại ngay.")
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã lưu phiên bản mới.")
    page.click("button:has-text('Gửi duyệt')")
    sign_out(page)

    sign_in(page, live_server, "pheduyet")
    page.goto(message_url)
    page.click("button:has-text('Duyệt')")
    page.wait_for_selector("text=Đã duyệt.")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "desk-story-approved.png", full_page=True)

    session.expire_all()
    message = session.scalar(select(Message))
    assert message.status is MessageStatus.APPROVED
    assert [r.number for r in message.revisions] == [1, 2]
    assert message.revisions[0].comment == "Đề nghị ghi rõ thôn nơi chị Mai sinh sống."


def test_a_form_with_a_mistake_keeps_everything_typed(live_server, browser, session):
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    page = browser.new_page()
    sign_in(page, live_server, "bientap")
    page.click("text=+ Người tốt, việc tốt")
    page.fill("input[name=title]", "Tiêu đề giữ nguyên")
    page.fill("textarea[name=body_md]", "Nội dung dài công phu của biên tập viên.")
    page.click("button:has-text('Lưu')")  # the person's name is missing
    page.wait_for_selector(".field-error")
    assert page.input_value("input[name=title]") == "Tiêu đề giữ nguyên"
    assert page.input_value("textarea[name=body_md]") == "Nội dung dài công phu của biên tập viên."
    assert "tên người được nêu gương" in page.inner_text("#person_name-error")
