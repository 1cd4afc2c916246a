"""Compliance counts clusters and villages: what each station covers and which villages heard the campaign."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from campaigns.airings import AiringInput, confirm_airing
from campaigns.campaign_records import CampaignInput, attach_message, create_campaign
from campaigns.compliance import compliance_grid
from campaigns.models import Delivery
from campaigns.planning import PlanRequest, plan_message
from content.models import Role
from content.villages import retire_village
from tests.factories import make_user
from tests.village_world import NOW, ZONE, village_world

MONDAY = date(2026, 11, 23)


def aired(w, message, day: date, **request) -> None:  # type: ignore[no-untyped-def]
    when = datetime.combine(day, time(6), tzinfo=ZONE)
    before = set(w.session.scalars(select(Delivery.id)))
    plan_message(w.session, message, PlanRequest(due_at=when, **request), actor=w.editor, now=NOW, zone=ZONE)
    for delivery in w.session.scalars(select(Delivery).where(Delivery.id.not_in(before))):
        confirm_airing(w.session, delivery.station, AiringInput(delivery.id, "aired", aired_at=when),
                       now=when + timedelta(hours=1))


def campaign_world(session):  # type: ignore[no-untyped-def]
    w = village_world(session)
    approver = make_user(session, role=Role.APPROVER, area=w.province)
    campaign = create_campaign(session, approver, CampaignInput(
        plan_number="Kế hoạch số 21/KH-UBND", issuing_body="UBND tỉnh Sông Lam Thử", title="Mùa mưa an toàn",
        starts_on=date(2026, 11, 1), ends_on=date(2026, 12, 31), owner_area_id=w.province.id), now=NOW, zone=ZONE)
    message = w.message()
    attach_message(session, campaign, message)
    return w, campaign, message


def grid(session, campaign):  # type: ignore[no-untyped-def]
    result = compliance_grid(session, campaign, first=MONDAY, last=MONDAY + timedelta(days=13),
                             today=MONDAY + timedelta(days=20), zone=ZONE, within=None)
    return {row.station.name: row for row in result.rows}


def test_each_station_row_counts_its_live_clusters_and_the_live_villages_they_cover(session):
    w, campaign, _ = campaign_world(session)
    retire_village(session, w.commune_admin, w.villages["Thôn Bãi Ngang"], now=NOW)
    rows = grid(session, campaign)
    # Hòa Phong: Bắc and Nam over Đồng Cháy, Rú Mít (and Bãi Ngang, now retired); Chợ Cũ has no cluster.
    assert (rows["Đài xã Hòa Phong"].clusters, rows["Đài xã Hòa Phong"].villages) == (2, 2)
    assert (rows["Đài xã Bến Sỏi"].clusters, rows["Đài xã Bến Sỏi"].villages) == (1, 1)


def test_a_week_counts_the_villages_its_confirmed_airings_reached_each_once(session):
    w, campaign, message = campaign_world(session)
    aired(w, message, MONDAY, village_ids=(w.villages["Thôn Đồng Cháy"].id,))
    aired(w, message, MONDAY + timedelta(days=1), village_ids=(w.villages["Thôn Đồng Cháy"].id,))
    aired(w, message, MONDAY + timedelta(days=7), station_ids=(w.station.id,))
    rows = grid(session, campaign)
    hoa_phong = rows["Đài xã Hòa Phong"]
    assert [(c.confirmed, c.villages_reached) for c in hoa_phong.cells] == [(2, 1), (1, 3)]
    assert [c.villages_reached for c in rows["Đài xã Bến Sỏi"].cells] == [0, 0]
