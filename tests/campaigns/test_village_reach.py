"""Loudspeaker reach of a plan for villages: their people, never more than once inside their commune."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from campaigns.airings import AiringInput, confirm_airing
from campaigns.loudspeaker_reach import listeners_over, loudspeaker_reach
from campaigns.message_reach import area_root, message_reach
from campaigns.models import Delivery
from campaigns.planning import PlanRequest, plan_message
from campaigns.reach_reads import DayRange
from campaigns.reach_scope import reach_scope
from tests.village_world import NOW, ZONE, village_world

DAY = date(2026, 11, 21)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def plan_and_air(w, message, when: datetime, **request) -> None:  # type: ignore[no-untyped-def]
    before = set(w.session.scalars(select(Delivery.id)))
    plan_message(w.session, message, PlanRequest(due_at=when, **request), actor=w.editor, now=NOW, zone=ZONE)
    for delivery in w.session.scalars(select(Delivery).where(Delivery.id.not_in(before))):
        confirm_airing(w.session, delivery.station, AiringInput(delivery.id, "aired", aired_at=when),
                       now=when + timedelta(minutes=30))


def test_a_village_airing_is_heard_by_the_villages_people(session):
    w = village_world(session)
    message = w.message()
    plan_and_air(w, message, at(DAY, 6), village_ids=(w.villages["Thôn Đồng Cháy"].id, w.villages["Thôn Rú Mít"].id))
    [day] = loudspeaker_reach(session, message, DAY, DAY, zone=ZONE)
    assert (day.airings.value, day.listeners.value, day.contacts.value) == (1, 2_180, 2_180)
    assert day.stations_without_coverage == () and day.villages_without_population == ()


def test_a_village_with_no_population_is_listed_and_counts_as_no_data(session):
    w = village_world(session)
    message = w.message()
    plan_and_air(w, message, at(DAY, 6), village_ids=(w.villages["Thôn Bãi Ngang"].id,))
    [day] = loudspeaker_reach(session, message, DAY, DAY, zone=ZONE)
    assert (day.airings.value, day.listeners.value, day.contacts.value) == (1, None, None)
    assert day.villages_without_population == (w.villages["Thôn Bãi Ngang"].id,)


def test_the_whole_commune_heard_on_the_same_day_holds_its_villages(session):
    w = village_world(session)
    message = w.message()
    plan_and_air(w, message, at(DAY, 6), village_ids=(w.villages["Thôn Đồng Cháy"].id,))
    plan_and_air(w, message, at(DAY, 17), station_ids=(w.station.id,))
    [day] = loudspeaker_reach(session, message, DAY, DAY, zone=ZONE)
    # Listeners: the station's 7,000 already include Đồng Cháy; contacts add both airings.
    assert (day.airings.value, day.listeners.value, day.contacts.value) == (2, 7_000, 7_000 + 1_250)


def test_over_a_period_a_village_counts_once_and_not_beside_its_whole_commune(session):
    w = village_world(session)
    message = w.message()
    plan_and_air(w, message, at(DAY, 6), village_ids=(w.villages["Thôn Đồng Cháy"].id, w.villages["Thôn Cây Đa"].id))
    plan_and_air(w, message, at(DAY + timedelta(days=1), 6), village_ids=(w.villages["Thôn Đồng Cháy"].id,))
    plan_and_air(w, message, at(DAY + timedelta(days=2), 6), station_ids=(w.station.id,))
    days = loudspeaker_reach(session, message, DAY, DAY + timedelta(days=2), zone=ZONE)
    assert [d.listeners.value for d in days] == [1_250 + 1_400, 1_250, 7_000]
    # Hòa Phong once at its station's 7,000 (Đồng Cháy inside it), Cây Đa once at 1,400.
    assert listeners_over(days).value == 7_000 + 1_400
    assert listeners_over(days[:2]).value == 1_250 + 1_400


def test_the_message_report_names_targeted_villages_with_no_population(session):
    w = village_world(session)
    message = w.message()
    plan_and_air(w, message, at(DAY, 6), village_ids=(w.villages["Thôn Bãi Ngang"].id, w.villages["Thôn Rú Mít"].id))
    scope = reach_scope(w.admin, message.area)
    report = message_reach(session, message, DayRange(DAY, DAY), scope=scope, root=area_root(scope, message, None),
                           zone=ZONE)
    assert [v.name for v in report.loudspeaker.villages_without_population] == ["Thôn Bãi Ngang"]
    assert report.loudspeaker.listeners.value == 930
