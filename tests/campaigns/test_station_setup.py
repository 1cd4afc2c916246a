"""Admins set up stations: a commune of theirs, daily slots that never overlap, a token shown once."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select

from campaigns.models import BroadcastSlot
from campaigns.station_setup import (
    SlotInput,
    StationInput,
    create_station,
    list_stations,
    revoke_station_token,
    rotate_station_token,
    update_station,
)
from campaigns.station_tokens import find_station_by_token, hash_token
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from tests.factories import make_area, make_station, make_user

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


def setting(session):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Hòa Bình", population=8_450)
    admin = make_user(session, role=Role.ADMIN, area=province)
    return province, commune, admin


def data(commune, **overrides) -> StationInput:  # type: ignore[no-untyped-def]
    values = {"name": "Đài truyền thanh xã Hòa Bình", "area_id": commune.id, "contact": "Ông Lê Văn Tám, 0912 345 678",
              "slots": (SlotInput("06:00", "15"), SlotInput("17:00", "20"))}
    return StationInput(**{**values, **overrides})


def test_a_station_takes_its_communes_population_when_none_is_given(session):
    _, commune, admin = setting(session)
    station = create_station(session, admin, data(commune), now=NOW)
    assert station.coverage_population == 8_450
    assert [(s.starts_at, s.minutes) for s in station.slots] == [(time(6), 15), (time(17), 20)]


def test_a_given_coverage_population_wins_over_the_areas(session):
    _, commune, admin = setting(session)
    station = create_station(session, admin, data(commune, coverage_population="3.200"), now=NOW)
    assert station.coverage_population == 3_200


def test_a_station_must_sit_in_a_commune(session):
    province, _, admin = setting(session)
    with pytest.raises(InvalidInput) as refused:
        create_station(session, admin, data(province), now=NOW)
    assert "area_id" in refused.value.errors


def test_a_station_outside_the_admins_subtree_is_refused(session):
    _, _, admin = setting(session)
    elsewhere = make_area(session, parent=make_area(session, name="Tỉnh Khác"), name="Xã Xa Xôi")
    with pytest.raises(PermissionDenied):
        create_station(session, admin, data(elsewhere), now=NOW)


@pytest.mark.parametrize(("slots", "field"), [
    ((SlotInput("6h", "15"),), "slots.0"),
    ((SlotInput("24:00", "15"),), "slots.0"),
    ((SlotInput("06:00", "0"),), "slots.0"),
    ((SlotInput("06:00", "121"),), "slots.0"),
    ((SlotInput("06:00", "15"), SlotInput("17:00", "mười")), "slots.1"),
    ((SlotInput("06:00", "30"), SlotInput("06:15", "15")), "slots"),
    ((SlotInput("23:30", "60"), SlotInput("00:10", "15")), "slots"),
    ((SlotInput("06:00", "15"), SlotInput("06:00", "10")), "slots"),
], ids=["not a time", "hour 24", "zero minutes", "over 120 minutes", "minutes in words", "overlap",
        "overlap across midnight", "same start"])
def test_bad_slots_are_refused_with_the_row_named(session, slots, field):
    _, commune, admin = setting(session)
    with pytest.raises(InvalidInput) as refused:
        create_station(session, admin, data(commune, slots=slots), now=NOW)
    assert field in refused.value.errors


def test_slots_may_follow_each_other_without_a_gap(session):
    _, commune, admin = setting(session)
    station = create_station(session, admin, data(commune, slots=(SlotInput("06:15", "15"), SlotInput("06:00", "15"),
                                                                  SlotInput("", ""))), now=NOW)
    assert [s.starts_at for s in station.slots] == [time(6), time(6, 15)]


def test_every_problem_is_reported_at_once(session):
    _, _, admin = setting(session)
    with pytest.raises(InvalidInput) as refused:
        create_station(session, admin, StationInput(name=" ", area_id=None, coverage_population="-5",
                                                    slots=(SlotInput("99:00", "15"),)), now=NOW)
    assert set(refused.value.errors) == {"name", "area_id", "coverage_population", "slots.0"}


def test_changing_a_slots_length_keeps_its_row_and_the_change_is_audited(session):
    _, commune, admin = setting(session)
    station = create_station(session, admin, data(commune), now=NOW)
    morning_id = station.slots[0].id
    update_station(session, admin, station, data(commune, slots=(SlotInput("06:00", "30"), SlotInput("11:00", "10"))),
                   now=NOW)
    session.flush()
    assert [(s.id == morning_id, s.starts_at, s.minutes) for s in station.slots] == [
        (True, time(6), 30), (False, time(11), 10)]
    assert session.scalar(select(BroadcastSlot).where(BroadcastSlot.starts_at == time(17))) is None
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "station.update"))
    assert entry.detail["changes"]["slots"] == [["06:00+15", "17:00+20"], ["06:00+30", "11:00+10"]]


def test_a_station_cannot_be_moved_out_of_the_admins_subtree(session):
    _, commune, admin = setting(session)
    station = create_station(session, admin, data(commune), now=NOW)
    elsewhere = make_area(session, parent=make_area(session, name="Tỉnh Khác"), name="Xã Xa Xôi")
    with pytest.raises(PermissionDenied):
        update_station(session, admin, station, data(elsewhere), now=NOW)


def test_only_admins_manage_stations(session):
    province, commune, _ = setting(session)
    editor = make_user(session, role=Role.EDITOR, area=province)
    with pytest.raises(PermissionDenied):
        create_station(session, editor, data(commune), now=NOW)


def test_a_rotated_token_replaces_the_old_one_at_once(session):
    _, commune, admin = setting(session)
    station = make_station(session, commune)
    first = rotate_station_token(session, admin, station, now=NOW)
    assert find_station_by_token(session, first) is station
    second = rotate_station_token(session, admin, station, now=NOW + timedelta(days=1))
    assert second != first
    assert find_station_by_token(session, first) is None
    assert find_station_by_token(session, second) is station
    assert station.token_issued_at == NOW + timedelta(days=1)


def test_a_revoked_station_has_no_working_token_until_a_new_one(session):
    _, commune, admin = setting(session)
    station = make_station(session, commune)
    token = rotate_station_token(session, admin, station, now=NOW)
    revoke_station_token(session, admin, station, now=NOW + timedelta(hours=1))
    assert find_station_by_token(session, token) is None
    assert station.token_hash is None and station.token_revoked_at == NOW + timedelta(hours=1)
    fresh = rotate_station_token(session, admin, station, now=NOW + timedelta(hours=2))
    assert find_station_by_token(session, fresh) is station and station.token_revoked_at is None


def test_the_audit_log_records_token_changes_but_never_the_token(session):
    _, commune, admin = setting(session)
    station = make_station(session, commune)
    tokens = [rotate_station_token(session, admin, station, now=NOW) for _ in range(2)]
    revoke_station_token(session, admin, station, now=NOW)
    entries = session.scalars(select(AuditLog).where(AuditLog.object_type == "station").order_by(AuditLog.id)).all()
    assert [e.action for e in entries] == ["station.token_issue", "station.token_rotate", "station.token_revoke"]
    logged = json.dumps([e.detail for e in entries])
    assert not any(t in logged or hash_token(t) in logged for t in tokens)


def test_an_admin_lists_only_the_stations_in_their_subtree(session):
    _, commune, admin = setting(session)
    mine = make_station(session, commune)
    make_station(session, make_area(session, parent=make_area(session, name="Tỉnh Khác")))
    assert list_stations(session, admin.area) == [mine]
    assert len(list_stations(session, None)) == 2
