"""Villages and clusters in Debian's chromium at phone width: add a village, cover it with a cluster, plan for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from campaigns.village_models import LoudspeakerCluster, delivery_villages
from content.models import Area
from tests.village_world import village_world
from tests.web.helpers import sign_in

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 740}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-phone.png", full_page=True)


def test_a_commune_admin_adds_a_village_covers_it_and_an_officer_plans_for_it_on_a_phone(live_server, browser,
                                                                                        session):
    w = village_world(session)
    message = w.message("Cảnh báo sạt lở đất ven suối")
    session.commit()
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "quantri_hoaphong")
    page.goto(f"{live_server}/stations/villages")
    page.fill("section.card input[name=name]", "Thôn Khe Nước")
    page.fill("section.card input[name=population]", "540")
    page.click("section.card button:has-text('Thêm')")
    page.wait_for_selector("text=Đã thêm Thôn Khe Nước")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "villages")
    village = session.scalar(select(Area).where(Area.name == "Thôn Khe Nước"))

    page.goto(f"{live_server}/stations/{w.station.id}")
    page.click("#clusters summary:has-text('+ Thêm cụm loa')")
    form = page.locator("#clusters form[action$='/clusters']")
    form.locator("input[name=name]").fill("Cụm loa Khe Nước")
    form.locator("label:has-text('Thôn Khe Nước') input").check()
    form.locator("button").click()
    page.wait_for_selector("text=Đã thêm Cụm loa Khe Nước")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "station-clusters")
    session.rollback()
    cluster = session.scalar(select(LoudspeakerCluster).where(LoudspeakerCluster.name == "Cụm loa Khe Nước"))
    assert [v.id for v in cluster.villages] == [village.id]

    page.context.clear_cookies()
    sign_in(page, live_server, "bientap_tinh")
    page.goto(f"{live_server}/desk/messages/{message.id}/plan")
    page.click("details.villages summary")
    page.check("details.villages label:has-text('Thôn Khe Nước') input")
    page.check("input[name=mode][value=once]")
    page.fill("input[name=due_at]", "2026-12-01T17:00")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "plan-villages")
    page.click("button:has-text('Lên lịch')")
    page.wait_for_selector("text=Đã lên lịch 1 lượt phát")
    session.rollback()
    assert session.execute(select(delivery_villages.c.area_id)).scalars().all() == [village.id]
