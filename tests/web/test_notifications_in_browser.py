"""The notifications as an officer meets them on a phone, in Debian's chromium: the count in the menu, the
notice, on to the day's confirmations, and the count gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from campaigns.notice_models import EmailStatus, Notification
from scheduler.alerts.missed import raise_alerts
from tests.alert_world import GRACE, AlertWorld, local
from tests.radio_scenarios import ZONE
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def serious_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    results = Axe().run(page, options={"resultTypes": ["violations"]}).response
    assert results["passes"], "axe did not run"
    return [f"{v['id']}: {v['help']}" for v in results["violations"] if v["impact"] in ("serious", "critical")]


def test_an_officer_on_a_phone_follows_a_notice_to_the_days_confirmations(live_server, browser, session,
                                                                          session_factory, clock):
    world = AlertWorld(session)
    world.item(local(6))
    world.item(local(17), title="Phòng chống tội phạm trộm cắp tài sản dịp cuối năm")
    raise_alerts(session_factory, now=local(18), zone=ZONE, grace=GRACE, email_enabled=True)
    mailed = next(n for n in session.scalars(select(Notification)) if n.user_id == world.officers[0].id)
    mailed.email_status = EmailStatus.FAILED
    mailed.email_last_error = "SMTP 550: 5.1.1 Không có hộp thư này"
    session.commit()
    clock.set(local(19))
    page = browser.new_page(viewport=PHONE)

    sign_in(page, live_server, "bientap_minhtan")
    menu = page.locator("header.site a.notices")
    assert menu.inner_text() == "Thông báo (1 chưa đọc)"
    menu.click()
    page.wait_for_selector("h1:has-text('Thông báo')")
    notice = page.locator("section.notice.unread")
    assert "2 tin của buổi phát 06:00, 17:00 ngày 23/11/2026" in notice.inner_text()
    assert "Không gửi được e-mail tới bientap.minhtan@example.vn" in notice.inner_text()
    # Nothing wider than the phone: a long station name or error wraps instead of scrolling sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "notifications-phone.png", full_page=True)

    page.click("button:has-text('Xem xác nhận của ngày này')")
    page.wait_for_url(f"{live_server}/stations/airings?area={world.commune.id}&day=2026-11-23")
    assert "Đài truyền thanh xã Minh Tân" in page.inner_text("main")
    assert page.locator("header.site a.notices").inner_text() == "Thông báo"
