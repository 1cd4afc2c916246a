"""/admin/api-tokens in Debian's chromium at phone width: issue a token, copy it once, revoke it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.api_world import api_world
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def fits(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_admin_issues_copies_and_revokes_a_token_on_a_phone(live_server, browser, session):
    world = api_world(session)
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    sign_in(page, live_server, world.admin.username)
    page.goto(f"{live_server}/admin/api-tokens")
    assert page.locator("text=Chưa có mã nào.").count() == 1 and fits(page)
    page.fill("input[name=name]", "Cổng thông tin tỉnh Sông Lam")
    page.fill("input[name=username]", world.editor_a.username)
    page.check("input[value='messages:read']")
    page.fill("input[name=expires_on]", "2027-01-31")
    page.click("button:has-text('Cấp mã')")
    page.wait_for_selector("h1:has-text('Mã truy cập API mới')")
    secret = page.input_value("#api-token")
    assert secret.startswith("loa_") and fits(page)
    page.click("button:has-text('Sao chép mã')")
    page.wait_for_selector("#copy-done:not([hidden])")
    assert page.evaluate("navigator.clipboard.readText()") == secret
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "api-token-issued-phone.png", full_page=True)
    page.click("text=← Mã truy cập API")
    assert page.locator(f"text={secret[:8]}…").count() == 1 and page.locator(f"text={secret}").count() == 0
    assert fits(page)
    page.click("button:has-text('Thu hồi')")
    page.wait_for_selector(f"text=Đã thu hồi mã {secret[:8]}")
    page.screenshot(path=ARTIFACTS / "api-tokens-phone.png", full_page=True)
    assert fits(page)
    context.close()
