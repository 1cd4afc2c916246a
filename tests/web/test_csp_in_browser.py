"""Every main page under the Content-Security-Policy in Debian's chromium: no violation, and its scripts still work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pytest

from campaigns.models import ChannelKind
from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from tests.factories import make_area, make_channel, make_published_message, make_station, make_user
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
# Collects what the page itself reports; added before any page script, so nothing is missed.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
window.print = function () { window.__printed = true; };
"""


@dataclass
class Watch:
    """Everything a browsing session saw that breaks the policy, and every page that came without it."""

    console: list[str] = field(default_factory=list)
    unprotected: list[str] = field(default_factory=list)

    def page(self, browser, **options):  # type: ignore[no-untyped-def]
        context = browser.new_context(**options)
        context.add_init_script(LISTEN)
        page = context.new_page()
        page.on("console", lambda message: self.console.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.on("response", lambda response: self.unprotected.append(response.url)
                if response.request.resource_type == "document"
                and "content-security-policy" not in response.headers else None)
        return page

    def check(self, page) -> None:  # type: ignore[no-untyped-def]
        assert page.evaluate("window.__violations") == [], page.url
        assert self.console == [], page.url
        assert self.unprotected == [], page.url


@dataclass(frozen=True)
class World:
    slug: str
    submitted: int
    approved: int
    social_delivery: int
    station: int
    station_token: str
    channel: int


@pytest.fixture
def world(session, session_factory, clock) -> World:
    now = clock()
    published = make_published_message(session, session_factory, now, title="Thôn Khe Lim giữ bình yên ngày lễ")
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Bãi Sậy")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap")
    approver = make_user(session, role=Role.APPROVER, area=province, username="pheduyet")
    make_user(session, role=Role.ADMIN, area=None, username="quantri")
    station = make_station(session, commune, name="Đài truyền thanh xã Bãi Sậy")
    telegram = make_channel(session, ChannelKind.TELEGRAM, name="Telegram Công an xã Bãi Sậy")

    def written(title: str, body: str):  # type: ignore[no-untyped-def]
        message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                               area_id=commune.id), now=now)
        transition_message(session, message, "submit", actor=editor, now=now)
        return message

    submitted = written("Cảnh giác cuộc gọi giả danh công an", "Công an **không** làm việc qua điện thoại.")
    approved = written("Phòng cháy mùa khô", "Bà con không đốt rơm gần nhà và chuồng trại.")
    transition_message(session, approved, "approve", actor=approver, now=now)
    due = datetime(2026, 11, 24, 6, tzinfo=timezone(timedelta(hours=7)))
    [social] = plan_deliveries(session, approved, actor=approver, due_at=due, now=now, channels=[telegram])
    plan_deliveries(session, approved, actor=approver, due_at=due, now=now, stations=[station])
    token = issue_station_token(station, now=now)
    session.commit()
    return World(slug=published.slug, submitted=submitted.id, approved=approved.id, social_delivery=social.id,
                 station=station.id, station_token=token, channel=telegram.id)


def test_the_public_pages_and_the_login_keep_to_the_policy(live_server, browser, world):
    watch = Watch()
    page = watch.page(browser)
    for path in ("/", f"/tin/{world.slug}", "/desk/login"):
        page.goto(f"{live_server}{path}")
        watch.check(page)
    assert "Thôn Khe Lim giữ bình yên ngày lễ" in page.goto(f"{live_server}/").text()


def test_the_editor_previews_live_under_the_policy(live_server, browser, world):
    watch = Watch()
    page = watch.page(browser)
    sign_in(page, live_server, "bientap")
    watch.check(page)  # the desk list
    page.goto(f"{live_server}/desk/messages/new?kind=article")
    page.fill("input[name=title]", "Giữ gìn trật tự bến đò")
    page.fill("textarea[name=body_md]", "Bà con **xếp hàng** khi lên đò.\n\nKhông chở quá số người cho phép.")
    page.wait_for_selector("#preview strong:has-text('xếp hàng')")
    page.wait_for_selector("#spoken-preview p:has-text('Không chở quá số người cho phép.')")
    assert "từ" in page.inner_text("#preview-stats")
    page.fill("input[data-filter-for]", "bai say")  # the area picker's filter, also from editor.js
    shown = page.eval_on_selector("#target_area_ids", "s => [...s.options].filter(o => !o.hidden).map(o => o.text)")
    assert shown and all("Bãi Sậy" in text for text in shown)
    watch.check(page)


def test_review_planning_and_the_channel_wording_keep_to_the_policy(live_server, browser, world):
    watch = Watch()
    page = watch.page(browser)
    sign_in(page, live_server, "pheduyet")
    page.goto(f"{live_server}/desk/messages/{world.submitted}")
    page.wait_for_selector("button:has-text('Duyệt')")
    watch.check(page)
    page.goto(f"{live_server}/desk/messages/{world.approved}/plan")
    watch.check(page)
    page.goto(f"{live_server}/desk/deliveries/{world.social_delivery}/variant")
    page.fill("textarea[name=variant]", "Bà con không đốt rơm.")
    page.wait_for_selector("#variant-count:has-text('21 / ')")  # the counter from editor.js follows typing
    watch.check(page)


def test_admin_pages_and_the_token_copy_button_keep_to_the_policy(live_server, browser, world):
    watch = Watch()
    page = watch.page(browser, permissions=["clipboard-read", "clipboard-write"])
    sign_in(page, live_server, "quantri")
    for path in ("/desk/media/", "/admin/channels/", f"/admin/channels/{world.channel}", "/stations/"):
        page.goto(f"{live_server}{path}")
        watch.check(page)
    page.goto(f"{live_server}/stations/{world.station}")
    page.click("button:has-text('Cấp mã mới')")
    page.wait_for_selector("#station-token")
    token = page.input_value("#station-token")
    page.click("#copy-token")
    page.wait_for_selector("#copy-done:visible", timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == token
    watch.check(page)


def test_the_radio_script_page_prints_under_the_policy(live_server, browser, world):
    watch = Watch()
    page = watch.page(browser)
    page.goto(f"{live_server}/radio/stations/{world.station}/scripts/2026-11-24.html?token={world.station_token}")
    assert "Phòng cháy mùa khô" in page.inner_text(".radio-script")
    page.click("button:has-text('In kịch bản')")
    assert page.evaluate("window.__printed") is True
    watch.check(page)
