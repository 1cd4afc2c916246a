"""The portal and the desk as a person sees them, in Debian's chromium."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from content.models import Role
from tests.factories import PASSWORD, make_area, make_published_message, make_user

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HOSTILE = """Bà con lưu ý **số 113**.

<script>window.__pwned = 1</script>
<img src=x onerror="window.__pwned = 2">
[bấm vào đây](javascript:window.__pwned=3)
<svg onload="window.__pwned=4"></svg>
<a href="data:text/html,<script>alert(1)</script>">data</a>
"""


def test_a_published_message_with_hostile_markdown_runs_no_script(live_server, browser, session, session_factory):
    now = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
    message = make_published_message(session, session_factory, now, title="Tin có mã độc thử nghiệm", body=HOSTILE)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_server}/tin/{message.slug}")
    page.click("text=bấm vào đây")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator("strong", has_text="số 113").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "portal-message.png", full_page=True)


def test_an_editor_logs_in_and_sees_the_desk_on_a_phone(live_server, browser, session):
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    make_user(session, role=Role.EDITOR, area=province, username="bientap")
    session.commit()
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{live_server}/desk/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Đăng nhập')")
    page.wait_for_url(f"{live_server}/desk/")
    assert page.locator("h1").inner_text() == "Bàn biên tập"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "desk-phone.png", full_page=True)


def test_the_whole_hostile_corpus_published_runs_no_script(live_server, browser, session, session_factory):
    from tests.samples import HOSTILE as CORPUS

    body = "\n\n".join(CORPUS).replace("alert(1)", "window.__pwned=1")
    now = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
    message = make_published_message(session, session_factory, now, title="Bộ mẫu tấn công", body=body)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in (f"/tin/{message.slug}", "/", "/feed.rss"):
        page.goto(f"{live_server}{path}")
        for link in page.locator(".body a").all():
            link.click(no_wait_after=True)
        assert page.evaluate("window.__pwned") is None, path
    assert dialogs == []


def test_the_hostile_corpus_runs_no_script_in_the_desk_preview_review_and_history(live_server, browser, session):
    from tests.samples import HOSTILE as CORPUS
    from tests.web.helpers import sign_in, sign_out

    province = make_area(session, name="Tỉnh Thử Nghiệm")
    make_user(session, role=Role.EDITOR, area=province, username="bientap")
    make_user(session, role=Role.APPROVER, area=province, username="pheduyet")
    session.commit()
    body = "**Mở đầu an toàn**\n\n" + "\n\n".join(CORPUS).replace("alert(1)", "window.__pwned=1")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def assert_clean(where: str) -> None:
        for link in page.locator(".preview a").all():
            link.click(no_wait_after=True)
        assert page.evaluate("window.__pwned") is None, where
        assert dialogs == [], where

    sign_in(page, live_server, "bientap")
    page.click("text=+ Bài tuyên truyền")
    page.fill("input[name=title]", "Bộ mẫu tấn công trong bàn biên tập")
    page.fill("textarea[name=body_md]", body)
    page.wait_for_selector("#preview strong:has-text('Mở đầu an toàn')")
    assert_clean("live preview")
    page.click("button:has-text('Lưu')")
    page.wait_for_selector("text=Đã lưu bản nháp.")
    page.click("button:has-text('Gửi duyệt')")
    message_url = page.url
    sign_out(page)

    sign_in(page, live_server, "pheduyet")
    page.goto(message_url)
    assert_clean("review screen")
    page.click("button:has-text('Duyệt')")
    page.wait_for_selector("text=Đã duyệt.")
    assert_clean("approved message")
    page.goto(f"{message_url}/revisions")
    assert page.evaluate("window.__pwned") is None and dialogs == []
