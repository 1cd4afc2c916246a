"""Weekly programmes: an admin of the commune sets them up; a bad one is refused with a clear reason."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from campaigns.programme_setup import ProgrammeInput, create_programme, station_programmes, update_programme
from campaigns.station_setup import SlotInput, StationInput, update_station
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from tests.campaigns.programme_world import programme_world, thursday_column
from tests.factories import make_area, make_user


def column(**overrides) -> ProgrammeInput:  # type: ignore[no-untyped-def]
    fields = {"name": "Gương người tốt việc tốt", "weekdays": ("2", "6"), "starts_at": "19:30", "minutes": "15",
              **overrides}
    return ProgrammeInput(**fields)


def refusal(session, world, now, data: ProgrammeInput) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refused:
        create_programme(session, world.admin, world.station, data, now=now)
    return refused.value.errors


def test_an_admin_adds_a_thursday_column_and_the_audit_log_says_so(session, now):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    assert (programme.weekdays, programme.starts_at, programme.minutes) == ("4", time(19), 20)
    assert programme.skips_holidays and programme.is_active
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "programme.create"))
    assert entry.object_id == world.station.id and entry.detail["name"] == "Chung tay phòng chống tội phạm"


def test_several_weekdays_are_stored_in_order_and_spaces_in_the_name_are_tidied(session, now):
    world = programme_world(session, now)
    programme = create_programme(session, world.admin, world.station,
                                 column(name="  Gương   người tốt ", weekdays=("6", "2", "2")), now=now)
    assert (programme.weekdays, programme.iso_weekdays, programme.name) == ("26", (2, 6), "Gương người tốt")


@pytest.mark.parametrize(("data", "field"), [
    (column(name="   "), "name"),
    (column(name="x" * 201), "name"),
    (column(weekdays=()), "weekdays"),
    (column(weekdays=("8",)), "weekdays"),
    (column(weekdays=("1; DROP TABLE",)), "weekdays"),
    (column(starts_at="25:00"), "starts_at"),
    (column(starts_at="7h"), "starts_at"),
    (column(minutes="0"), "minutes"),
    (column(minutes="121"), "minutes"),
    (column(minutes="²"), "minutes"),
    (column(minutes="-5"), "minutes"),
    (column(opening="à" * 2001), "opening"),
])
def test_a_bad_field_is_refused_and_nothing_is_saved(session, now, data, field):
    world = programme_world(session, now)
    assert field in refusal(session, world, now, data)
    assert station_programmes(session, world.station) == []


def test_a_programme_may_not_overlap_a_daily_slot(session, now):
    world = programme_world(session, now)  # daily slots 06:00 and 17:00, 15 minutes
    errors = refusal(session, world, now, column(starts_at="16:50", minutes="15"))
    assert "17:00" in errors["starts_at"]


def test_two_programmes_clash_only_on_a_shared_weekday(session, now):
    world = programme_world(session, now)
    thursday_column(session, world, now)
    errors = refusal(session, world, now, column(weekdays=("4",), starts_at="19:10"))
    assert "Chung tay phòng chống tội phạm" in errors["starts_at"]
    monday = create_programme(session, world.admin, world.station, column(weekdays=("1",), starts_at="19:10"), now=now)
    assert monday.id is not None


def test_the_same_name_twice_at_one_station_is_refused(session, now):
    world = programme_world(session, now)
    thursday_column(session, world, now)
    errors = refusal(session, world, now, column(name="Chung tay phòng chống tội phạm", weekdays=("1",)))
    assert "name" in errors


def test_an_admin_of_another_commune_cannot_add_or_change_one(session, now):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    stranger = make_user(session, role=Role.ADMIN, area=make_area(session, parent=world.province))
    with pytest.raises(PermissionDenied):
        create_programme(session, stranger, world.station, column(), now=now)
    with pytest.raises(PermissionDenied):
        update_programme(session, stranger, programme, column(), now=now)
    editor = make_user(session, role=Role.EDITOR, area=world.commune)
    with pytest.raises(PermissionDenied):
        create_programme(session, editor, world.station, column(), now=now)


def test_retiring_a_programme_frees_its_time_and_is_audited_as_a_change(session, now):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    update_programme(session, world.admin, programme, column(name=programme.name, weekdays=("4",), starts_at="19:00",
                                                             minutes="20", is_active=False), now=now)
    assert not programme.is_active
    replacement = create_programme(session, world.admin, world.station, column(weekdays=("4",), starts_at="19:00"),
                                   now=now)
    assert replacement.is_active
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "programme.update"))
    assert entry.detail["changes"]["is_active"] == [True, False]
    assert [p.name for p in station_programmes(session, world.station)] == [replacement.name, programme.name]


def test_a_daily_slot_moved_onto_a_programme_is_refused_and_the_station_keeps_its_slots(session, now):
    world = programme_world(session, now)
    thursday_column(session, world, now)  # Thursdays 19:00 for 20 minutes
    data = StationInput(name=world.station.name, area_id=world.commune.id,
                        slots=(SlotInput("06:00", "15"), SlotInput("19:10", "15")))
    with pytest.raises(InvalidInput) as refused:
        update_station(session, world.admin, world.station, data, now=now)
    assert "Chung tay phòng chống tội phạm" in refused.value.errors["slots"]
    assert [(s.starts_at, s.minutes) for s in world.station.slots] == [(time(6), 15), (time(17), 15)]
    fine = StationInput(name=world.station.name, area_id=world.commune.id,
                        slots=(SlotInput("06:00", "15"), SlotInput("18:30", "30")))
    update_station(session, world.admin, world.station, fine, now=now)
    assert [s.starts_at for s in world.station.slots] == [time(6), time(18, 30)]
