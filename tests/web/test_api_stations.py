"""Stations, their scripts and airing confirmations through the API: a station's token for its own station only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from campaigns.models import Airing, AiringStatus, ReachEvent
from campaigns.station_tokens import issue_station_token
from content.models import Role
from tests.api_calls import bearer, call, fields, ok, problem, walk
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import AIRING_NOW, MORNING, ZONE, radio_item, radio_world

DAY = "2026-11-23"


def _world(session):  # type: ignore[no-untyped-def]
    province, commune, station, operator = radio_world(session)
    second = make_station(session, make_area(session, parent=province, name="Xã Bình Yên"), name="Đài xã Bình Yên")
    elsewhere = make_station(session, make_area(session, parent=make_area(session, name="Tỉnh Hà Sơn"),
                                                name="Xã Tân Tiến"), name="Đài xã Tân Tiến")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap_thanh_thuy")
    first = radio_item(session, station, MORNING, title="Phòng chống cháy nổ mùa hanh khô")
    # 05:59 is read in the 06:00 slot too (the first slot at or after an item's time), before the 06:00 item.
    second_item = radio_item(session, station, MORNING.replace(hour=5, minute=59),
                             title="Cảnh giác lừa đảo qua điện thoại")
    session.commit()
    return province, station, second, elsewhere, operator, editor, (first, second_item)


def test_stations_in_the_caller_s_area_page_by_page_and_a_station_sees_itself(client, session):
    _, station, second, elsewhere, _, editor, _ = _world(session)
    assert walk(client, "/stations", bearer(session, "stations:read", user=editor), limit=1) == [[station.id],
                                                                                                 [second.id]]
    own = ok(call(client, "GET", "/stations", bearer(session, "stations:read", station=station)))
    assert [s["id"] for s in own["items"]] == [station.id] and own["next"] is None
    assert own["items"][0]["slots"] == [{"starts_at": "06:00", "minutes": 15}, {"starts_at": "17:00", "minutes": 15}]
    assert own["items"][0]["coverage_population"] == 5_600 and elsewhere.id not in walk(
        client, "/stations", bearer(session, "stations:read", user=editor))[0]


def test_the_script_is_the_document_the_station_s_box_already_reads(client, session):
    _, station, *_rest = _world(session)
    api = ok(call(client, "GET", f"/stations/{station.id}/scripts/{DAY}", bearer(session, "stations:read",
                                                                               station=station)))
    box_token = issue_station_token(station, now=AIRING_NOW)
    session.commit()
    box = client.get(f"/radio/stations/{station.id}/scripts/{DAY}.json", headers={"Authorization": f"Bearer {box_token}"})
    assert api == box.get_json()
    [morning] = [slot for slot in api["slots"] if slot["starts_at"] == "06:00"]
    assert [item["title"] for item in morning["items"]] == ["Cảnh giác lừa đảo qua điện thoại",
                                                            "Phòng chống cháy nổ mùa hanh khô"]
    assert morning["items"][0]["text"] and morning["items"][0]["seconds"] > 0 and api["version"]


def test_a_script_is_refused_to_another_station_and_another_area(client, session):
    _, station, second, elsewhere, operator, editor, _ = _world(session)
    other_token = bearer(session, "stations:read", station=second)
    problem(call(client, "GET", f"/stations/{station.id}/scripts/{DAY}", other_token), 403)
    problem(call(client, "GET", f"/stations/{elsewhere.id}/scripts/{DAY}", bearer(session, "stations:read",
                                                                                 user=editor)), 403)
    assert ok(call(client, "GET", f"/stations/{station.id}/scripts/{DAY}",
                   bearer(session, "stations:read", user=editor)))["station"]["id"] == station.id
    problem(call(client, "GET", f"/stations/{station.id}/scripts/{DAY}",
                 bearer(session, "airings:write", station=station)), 403)


def test_bad_days_and_unknown_stations_are_problems(client, session):
    _, station, *_rest = _world(session)
    headers = bearer(session, "stations:read", station=station)
    for day in ("2026-13-01", "hom-nay", "1999-12-31"):
        assert fields(problem(call(client, "GET", f"/stations/{station.id}/scripts/{day}", headers), 422)) == {"day"}
    problem(call(client, "GET", f"/stations/999999/scripts/{DAY}", headers), 404)


def _reach_events(session) -> int:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed since this session's last read
    return session.scalar(select(func.count()).select_from(ReachEvent))


def test_an_item_confirmed_again_is_kept_and_a_different_answer_corrects_it(client, session):
    _, station, _, _, _, _, (item, _) = _world(session)
    headers = bearer(session, "airings:write", station=station)
    path = f"/stations/{station.id}/airings"
    first = ok(call(client, "POST", path, headers, json={"kind": "item", "delivery_id": item.id, "status": "aired",
                                                         "aired_at": "2026-11-23T06:05:00+07:00"}))
    assert first["recorded"] == [item.id] and first["airings"][0]["status"] == "aired"
    assert _reach_events(session) == 1
    again = ok(call(client, "POST", path, headers, json={"kind": "item", "delivery_id": item.id, "status": "aired",
                                                         "aired_at": "2026-11-23T06:05:00+07:00"}))
    assert again["kept"] == [item.id] and again["recorded"] == [] and _reach_events(session) == 1
    corrected = ok(call(client, "POST", path, headers, json={"kind": "item", "delivery_id": item.id,
                                                             "status": "not_aired", "reason": "Mất điện cả buổi sáng"}))
    assert corrected["recorded"] == [item.id] and corrected["airings"][0]["reason"] == "Mất điện cả buổi sáng"
    session.rollback()
    assert session.scalar(select(Airing.status).where(Airing.delivery_id == item.id)) is AiringStatus.NOT_AIRED


def test_a_confirmation_is_checked_as_on_the_staff_screens(client, session):
    _, station, second, _, operator, _, (item, _) = _world(session)
    headers = bearer(session, "airings:write", station=station)
    path = f"/stations/{station.id}/airings"
    assert fields(problem(call(client, "POST", path, headers, json={"kind": "item", "delivery_id": item.id,
                                                                    "status": "not_aired"}), 422)) == {"reason"}
    assert fields(problem(call(client, "POST", path, headers, json={
        "kind": "item", "delivery_id": item.id, "status": "aired", "aired_at": "2026-11-24T06:00:00+07:00"}),
        422)) == {"aired_at"}
    foreign = radio_item(session, second, MORNING)
    session.commit()
    assert fields(problem(call(client, "POST", path, headers, json={"kind": "item", "delivery_id": foreign.id,
                                                                    "status": "aired"}), 422)) == {"delivery_id"}
    problem(call(client, "POST", path, headers, json={"kind": "item", "delivery_id": item.id, "status": "roi"}), 422)
    problem(call(client, "POST", path, headers, json={"delivery_id": item.id, "status": "aired"}), 422)
    problem(call(client, "POST", f"/stations/{second.id}/airings", headers,
                 json={"kind": "item", "delivery_id": foreign.id, "status": "aired"}), 403)
    problem(call(client, "POST", path, bearer(session, "stations:read", station=station),
                 json={"kind": "item", "delivery_id": item.id, "status": "aired"}), 403)
    problem(call(client, "POST", "/stations/999999/airings", headers,
                 json={"kind": "item", "delivery_id": item.id, "status": "aired"}), 404)
    assert _reach_events(session) == 0


def test_a_radio_operator_confirms_a_whole_slot_once(client, session):
    _, station, _, elsewhere, operator, _, (first, second) = _world(session)
    headers = bearer(session, "airings:write", user=operator)
    path = f"/stations/{station.id}/airings"
    body = {"kind": "slot", "day": DAY, "slot": "0600", "delivery_ids": [first.id, second.id],
            "not_aired": [{"delivery_id": second.id, "reason": "Hỏng loa cụm thôn Đông"}],
            "aired_at": "2026-11-23T06:02:00+07:00"}
    done = ok(call(client, "POST", path, headers, json=body))
    assert done["recorded"] == [first.id, second.id] and done["kept"] == []
    assert [a["status"] for a in done["airings"]] == ["aired", "not_aired"]
    assert datetime.fromisoformat(done["airings"][0]["aired_at"]).astimezone(ZONE).hour == 6
    again = ok(call(client, "POST", path, headers, json=body))
    assert again["recorded"] == [] and again["kept"] == [first.id, second.id]
    problem(call(client, "POST", f"/stations/{elsewhere.id}/airings", headers, json=body), 403)


def test_a_slot_with_nothing_in_it_or_a_missing_reason_is_refused(client, session):
    _, station, _, _, _, _, (first, second) = _world(session)
    headers = bearer(session, "airings:write", station=station)
    path = f"/stations/{station.id}/airings"
    slot = {"kind": "slot", "day": DAY, "delivery_ids": [first.id]}
    problem(call(client, "POST", path, headers, json={**slot, "slot": "1700"}), 404)
    problem(call(client, "POST", path, headers, json={**slot, "slot": "6h"}), 422)
    problem(call(client, "POST", path, headers, json={**slot, "slot": "0600", "day": "2026-02-30"}), 422)
    missing = problem(call(client, "POST", path, headers, json={
        **slot, "slot": "0600", "delivery_ids": [first.id, second.id],
        "not_aired": [{"delivery_id": second.id, "reason": " "}]}), 422)
    assert fields(missing) == {f"not_aired.{second.id}"}
    twice = [{"delivery_id": second.id, "reason": "Mất điện"}, {"delivery_id": second.id, "reason": "Hỏng loa"}]
    assert fields(problem(call(client, "POST", path, headers, json={
        **slot, "slot": "0600", "delivery_ids": [first.id, second.id], "not_aired": twice}), 422)) == {"not_aired"}
    assert _reach_events(session) == 0
