"""Every staff screen at a phone's 375 px, in Debian's chromium: nothing wider than the screen, and no field,
button or player sticking out of the box it sits in (seen on the planning form before issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaigns.models import ChannelKind
from content.models import Role
from tests.factories import PASSWORD, make_channel, make_user
from tests.radio_scenarios import MORNING, radio_item, radio_world

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}
TODAY = "2026-11-23"  # the app's clock in tests reads 08:00 on this day in Hà Nội

# Each control's right edge against the box that holds it; a tolerance of one pixel for rounding.
# Folded parts (details) are opened first: a person opens them too.
OVERFLOWING = """() => { document.querySelectorAll('main details').forEach(d => { d.open = true; });
    return [...document.querySelectorAll('main input, main select, main button, main audio, main .button')]
    .filter(e => e.checkVisibility())
    .map(e => [e, e.parentElement.closest('fieldset, form, section, .card, .player, main')])
    .filter(([e, box]) => e.getBoundingClientRect().right > box.getBoundingClientRect().right + 1
                          || e.getBoundingClientRect().right > window.innerWidth)
    .map(([e]) => e.outerHTML.slice(0, 120)); }"""


@pytest.fixture
def world(session):
    province, commune, station, _ = radio_world(session)
    deliveries = [radio_item(session, station, MORNING, title=title) for title in (
        "Cảnh giác cuộc gọi giả danh công an", "Phòng chống đuối nước cho trẻ em dịp nghỉ hè")]
    make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin điện tử tỉnh Thanh Thủy", area=province)
    make_user(session, role=Role.ADMIN, area=province, username="quantri_thu")
    make_user(session, role=Role.EDITOR, area=province, username="bientap_thu")
    session.commit()
    return {"station": station.id, "message": deliveries[0].message_id}


def pages(world) -> dict[str, list[str]]:
    station, message = world["station"], world["message"]
    return {
        "daiphat_anlac": ["/stations/mine", f"/radio/stations/{station}/airings/{TODAY}",
                          f"/radio/stations/{station}/scripts/{TODAY}.html"],
        "bientap_thu": ["/desk/", f"/desk/messages/{message}", f"/desk/messages/{message}/plan", "/desk/calendar",
                        "/stations/airings"],
        "quantri_thu": ["/stations/", f"/stations/{station}"],
    }


def test_no_staff_screen_is_wider_than_a_phone(live_server, browser, world):
    ARTIFACTS.mkdir(exist_ok=True)
    problems: dict[str, object] = {}
    for username, paths in pages(world).items():
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{live_server}/desk/login")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button:has-text('Đăng nhập')")
        page.wait_for_load_state()
        for n, path in enumerate(paths):
            response = page.goto(f"{live_server}{path}")
            assert response is not None and response.status == 200, path
            width = page.evaluate("document.documentElement.scrollWidth")
            sticking_out = page.evaluate(OVERFLOWING)
            if width > PHONE["width"] or sticking_out:
                problems[path] = (width, sticking_out)
            page.screenshot(path=ARTIFACTS / f"phone-{username}-{n}.png", full_page=True)  # details open
        page.close()
    assert problems == {}
