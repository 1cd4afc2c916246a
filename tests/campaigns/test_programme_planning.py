"""Planning into weekly programmes: one delivery per airing, public holidays rested on, mistakes refused."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from campaigns.models import Delivery
from campaigns.programme_calendar import airing_days, public_holidays
from campaigns.programme_planning import ProgrammePlanRequest, plan_into_programmes
from campaigns.programme_setup import ProgrammeInput, create_programme, update_programme
from content.errors import InvalidInput, PermissionDenied
from content.models import MessageStatus, Priority, Role
from tests.campaigns.programme_world import programme_world, thursday_column
from tests.factories import make_area, make_station, make_user
from tests.scenarios import HCM

# The `now` fixture: 08:00 on Monday 23 November 2026 in Hồ Chí Minh City.


def plan(session, world, now, programmes, **request):  # type: ignore[no-untyped-def]
    request = {"first_day": date(2026, 11, 23), **request}
    return plan_into_programmes(session, world.message, ProgrammePlanRequest(tuple(p.id for p in programmes),
                                **request), actor=world.approver, now=now, zone=HCM)


def planned(session) -> list[Delivery]:
    return list(session.scalars(select(Delivery).order_by(Delivery.due_at)))


def tue_fri(session, world, now, **overrides):  # type: ignore[no-untyped-def]
    fields = {"name": "Gương người tốt việc tốt", "weekdays": ("2", "5"), "starts_at": "20:00", "minutes": "15",
              **overrides}
    return create_programme(session, world.admin, world.station, ProgrammeInput(**fields), now=now)


def test_vietnams_holidays_come_from_the_holidays_package_lunar_tet_included():
    days = public_holidays(date(2027, 1, 1), date(2027, 12, 31))
    assert date(2027, 2, 6) in days and "Tết" in days[date(2027, 2, 6)]  # lunar New Year 2027
    assert {date(2027, 4, 30), date(2027, 5, 1), date(2027, 9, 2)} <= set(days)
    assert date(2027, 9, 9) not in days


def test_four_weeks_of_a_thursday_column_give_four_deliveries_at_19_local(session, now):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    summary = plan(session, world, now, [programme], weeks=4)
    rows = planned(session)
    assert summary.count == 4 == len(rows)
    assert [r.due_at for r in rows] == [datetime(2026, 11, d, 12, 0, tzinfo=timezone.utc) for d in (26,)] + [
        datetime(2026, 12, d, 12, 0, tzinfo=timezone.utc) for d in (3, 10, 17)]
    assert {(r.station_id, r.programme_id, r.channel_id) for r in rows} == {(world.station.id, programme.id, None)}
    assert world.message.status is MessageStatus.SCHEDULED


def test_a_whole_september_with_national_day_rests_on_the_holiday(session, now):
    """September 2027: Thursday 2 and Friday 3 are National Day; a Thursday column and a Tuesday-Friday one
    skip them, and one that airs on holidays does not."""
    world = programme_world(session, now)
    thursday = thursday_column(session, world, now)
    twice = tue_fri(session, world, now)
    always = create_programme(session, world.admin, world.station, ProgrammeInput(
        name="Bản tin an ninh trật tự", weekdays=("4",), starts_at="21:00", minutes="10", skips_holidays=False),
        now=now)
    summary = plan(session, world, now, [thursday, twice, always], first_day=date(2027, 9, 1),
                   last_day=date(2027, 9, 30))
    days = {p.id: [r.due_at.astimezone(HCM).day for r in planned(session) if r.programme_id == p.id]
            for p in (thursday, twice, always)}
    assert days[thursday.id] == [9, 16, 23, 30]
    assert days[twice.id] == [7, 10, 14, 17, 21, 24, 28]
    assert days[always.id] == [2, 9, 16, 23, 30]
    assert summary.count == 16
    assert set(summary.holidays) == {date(2027, 9, 2), date(2027, 9, 3)}


def test_the_april_30_and_may_day_week_and_its_day_off_in_lieu(session, now):
    world = programme_world(session, now)
    weekdays = create_programme(session, world.admin, world.station, ProgrammeInput(
        name="Tiếng loa an ninh", weekdays=tuple("12345"), starts_at="18:00", minutes="10"), now=now)
    # 30/4 is a Friday, 1/5 a Saturday and Monday 3/5 the day off in lieu.
    assert airing_days(weekdays, date(2027, 4, 26), date(2027, 5, 7)) == [
        date(2027, 4, 26), date(2027, 4, 27), date(2027, 4, 28), date(2027, 4, 29),
        date(2027, 5, 4), date(2027, 5, 5), date(2027, 5, 6), date(2027, 5, 7)]


def test_planning_the_same_weeks_again_adds_only_the_new_airings(session, now):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    plan(session, world, now, [programme], weeks=2)
    summary = plan(session, world, now, [programme], weeks=3)
    assert (summary.count, summary.already_planned, len(planned(session))) == (1, 2, 3)
    with pytest.raises(InvalidInput) as refused:
        plan(session, world, now, [programme], weeks=3)
    assert "đã có" in refused.value.errors["programme_ids"]
    assert len(planned(session)) == 3


def test_todays_airing_already_past_is_left_out(session, now):
    world = programme_world(session, now)
    programme = tue_fri(session, world, now, weekdays=("1",), starts_at="07:00")  # Monday 07:00, an hour ago
    with pytest.raises(InvalidInput):
        plan(session, world, now, [programme], weeks=1)
    summary = plan(session, world, now, [programme], weeks=2)
    assert summary.count == 1
    assert [r.due_at for r in planned(session)] == [datetime(2026, 11, 30, 0, 0, tzinfo=timezone.utc)]


@pytest.mark.parametrize(("request_fields", "field"), [
    ({"weeks": 0}, "weeks"),
    ({"weeks": 27}, "weeks"),
    ({}, "weeks"),
    ({"last_day": date(2026, 11, 1)}, "last_day"),
    ({"last_day": date(2028, 1, 1)}, "last_day"),
    ({"first_day": date(2026, 11, 22), "weeks": 1}, "first_day"),
])
def test_a_bad_range_is_refused_and_nothing_is_planned(session, now, request_fields, field):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    with pytest.raises(InvalidInput) as refused:
        plan(session, world, now, [programme], **request_fields)
    assert field in refused.value.errors
    assert planned(session) == [] and world.message.status is MessageStatus.APPROVED


def test_a_range_with_only_holidays_says_there_is_no_airing(session, now):
    world = programme_world(session, now)
    programme = thursday_column(session, world, now)
    with pytest.raises(InvalidInput) as refused:
        plan(session, world, now, [programme], first_day=date(2027, 9, 2), last_day=date(2027, 9, 8))
    assert "không có buổi phát" in refused.value.errors["programme_ids"]


def test_no_programme_an_unknown_one_or_a_retired_one_is_refused(session, now):
    world = programme_world(session, now)
    with pytest.raises(InvalidInput) as refused:
        plan(session, world, now, [], weeks=1)
    assert "programme_ids" in refused.value.errors
    programme = thursday_column(session, world, now)
    with pytest.raises(InvalidInput) as refused:
        plan_into_programmes(session, world.message, ProgrammePlanRequest((programme.id + 99,), date(2026, 11, 23),
                             weeks=1), actor=world.approver, now=now, zone=HCM)
    assert f"#{programme.id + 99}" in refused.value.errors["programme_ids"]
    update_programme(session, world.admin, programme, ProgrammeInput(
        name=programme.name, weekdays=("4",), starts_at="19:00", minutes="20", is_active=False), now=now)
    with pytest.raises(InvalidInput) as refused:
        plan(session, world, now, [programme], weeks=1)
    assert programme.name in refused.value.errors["programme_ids"]
    assert planned(session) == []


def test_an_officer_cannot_plan_into_a_programme_outside_their_area(session, now):
    world = programme_world(session, now)
    elsewhere = make_station(session, make_area(session, parent=world.province, name="Xã Gò Đình"))
    admin = make_user(session, role=Role.ADMIN, area=elsewhere.area)
    programme = create_programme(session, admin, elsewhere, ProgrammeInput(
        name="Chuyên mục Gò Đình", weekdays=("3",), starts_at="19:00", minutes="15"), now=now)
    with pytest.raises(PermissionDenied):
        plan(session, world, now, [programme], weeks=1)
    assert planned(session) == []


def test_an_emergency_planned_into_a_programme_is_claimed_first(session, now):
    world = programme_world(session, now)
    world.message.priority = Priority.EMERGENCY
    programme = thursday_column(session, world, now)
    plan(session, world, now, [programme], weeks=1)
    assert [r.urgent for r in planned(session)] == [True]
