"""The desk as officers use it, in Debian's chromium: a story written, sent back, fixed and approved."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from content.models import Message, MessageStatus, Role
from tests.factories import make_area, make_user
from tests.web.helpers import sign_in, sign_out

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def photo() -> bytes:
    out = BytesIO()
    Image.new("RGB", (800, 600), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


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
    page.select_option("select[name=person_area_id]", label="— Xã Bến Đò")
    page.set_input_files("input[name=image_file]", files=[{
        "name": "chi-mai.png", "mimeType": "image/png", "buffer": photo()}])
    page.fill("input[name=image_alt]", "Chị Mai trao lại chiếc ví cho du khách tại trụ sở Công an xã")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "desk-story-editor.png", full_page=True)
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã lưu bản nháp.")
    image = page.locator("figure.message-image img")
    assert image.get_attribute("alt") == "Chị Mai trao lại chiếc ví cho du khách tại trụ sở Công an xã"
    assert image.evaluate("img => img.complete && img.naturalWidth") == 800  # served, not a broken icon
    page.screenshot(path=ARTIFACTS / "desk-story-draft.png", full_page=True)
    page.click("button:has-text('Gửi duyệt')")
    page.wait_for_selector("text=Đã gửi duyệt.")
    message_url = page.url
    sign_out(page)

    sign_in(page, live_server, "pheduyet")
    page.goto(message_url)
    assert "Xã Bến Đò" in page.inner_text(".story-facts")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=ARTIFACTS / "desk-review-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=ARTIFACTS / "desk-review.png", full_page=True)
    page.fill("textarea[name=comment]", "Đề nghị ghi rõ thôn nơi chị Mai sinh sống.")
    page.click("button:has-text('Yêu cầu sửa')")
    page.wait_for_selector("text=Đã yêu cầu sửa.")
    sign_out(page)

    sign_in(page, live_server, "bientap")
    page.goto(message_url)
    assert "Đề nghị ghi rõ thôn nơi chị Mai sinh sống." in page.inner_text("[role=note]")
    page.click("a:has-text('Sửa')")
    assert page.is_checked("input[name=image_id]:not([value=''])")  # the image stays picked on edit
    page.fill("textarea[name=body_md]", "Chị **Lò Thị Mai** (thôn Bến Đò) nhặt được ví và trả lại ngay.")
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã lưu phiên bản mới.")
    page.click("button:has-text('Gửi duyệt')")
    sign_out(page)

    sign_in(page, live_server, "pheduyet")
    page.goto(message_url)
    page.click("button:has-text('Duyệt')")
    page.wait_for_selector("text=Đã duyệt.")
    page.screenshot(path=ARTIFACTS / "desk-story-approved.png", full_page=True)

    session.expire_all()
    message = session.scalar(select(Message))
    assert message.status is MessageStatus.APPROVED
    assert [r.number for r in message.revisions] == [1, 2]
    assert message.revisions[0].comment == "Đề nghị ghi rõ thôn nơi chị Mai sinh sống."
    assert message.image is not None and message.image.width == 800
    assert message.person_area.name == "Xã Bến Đò"


def start_writing(live_server, browser, session, button: str, body: str):  # type: ignore[no-untyped-def]
    """An editor signed in with a new message half typed: the title and the body, nothing else."""
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    page = browser.new_page()
    sign_in(page, live_server, "bientap")
    page.click(f"text={button}")
    page.fill("input[name=title]", "Tiêu đề giữ nguyên")
    page.fill("textarea[name=body_md]", body)
    return page


def test_a_form_with_a_mistake_keeps_everything_typed(live_server, browser, session):
    page = start_writing(live_server, browser, session, "+ Người tốt, việc tốt",
                         "Nội dung dài công phu của biên tập viên.")
    page.click("button:has-text('Lưu')")  # the person's name is missing
    page.wait_for_selector(".field-error")
    assert page.input_value("input[name=title]") == "Tiêu đề giữ nguyên"
    assert page.input_value("textarea[name=body_md]") == "Nội dung dài công phu của biên tập viên."
    assert "tên người được nêu gương" in page.inner_text("#person_name-error")


def test_an_image_over_the_limit_is_stopped_before_it_is_sent(live_server, browser, session):
    page = start_writing(live_server, browser, session, "+ Bài tuyên truyền", "Nội dung giữ nguyên.")
    page.set_input_files("input[name=image_file]", files=[{
        "name": "nang.jpg", "mimeType": "image/jpeg", "buffer": photo() + bytes(6 * 1024 * 1024)}])
    message = page.eval_on_selector("input[name=image_file]", "input => input.validationMessage")
    assert "nặng quá 5 MB" in message
    page.click("button:has-text('Lưu')")  # the browser refuses to submit an invalid form
    assert page.url.endswith("/desk/messages/new?kind=article") or page.url.endswith("/desk/messages/new")
    assert page.input_value("textarea[name=body_md]") == "Nội dung giữ nguyên."
