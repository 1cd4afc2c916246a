"""Loudspeaker reach: airings measured; listeners estimated, each area once a day; no coverage is no data."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from campaigns.loudspeaker_reach import AIRINGS, CONTACTS, LISTENERS, listeners_over, loudspeaker_reach
from campaigns.models import Airing, AiringStatus, Delivery, ReachSource
from tests.factories import make_area, make_station
from tests.radio_scenarios import radio_item

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = date(2026, 11, 24)
_keys = itertools.count(1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


def air(session, message, station, aired_at, status=AiringStatus.AIRED):  # type: ignore[no-untyped-def]
    delivery = Delivery(message=message, station=station, due_at=aired_at, idempotency_key=f"loa-reach-{next(_keys)}")
    session.add(delivery)
    session.flush()
    session.add(Airing(delivery_id=delivery.id, station_id=station.id, status=status,
                       aired_at=aired_at if status is AiringStatus.AIRED else None,
                       reason=None if status is AiringStatus.AIRED else "Mất điện"))
    session.flush()


def world(session):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Thanh Thủy")
    commune = make_area(session, parent=province, name="Xã An Lạc", population=9_000)
    ward = make_area(session, parent=province, name="Phường Bình Minh")
    centre = make_station(session, commune, name="Đài xã An Lạc", coverage_population=5_000)
    village = make_station(session, commune, name="Loa thôn Đông", coverage_population=3_000)
    ward_station = make_station(session, ward, name="Đài phường Bình Minh", coverage_population=2_000)
    unmeasured = make_station(session, make_area(session, parent=province, name="Xã Tân Tiến"),
                              name="Đài xã Tân Tiến")
    message = radio_item(session, centre, at(DAY, 6)).message
    return message, centre, village, ward_station, unmeasured


def test_overlapping_stations_count_their_area_once_and_contacts_count_every_airing(session):
    message, centre, village, ward_station, _ = world(session)
    air(session, message, centre, at(DAY, 6))
    air(session, message, centre, at(DAY, 17))
    air(session, message, village, at(DAY, 6, 30))
    air(session, message, ward_station, at(DAY, 17))
    air(session, message, ward_station, at(DAY, 18), status=AiringStatus.NOT_AIRED)
    [day] = loudspeaker_reach(session, message, DAY, DAY, zone=ZONE)
    assert (day.airings.metric, day.airings.kind, day.airings.value) == (AIRINGS, ReachSource.MEASURED, 4)
    # An Lạc once, at its widest station's coverage (5,000), not 5,000 + 3,000; Bình Minh 2,000.
    assert (day.listeners.metric, day.listeners.kind, day.listeners.value) == (LISTENERS, ReachSource.ESTIMATED, 7_000)
    # Gross contacts: 5,000 × 3 airings in An Lạc + 2,000 × 1 in Bình Minh.
    assert (day.contacts.metric, day.contacts.kind, day.contacts.value) == (CONTACTS, ReachSource.ESTIMATED, 17_000)
    assert day.stations_without_coverage == ()


def test_a_station_without_coverage_gives_no_data_not_zero(session):
    message, centre, _, _, unmeasured = world(session)
    air(session, message, unmeasured, at(DAY, 6))
    air(session, message, centre, at(DAY + timedelta(days=1), 6))
    first, second = loudspeaker_reach(session, message, DAY, DAY + timedelta(days=1), zone=ZONE)
    assert (first.day, first.airings.value, first.listeners.value, first.contacts.value) == (DAY, 1, None, None)
    assert first.stations_without_coverage == (unmeasured.id,)
    assert (second.day, second.listeners.value, second.contacts.value) == (DAY + timedelta(days=1), 5_000, 5_000)


def test_days_are_local_and_outside_the_range_is_left_out(session):
    message, centre, _, _, _ = world(session)
    air(session, message, centre, at(DAY, 23, 30))
    air(session, message, centre, at(DAY + timedelta(days=1), 0, 30))
    air(session, message, centre, at(DAY + timedelta(days=2), 6))
    days = loudspeaker_reach(session, message, DAY, DAY + timedelta(days=1), zone=ZONE)
    assert [(d.day, d.airings.value) for d in days] == [(DAY, 1), (DAY + timedelta(days=1), 1)]


def test_over_a_period_each_area_counts_once_however_many_days_it_heard(session):
    message, centre, village, ward_station, unmeasured = world(session)
    for n in range(30):
        air(session, message, village, at(DAY + timedelta(days=n), 6))
    air(session, message, centre, at(DAY + timedelta(days=3), 17))
    air(session, message, ward_station, at(DAY + timedelta(days=5), 17))
    air(session, message, unmeasured, at(DAY, 17))
    days = loudspeaker_reach(session, message, DAY, DAY + timedelta(days=29), zone=ZONE)
    assert sum(d.listeners.value or 0 for d in days) == 30 * 3_000 + 2_000 + 2_000  # listener-days, not people
    # An Lạc once at its widest station (5,000), Bình Minh 2,000; Tân Tiến has no figure and adds nothing.
    period = listeners_over(days)
    assert (period.metric, period.kind, period.value) == (LISTENERS, ReachSource.ESTIMATED, 7_000)
    assert listeners_over([]).value is None
