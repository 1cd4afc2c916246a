"""A figure table stacked on a phone names each cell's column before it (seen at 375 px: the compliance grid's
week cells read "✓ Đạt 4/2" eight times over, with no week to say which); on a wide screen the header does."""

from __future__ import annotations

from datetime import date

import pytest

from campaigns.models import TargetKind
from content.models import Role
from tests.campaigns.target_world import add_target, air, local, target_world
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser
BEFORE = """() => [...document.querySelectorAll('table.figures td')].map(td => [td.textContent.trim(),
    getComputedStyle(td, '::before').content])"""


def test_each_week_cell_of_the_compliance_grid_says_its_week_on_a_phone(live_server, browser, session):
    world = target_world(session)
    add_target(session, world.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    air(session, world.station_a, world.message, local(date(2026, 11, 3)))
    make_user(session, role=Role.ANALYST, area=world.province, username="phantich_tinh")
    session.commit()
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(f"{live_server}/desk/login")
    page.fill("input[name=username]", "phantich_tinh")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Đăng nhập')")
    page.wait_for_load_state()
    page.goto(f"{live_server}/desk/campaigns/{world.campaign.id}/compliance?from=2026-11-02&to=2026-11-15")
    cells = page.evaluate(BEFORE)
    assert ["✓ Đạt 1/1", '"Tuần 02/11–08/11: "'] in cells
    assert all(label.startswith('"') for _text, label in cells)  # every cell named, none left bare
    page.set_viewport_size({"width": 1100, "height": 800})
    assert {label for _text, label in page.evaluate(BEFORE)} == {"none"}
    page.close()
