"""The compliance grid: stations × ISO weeks, confirmed airings against what each station owed, and the
desk's notice to the officers answerable for a station that missed last week."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from campaigns.compliance import Basis, CellStatus, compliance_grid, default_period, phone_number
from campaigns.compliance_notices import missed_last_week
from campaigns.models import AiringStatus, Delivery, DeliveryStatus, TargetKind
from content.models import Role
from tests.campaigns.target_world import ENDS, STARTS, ZONE, add_message, add_target, air, local, target_world
from tests.factories import make_area, make_station, make_user

# Wednesday of the third week (16–22 November): weeks 1 and 2 are over, week 4 is still to come.
TODAY = date(2026, 11, 18)
WEEKS = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
_keys = itertools.count(1)


def plan(session, station, message, at: datetime, status: DeliveryStatus = DeliveryStatus.PLANNED) -> None:
    session.add(Delivery(message_id=message.id, station_id=station.id, due_at=at, status=status,
                         idempotency_key=f"tuan-thu-{next(_keys)}"))
    session.flush()


def grid_of(session, world, *, within=None, first=STARTS, last=ENDS, today=TODAY):
    return compliance_grid(session, world.campaign, first=first, last=last, today=today, zone=ZONE, within=within)


def cells(grid, station):
    row = next(r for r in grid.rows if r.station.id == station.id)
    return [(c.confirmed, c.required, c.status) for c in row.cells]


def test_each_week_is_met_missed_in_progress_or_not_yet_against_the_weekly_target(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 2)
    for day in (date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 10), date(2026, 11, 16)):
        air(session, w.station_a, w.message, local(day))
    air(session, w.station_a, w.message, local(date(2026, 11, 11)), AiringStatus.NOT_AIRED)
    air(session, w.station_a, add_message(session, w.editor, w.province, None), local(date(2026, 11, 12)))
    grid = grid_of(session, w)
    assert list(grid.weeks) == WEEKS
    assert cells(grid, w.station_a) == [(2, 2, CellStatus.MET), (1, 2, CellStatus.MISSED),
                                        (1, 2, CellStatus.IN_PROGRESS), (0, 2, CellStatus.NOT_YET)]
    assert cells(grid, w.station_b)[:2] == [(0, 2, CellStatus.MISSED), (0, 2, CellStatus.MISSED)]
    assert {c.basis for r in grid.rows for c in r.cells} == {Basis.TARGET}


def test_a_week_already_met_is_met_before_it_ends(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1.5)  # owed: 2 a week
    air(session, w.station_a, w.message, local(date(2026, 11, 16)))
    air(session, w.station_a, w.message, local(date(2026, 11, 17)))
    assert cells(grid_of(session, w), w.station_a)[2] == (2, 2, CellStatus.MET)


def test_a_local_sunday_evening_counts_in_its_own_iso_week(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    air(session, w.station_a, w.message, datetime(2026, 11, 8, 23, 30, tzinfo=ZONE))  # Sunday 16:30 UTC
    assert [c[0] for c in cells(grid_of(session, w), w.station_a)] == [1, 0, 0, 0]


def test_without_a_target_a_station_owes_what_was_planned_for_it_and_otherwise_nothing(session):
    w = target_world(session)
    plan(session, w.station_a, w.message, local(date(2026, 11, 3)))
    plan(session, w.station_a, w.message, local(date(2026, 11, 4)), DeliveryStatus.SENT)
    plan(session, w.station_a, w.message, local(date(2026, 11, 5)), DeliveryStatus.CANCELLED)
    plan(session, w.station_a, w.message, local(date(2026, 11, 6)), DeliveryStatus.HELD)
    air(session, w.station_a, w.message, local(date(2026, 11, 10)))  # planned and confirmed: 1 of 1
    grid = grid_of(session, w)
    assert cells(grid, w.station_a)[:2] == [(0, 2, CellStatus.MISSED), (1, 1, CellStatus.MET)]
    assert grid.rows[0].cells[0].basis is Basis.PLANNED
    # Nothing planned and no target: said so, neither met nor missed.
    assert cells(grid, w.station_b) == [(0, None, CellStatus.NO_REQUIREMENT)] * 4
    assert {c.basis for c in next(r for r in grid.rows if r.station.id == w.station_b.id).cells} == {None}


def test_the_smallest_area_target_wins_and_a_target_only_counts_inside_its_period(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1, ends_on=date(2026, 11, 15))
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 3, area_id=w.commune_a.id,
               ends_on=date(2026, 11, 15))
    plan(session, w.station_b, w.message, local(date(2026, 11, 17)))
    grid = grid_of(session, w)
    assert [c[1] for c in cells(grid, w.station_a)] == [3, 3, None, None]
    assert [c[1] for c in cells(grid, w.station_b)] == [1, 1, 1, None]
    assert [c.basis for c in grid.rows[1].cells][:3] == [Basis.TARGET, Basis.TARGET, Basis.PLANNED]


def test_rows_are_the_active_stations_of_the_campaigns_areas_within_the_viewers_subtree(session):
    w = target_world(session)
    make_station(session, w.commune_a, name="Đài cũ Phường An Lạc", is_active=False)
    everyone = grid_of(session, w)
    assert [r.station.id for r in everyone.rows] == [w.station_a.id, w.station_b.id]  # not the other province's
    only_a = grid_of(session, w, within=w.commune_a)
    assert [r.station.id for r in only_a.rows] == [w.station_a.id]
    assert grid_of(session, w, within=w.other_commune).rows == ()


def test_the_campaigns_owner_area_stands_in_when_it_names_no_areas(session):
    w = target_world(session)
    w.campaign.areas = []
    w.campaign.owner_area = w.commune_b
    session.flush()
    assert [r.station.id for r in grid_of(session, w).rows] == [w.station_b.id]


def test_a_period_is_whole_weeks_and_may_not_be_wider_than_a_year(session):
    w = target_world(session)
    air(session, w.station_a, w.message, local(date(2026, 11, 9)))  # Monday, before the period's Wednesday
    grid = grid_of(session, w, first=date(2026, 11, 11), last=date(2026, 11, 12))
    assert grid.weeks == (date(2026, 11, 9),) and grid.rows[0].cells[0].confirmed == 1
    assert grid_of(session, w, first=date(2026, 11, 12), last=date(2026, 11, 11)).rows == ()
    with pytest.raises(ValueError):
        grid_of(session, w, first=date(2026, 1, 1), last=date(2027, 6, 1))


def test_the_default_period_is_the_last_eight_weeks_inside_the_campaign(session):
    w = target_world(session)
    assert default_period(w.campaign, TODAY) == (STARTS, TODAY)
    assert default_period(w.campaign, date(2027, 3, 1)) == (STARTS, ENDS)
    assert default_period(w.campaign, date(2026, 1, 1)) == (STARTS, STARTS)
    w.campaign.ends_on = date(2027, 12, 31)
    assert default_period(w.campaign, date(2027, 3, 3)) == (date(2027, 1, 11), date(2027, 3, 3))


@pytest.mark.parametrize(("contact", "phone"), [
    ("Ông Lê Văn Tám, 0912 345 678", "0912345678"),
    ("Bà Mai — 0912.345.678 (giờ hành chính)", "0912345678"),
    ("Trưởng đài: +84 912 345 678", "+84912345678"),
    ("Văn phòng UBND (024) 3825 1234", "02438251234"),
    ("Bà Trần Thị Mai", None),
    ("Mã đài 12345", None),
    ("Anh Hùng 0987654321 hoặc chị Lan 0912 345 678", "0987654321"),
    ("Số tổng đài 1900 1234", None),
    ("", None),
])
def test_the_phone_number_is_read_from_the_stations_contact(contact, phone):
    assert phone_number(contact) == phone


def test_the_officers_answerable_for_a_station_that_missed_last_week_are_told(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    air(session, w.station_a, w.message, local(date(2026, 11, 10)))  # A aired in week 2, B did not
    commune_a_editor = make_user(session, role=Role.APPROVER, area=w.commune_a)
    commune_b_editor = make_user(session, role=Role.EDITOR, area=w.commune_b)
    notices = missed_last_week(session, w.editor, today=TODAY, zone=ZONE)
    assert [(n.campaign.id, n.week, n.stations) for n in notices] == [(w.campaign.id, date(2026, 11, 9), 1)]
    assert missed_last_week(session, commune_a_editor, today=TODAY, zone=ZONE) == []
    assert [n.stations for n in missed_last_week(session, commune_b_editor, today=TODAY, zone=ZONE)] == [1]


def test_nobody_outside_the_line_from_owner_to_station_is_told(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    outsiders = [make_user(session, role=Role.EDITOR, area=w.other_commune),
                 make_user(session, role=Role.ANALYST, area=w.province),
                 make_user(session, role=Role.ADMIN, area=w.province),
                 make_user(session, role=Role.EDITOR, area=None),
                 make_user(session, role=Role.EDITOR, area=make_area(session, name="Tỉnh Láng Giềng"))]
    assert all(missed_last_week(session, user, today=TODAY, zone=ZONE) == [] for user in outsiders)
    assert missed_last_week(session, w.editor, today=TODAY, zone=ZONE) != []


def test_a_campaign_that_did_not_run_last_week_tells_nobody(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    assert missed_last_week(session, w.editor, today=STARTS + timedelta(days=3), zone=ZONE) == []  # its first week
    assert missed_last_week(session, w.editor, today=ENDS + timedelta(days=8), zone=ZONE) == []
    assert len(missed_last_week(session, w.editor, today=ENDS + timedelta(days=1), zone=ZONE)) == 1  # its last week


def test_the_grid_costs_a_few_queries_however_many_stations(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    for n in range(30):
        air(session, make_station(session, make_area(session, parent=w.province, name=f"Xã Đông {n}")), w.message,
            local(date(2026, 11, 3)))
    session.commit()
    session.expire_all()
    statements: list[str] = []
    engine = session.get_bind()
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        grid = grid_of(session, w)
        assert len(grid.rows) == 32 and {r.station.area.name for r in grid.rows} >= {"Xã Đông 0", "Xã Đông 29"}
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert len(statements) <= 8, statements
