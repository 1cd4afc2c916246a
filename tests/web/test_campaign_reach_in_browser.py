"""An officer in Debian's chromium: from the campaign to its reach, down to a ward, on to a message's reach,
back with a table downloaded; the printed report fits A4 pages."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.reach_world import reach_world
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
A4_POINTS = (595, 842)


def test_an_officer_walks_from_the_campaign_to_a_messages_reach_and_downloads_a_table(live_server, browser, session):
    w = reach_world(session)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, "bientap_tinh")
    page.goto(f"{live_server}/desk/campaigns/{w.campaign.id}")
    page.click("a:has-text('Mức độ tiếp cận')")
    page.wait_for_selector("h1:has-text('Mức độ tiếp cận của chiến dịch')")
    assert "Chậm tiến độ" in page.inner_text("#targets")
    assert page.locator("#activity svg[role=img]").count() == 4
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "campaign-reach.png", full_page=True)

    page.click("#areas a:has-text('Phường An Lạc')")
    page.wait_for_selector("#areas [aria-current=page]:has-text('Phường An Lạc')")
    assert "Thôn Đông" in page.inner_text("#table-areas")

    with page.expect_download() as download:
        page.click("#areas a:has-text('CSV')")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "Địa bàn" and rows[1][0] == "Thôn Đông"

    page.click(f"#messages a:has-text('{w.traffic.title}')")
    page.wait_for_selector(f"h1:has-text('{w.traffic.title}')")
    assert page.url.endswith(f"/desk/messages/{w.traffic.id}/reach")


def test_the_report_prints_on_a4_pages_without_the_sites_navigation(live_server, browser, session):
    w = reach_world(session)
    page = browser.new_page()
    sign_in(page, live_server, "bientap_tinh")
    page.goto(f"{live_server}/desk/campaigns/{w.campaign.id}/report?from=2026-11-02&to=2026-11-23")
    pdf = page.pdf(format="A4")
    # Chromium writes each page's box in the clear: A4 is 595 × 842 points.
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert len(boxes) >= 7  # the cover, then each of the seven sections from a new page
    assert {(int(float(x)), int(float(y))) for x, y in boxes} == {A4_POINTS}  # 595.92 × 842.88: 8.27 × 11.7 in
    page.emulate_media(media="print")
    for hidden in ("header.site", "footer.site", "nav.report-tools"):
        assert not page.locator(hidden).is_visible()
    assert page.locator("section.part-targets").evaluate("e => getComputedStyle(e).breakBefore") == "page"
