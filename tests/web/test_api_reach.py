"""Reach summaries and tip-off counts through the API: the caller's share only, the desk's periods, no tip-off text."""

from __future__ import annotations

from sqlalchemy import select

from campaigns.models import Station
from content.models import User
from tests.api_calls import bearer, call, fields, ok, problem
from tests.reach_tipoffs import world_with_tipoffs
from tests.reach_world import reach_world


def _user(session, username: str) -> User:  # type: ignore[no-untyped-def]
    return session.scalars(select(User).where(User.username == username)).one()


def _figure(channel: dict, metric: str) -> float | None:
    return next(f["value"] for f in channel["figures"] if f["metric"] == metric)


def test_a_message_s_reach_for_its_province_s_officer_has_every_channel(client, session):
    w = reach_world(session)
    headers = bearer(session, "reach:read", user=_user(session, "bientap_tinh"))
    body = ok(call(client, "GET", f"/reach/messages/{w.scam.id}", headers))
    assert body["period"] == {"from": "2026-11-02", "to": "2026-11-23"}  # publication to today, as the page
    assert body["share"]["whole"] is True
    channels = {c["key"]: c for c in body["channels"]}
    assert _figure(channels["portal"], "portal_view") == 800
    assert any(c["platform"] == "telegram" and c["reports"] is False for c in body["channels"])
    assert all(f["kind"] in ("measured", "reported", "estimated") for c in body["channels"] for f in c["figures"])
    week = ok(call(client, "GET", f"/reach/messages/{w.scam.id}", headers,
                   query_string={"from": "2026-11-04", "to": "2026-11-12"}))
    assert _figure({c["key"]: c for c in week["channels"]}["portal"], "portal_view") == 300


def test_a_ward_s_officer_sees_the_ward_s_share_and_nothing_of_another_commune(client, session):
    w = reach_world(session)
    headers = bearer(session, "reach:read", user=_user(session, "bientap_an_lac"))
    province_message = ok(call(client, "GET", f"/reach/messages/{w.scam.id}", headers))
    assert province_message["share"] == {"area_id": w.ward.id, "whole": False}
    assert "portal" not in {c["key"] for c in province_message["channels"]}  # the province's own views
    problem(call(client, "GET", f"/reach/messages/{w.traffic.id}", headers), 403)
    campaign = ok(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", headers))
    assert campaign["top_area_id"] == w.ward.id and "1357" not in str(campaign)
    problem(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", headers,
                 query_string={"area": w.commune.id}), 404)


def test_a_campaign_s_reach_totals_its_messages_over_its_period(client, session):
    w = reach_world(session)
    headers = bearer(session, "reach:read", user=_user(session, "phantich_tinh"))
    body = ok(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", headers))
    assert body["period"] == {"from": "2026-11-02", "to": "2026-11-23"}  # the campaign's, cut at today
    totals = {(t["metric"], t["kind"]): t for t in body["totals"]}
    assert totals["portal_view", "measured"]["value"] == 500 + 300 + 120 + 1357
    assert totals["portal_view", "measured"]["days"] == 4
    drilled = ok(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", headers, query_string={"area": w.ward.id}))
    assert drilled["areas"]["root_area_id"] == w.ward.id
    assert {row["area_id"] for row in drilled["areas"]["rows"]} == {w.hamlet.id}


def test_reach_refuses_other_provinces_wrong_scopes_bad_dates_and_unknown_ids(client, session):
    w = reach_world(session)
    stranger = bearer(session, "reach:read", user=_user(session, "bientap_ha_son"))
    problem(call(client, "GET", f"/reach/messages/{w.scam.id}", stranger), 403)
    problem(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", stranger), 403)
    editor = _user(session, "bientap_tinh")
    problem(call(client, "GET", f"/reach/messages/{w.scam.id}", bearer(session, "messages:read", user=editor)), 403)
    ward_station = session.scalars(select(Station).where(Station.area_id == w.ward.id)).one()
    station = bearer(session, "stations:read", station=ward_station)
    assert problem(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", station), 403)["scope"] == "reach:read"
    headers = bearer(session, "reach:read", user=editor)
    assert fields(problem(call(client, "GET", f"/reach/messages/{w.scam.id}", headers,
                               query_string={"from": "2026-11-20", "to": "2026-11-01"}), 422)) == {"from"}
    assert fields(problem(call(client, "GET", f"/reach/campaigns/{w.campaign.id}", headers,
                               query_string={"from": "02/11/2026"}), 422)) == {"query.from"}
    assert fields(problem(call(client, "GET", f"/reach/messages/{w.scam.id}", headers,
                               query_string={"from": "2020-01-01", "to": "2026-11-01"}), 422)) == {"to"}
    assert fields(problem(call(client, "GET", f"/reach/messages/{w.scam.id}", headers,
                               query_string={"from": "1999-12-31"}), 422)) == {"query.from"}
    problem(call(client, "GET", "/reach/messages/999999", headers), 404)
    problem(call(client, "GET", "/reach/campaigns/999999", headers), 404)
    assert fields(problem(call(client, "GET", f"/reach/messages/{w.scam.id}", headers,
                               query_string={"area": 999999}), 422)) == {"area"}


def test_tip_off_counts_by_area_status_and_time_to_handling_without_a_word_sent(client, session):
    w = world_with_tipoffs(session)
    headers = bearer(session, "tipoffs:read", user=_user(session, "phantich_tinh"))
    response = call(client, "GET", "/tipoffs/stats", headers, query_string={"from": "2026-11-01"})
    body = ok(response)
    assert "bí mật" not in response.get_data(as_text=True) and "receipt" not in response.get_data(as_text=True)
    assert body["area_id"] == w.province.id and body["period"] == {"from": "2026-11-01", "to": "2026-11-23"}
    totals = body["totals"]
    assert (totals["received"], totals["valuable"], totals["handled"], totals["waiting"]) == (3, 2, 2, 1)
    assert totals["by_status"]["valuable"] == 2 and totals["by_status"]["new"] == 1
    assert totals["by_kind"] == {"report": 1, "denunciation": 1, "suggestion": 1}
    assert totals["median_hours_to_first_handling"] == 3.0
    assert {a["area_name"]: a["counts"]["received"] for a in body["by_area"]} == {"Phường An Lạc": 2, "Xã Bình Minh": 1}
    ward = ok(call(client, "GET", "/tipoffs/stats", headers, query_string={"area": w.ward.id, "from": "2026-11-01"}))
    assert ward["totals"]["received"] == 2


def test_tip_off_counts_stay_within_the_caller_s_area_and_scope(client, session):
    w = world_with_tipoffs(session)
    stranger = bearer(session, "tipoffs:read", user=_user(session, "bientap_ha_son"))
    assert ok(call(client, "GET", "/tipoffs/stats", stranger, query_string={"from": "2026-11-01"}))["totals"][
        "received"] == 1
    problem(call(client, "GET", "/tipoffs/stats", stranger, query_string={"area": w.province.id}), 403)
    problem(call(client, "GET", "/tipoffs/stats", stranger, query_string={"area": 999999}), 404)
    reach_only = bearer(session, "reach:read", user=_user(session, "phantich_tinh"))
    assert problem(call(client, "GET", "/tipoffs/stats", reach_only), 403)["scope"] == "tipoffs:read"
    headers = bearer(session, "tipoffs:read", user=_user(session, "phantich_tinh"))
    assert fields(problem(call(client, "GET", "/tipoffs/stats", headers,
                               query_string={"from": "2026-11-30", "to": "2026-11-01"}), 422)) == {"from"}
    problem(call(client, "GET", "/tipoffs/stats", headers, query_string={"to": "ngày mai"}), 422)
    problem(call(client, "GET", "/tipoffs/stats", headers, query_string={"body": "x"}), 422)
