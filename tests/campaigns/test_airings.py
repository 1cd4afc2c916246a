"""Stations confirm what they aired: once per item, corrected not duplicated, counted as estimated reach."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from campaigns.airing_report import StationState, report_airings, slot_for
from campaigns.airings import LISTENERS_METRIC, AiringInput, confirm_airing, repeats
from campaigns.models import Airing, AiringStatus, Delivery, DeliveryStatus, ReachEvent, ReachSource
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from scheduler.radio_scripts.building import build_daily_script
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import radio_item, radio_world

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = date(2026, 11, 24)
def local(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


def aired(delivery: Delivery, **overrides) -> AiringInput:  # type: ignore[no-untyped-def]
    return AiringInput(**{"delivery_id": delivery.id, "status": "aired", **overrides})


def reach(session) -> list[ReachEvent]:  # type: ignore[no-untyped-def]
    """The events still counting: one taken back by a compensating event (same day, opposite value) is left out."""
    events = list(session.scalars(select(ReachEvent).order_by(ReachEvent.id)))
    taken_back = {(e.station_id, e.occurred_at, -e.value) for e in events if e.value < 0}
    return [e for e in events if e.value > 0 and (e.station_id, e.occurred_at, e.value) not in taken_back]


def test_an_aired_item_is_recorded_with_its_time_operator_and_estimated_listeners(session):
    _, commune, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    now = local(6, 20)
    airing = confirm_airing(session, station, aired(delivery, note="Phát hai lần"), now=now, actor=operator)
    assert (airing.status, airing.aired_at, airing.operator_id, airing.operator_name, airing.note) == (
        AiringStatus.AIRED, now, operator.id, "Trần Thị Mai", "Phát hai lần")
    [event] = reach(session)
    assert (event.metric, event.source, event.value) == (LISTENERS_METRIC, ReachSource.ESTIMATED, 5_600)
    assert (event.message_id, event.station_id, event.area_id, event.occurred_at) == (
        delivery.message_id, station.id, commune.id, now)


def test_confirming_again_corrects_the_record_and_replaces_its_reach(session):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    confirm_airing(session, station, aired(delivery), now=local(6, 20), actor=operator)
    confirm_airing(session, station, aired(delivery, aired_at=local(6, 5)), now=local(7), actor=operator)
    assert session.scalar(select(func.count()).select_from(Airing)) == 1
    [event] = reach(session)
    assert event.occurred_at == local(6, 5)
    audit = session.scalars(select(AuditLog).where(AuditLog.action == "airing.confirm").order_by(AuditLog.id)).all()
    assert [entry.detail["corrected"] for entry in audit] == [False, True]


def test_an_item_later_marked_not_aired_takes_its_reach_back(session):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    confirm_airing(session, station, aired(delivery), now=local(6, 20), actor=operator)
    airing = confirm_airing(session, station, AiringInput(delivery_id=delivery.id, status="not_aired",
                                                          reason="Mất điện cả thôn"), now=local(7), actor=operator)
    assert (airing.status, airing.aired_at, airing.reason, airing.reach_event_id) == (
        AiringStatus.NOT_AIRED, None, "Mất điện cả thôn", None)
    assert reach(session) == []


def test_not_aired_needs_a_reason(session):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    with pytest.raises(InvalidInput) as refused:
        confirm_airing(session, station, AiringInput(delivery_id=delivery.id, status="not_aired", reason="  "),
                       now=local(7), actor=operator)
    assert "reason" in refused.value.errors


def test_an_unknown_status_is_refused(session):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    with pytest.raises(InvalidInput) as refused:
        confirm_airing(session, station, AiringInput(delivery_id=delivery.id, status="da_phat"), now=local(7),
                       actor=operator)
    assert "status" in refused.value.errors


def test_an_item_of_another_station_cannot_be_confirmed(session):
    province, _, station, operator = radio_world(session)
    other = make_station(session, make_area(session, parent=province, name="Xã Bình Minh"))
    foreign = radio_item(session, other, local(6))
    with pytest.raises(InvalidInput) as refused:
        confirm_airing(session, station, aired(foreign), now=local(7), actor=operator)
    assert "delivery_id" in refused.value.errors
    with pytest.raises(InvalidInput):
        confirm_airing(session, station, AiringInput(delivery_id=999_999, status="aired"), now=local(7),
                       actor=operator)


def test_a_cancelled_item_cannot_be_confirmed(session):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6), status=DeliveryStatus.CANCELLED)
    with pytest.raises(InvalidInput) as refused:
        confirm_airing(session, station, aired(delivery), now=local(7), actor=operator)
    assert "delivery_id" in refused.value.errors


@pytest.mark.parametrize(("aired_at", "accepted"), [
    (local(7, 4), True),  # a clock four minutes fast
    (local(7, 10), False),  # the future
    (local(6, 0, DAY - timedelta(days=1)), True),  # the day before, inside the allowance
    (local(5, 0, DAY - timedelta(days=1)), False),  # more than a day before the item's time
])
def test_the_airing_time_must_be_plausible(session, aired_at, accepted):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    attempt = lambda: confirm_airing(session, station, aired(delivery, aired_at=aired_at), now=local(7),  # noqa: E731
                                     actor=operator)
    if accepted:
        assert attempt().aired_at == aired_at
    else:
        with pytest.raises(InvalidInput) as refused:
            attempt()
        assert "aired_at" in refused.value.errors


def test_editors_and_operators_of_other_communes_cannot_confirm(session):
    province, commune, station, _ = radio_world(session)
    delivery = radio_item(session, station, local(6))
    for user in (make_user(session, role=Role.EDITOR, area=commune),
                 make_user(session, role=Role.RADIO_OPERATOR, area=make_area(session, parent=province))):
        with pytest.raises(PermissionDenied):
            confirm_airing(session, station, aired(delivery), now=local(7), actor=user)


def test_a_confirmation_by_the_stations_token_names_its_reader(session):
    _, _, station, _ = radio_world(session)
    delivery = radio_item(session, station, local(6))
    airing = confirm_airing(session, station, aired(delivery, operator_name="Hộp loa thôn Đông"), now=local(7))
    assert (airing.operator_id, airing.operator_name) == (None, "Hộp loa thôn Đông")
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "airing.confirm"))
    assert entry.actor_id is None and entry.detail["via"] == "token"


def test_without_any_known_population_no_reach_is_invented(session):
    _, _, station, operator = radio_world(session, population=None)
    delivery = radio_item(session, station, local(6))
    confirm_airing(session, station, aired(delivery), now=local(7), actor=operator)
    assert reach(session) == []


def test_a_station_without_its_own_coverage_does_not_borrow_its_communes_population(session):
    _, commune, station, operator = radio_world(session)
    station.coverage_population = None
    assert commune.population == 5_600
    delivery = radio_item(session, station, local(6))
    confirm_airing(session, station, aired(delivery), now=local(7), actor=operator)
    assert reach(session) == []


# The officer's view of one day.

def states(session, root, now):  # type: ignore[no-untyped-def]
    return {d.station.name: d.state for d in report_airings(session, root, DAY, zone=ZONE, now=now)}


def test_stations_are_confirmed_late_missing_waiting_or_idle(session):
    province, _, confirmed, operator = radio_world(session)
    late = make_station(session, make_area(session, parent=province), name="Đài trễ")
    missing = make_station(session, make_area(session, parent=province), name="Đài im lặng")
    waiting = make_station(session, make_area(session, parent=province), name="Đài buổi chiều")
    make_station(session, make_area(session, parent=province), name="Đài không có tin")
    admin = make_user(session, role=Role.ADMIN, area=province)
    morning = {station.name: radio_item(session, station, local(6)) for station in (confirmed, late, missing)}
    radio_item(session, late, local(5, 30), title="Tin thứ hai buổi sáng")
    radio_item(session, waiting, local(16))
    now = local(7)
    confirm_airing(session, confirmed, aired(morning[confirmed.name]), now=now, actor=operator)
    confirm_airing(session, late, aired(morning[late.name]), now=now, actor=admin)
    assert states(session, province, now) == {
        "Đài truyền thanh xã An Lạc": StationState.CONFIRMED, "Đài trễ": StationState.LATE,
        "Đài im lặng": StationState.MISSING, "Đài buổi chiều": StationState.WAITING,
        "Đài không có tin": StationState.IDLE}


def test_a_slot_is_not_late_until_the_grace_after_it_ends(session):
    _, commune, station, _ = radio_world(session)
    radio_item(session, station, local(6))
    # The 06:00 slot lasts 15 minutes; thirty more are allowed before anyone is chased.
    assert states(session, commune, local(6, 44))[station.name] is StationState.WAITING
    assert states(session, commune, local(6, 45))[station.name] is StationState.MISSING


def test_an_item_not_aired_with_a_reason_counts_as_confirmed(session):
    _, commune, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    confirm_airing(session, station, AiringInput(delivery_id=delivery.id, status="not_aired", reason="Hỏng loa"),
                   now=local(7), actor=operator)
    [day] = report_airings(session, commune, DAY, zone=ZONE, now=local(9))
    assert (day.state, day.aired, day.not_aired, day.unconfirmed) == (StationState.CONFIRMED, 0, 1, 0)


def test_the_report_keeps_to_the_viewers_subtree_and_the_local_day(session):
    province, commune, station, _ = radio_world(session)
    make_station(session, make_area(session, parent=make_area(session, name="Tỉnh Khác")), name="Đài tỉnh khác")
    make_station(session, make_area(session, parent=province), name="Đài đã ngừng", is_active=False)
    # 23:30 UTC on the 23rd is 06:30 on the 24th in Hà Nội: it belongs to the report of the 24th.
    radio_item(session, station, datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc))
    radio_item(session, station, local(6, 0, DAY + timedelta(days=1)))
    [day] = report_airings(session, province, DAY, zone=ZONE, now=local(20))
    assert (day.station.id, day.items, day.state) == (station.id, 1, StationState.MISSING)
    assert len(report_airings(session, None, DAY, zone=ZONE, now=local(20))) == 2
    assert report_airings(session, commune, DAY, zone=ZONE, now=local(20))[0].station.id == station.id


@pytest.mark.parametrize("due", [time(5), time(6), time(6, 1), time(12), time(17), time(21, 30)])
def test_the_report_reads_items_in_the_same_slot_as_the_daily_script(session, due):
    _, _, station, _ = radio_world(session)
    radio_item(session, station, local(due.hour, due.minute))
    script = build_daily_script(session, station, DAY, zone=ZONE)
    [slot] = [s for s in script.slots if s.items]
    assert slot_for(due, [s.starts_at for s in station.slots]) == slot.starts_at


def test_the_same_answer_again_is_a_repeat_and_a_different_one_is_not(session):
    _, _, station, operator = radio_world(session)
    delivery = radio_item(session, station, local(6))
    airing = confirm_airing(session, station, aired(delivery, aired_at=local(6, 5)), now=local(7), actor=operator)
    assert repeats(airing, aired(delivery, aired_at=local(6, 5)))
    assert repeats(airing, aired(delivery))  # no time sent: "just now", which the earlier answer covers
    assert not repeats(airing, aired(delivery, aired_at=local(6, 10)))
    assert not repeats(airing, aired(delivery, note="Phát lại"))
    assert not repeats(airing, AiringInput(delivery_id=delivery.id, status="not_aired", reason="Mất điện"))
    assert not repeats(None, aired(delivery))
    missed = confirm_airing(session, station, AiringInput(delivery_id=delivery.id, status="not_aired",
                                                          reason="Mất điện"), now=local(7), actor=operator)
    assert repeats(missed, AiringInput(delivery_id=delivery.id, status="not_aired", reason=" Mất điện "))
    assert not repeats(missed, AiringInput(delivery_id=delivery.id, status="not_aired", reason="Hỏng loa"))
