"""The delivery calendar: local weeks and months, grouped by local day, scoped to where the viewer works."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from campaigns.calendar import STATIONS, CalendarView, build_calendar
from campaigns.deliveries import cancel_delivery
from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from campaigns.planning import DailySlots, PlanRequest, plan_message
from content.errors import PermissionDenied
from content.models import Role
from tests.factories import make_area, make_channel, make_station, make_user
from tests.scenarios import HCM, approved


@pytest.fixture
def planned(session, now):  # type: ignore[no-untyped-def]
    """A province message to its portal and both communes' stations, and a commune message of its own."""
    province = make_area(session, name="Tỉnh Sơn Lâm")
    doi_thong = make_area(session, parent=province, name="Xã Đồi Thông")
    suoi_bac = make_area(session, parent=province, name="Xã Suối Bạc")
    make_station(session, doi_thong, name="Đài xã Đồi Thông")
    make_station(session, suoi_bac, name="Đài xã Suối Bạc")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh")
    message, approver = approved(session, province, now, "Cảnh giác lừa đảo đầu tư tiền ảo")
    plan_message(session, message, PlanRequest(
        channel_ids=(portal.id,), channel_times=((portal.id, datetime(2026, 11, 24, 8, tzinfo=HCM)),),
        area_ids=(province.id,), daily=(DailySlots(date(2026, 11, 29), date(2026, 11, 30), (time(6), time(17))),)),
        actor=approver, now=now, zone=HCM)
    local, local_approver = approved(session, suoi_bac, now, "Lịch tiêm phòng dại cho chó mèo")
    plan_message(session, local, PlanRequest(channel_ids=(portal.id,), due_at=datetime(2026, 11, 25, 0, 30, tzinfo=HCM)),
                 actor=local_approver, now=now, zone=HCM)
    session.commit()
    return {"province": province, "doi_thong": doi_thong, "suoi_bac": suoi_bac, "portal": portal,
            "viewer": make_user(session, role=Role.EDITOR, area=province)}


def lines(calendar) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for day in calendar.days:
        for e in day.entries:
            place = e.channel_name or (e.station_name if e.station_name else f"{e.stations} đài")
            out.append(f"{day.day:%a %d/%m} {e.at:%H:%M} {e.title} → {place}")
    return out


def test_a_week_runs_monday_to_sunday_in_local_time(session, planned):
    calendar = build_calendar(session, planned["viewer"], view=CalendarView.WEEK, anchor=date(2026, 11, 26), zone=HCM)
    assert (calendar.first_day, calendar.last_day) == (date(2026, 11, 23), date(2026, 11, 29))
    assert (calendar.previous, calendar.next) == (date(2026, 11, 16), date(2026, 11, 30))
    assert len(calendar.days) == 7
    assert lines(calendar) == [
        "Tue 24/11 08:00 Cảnh giác lừa đảo đầu tư tiền ảo → Cổng thông tin tỉnh",
        # 00:30 on the 25th locally is still the 24th in UTC: the local day decides.
        "Wed 25/11 00:30 Lịch tiêm phòng dại cho chó mèo → Cổng thông tin tỉnh",
        "Sun 29/11 06:00 Cảnh giác lừa đảo đầu tư tiền ảo → 2 đài",
        "Sun 29/11 17:00 Cảnh giác lừa đảo đầu tư tiền ảo → 2 đài",
    ]


def test_a_month_is_shown_as_the_whole_weeks_that_hold_it(session, planned):
    calendar = build_calendar(session, planned["viewer"], view=CalendarView.MONTH, anchor=date(2026, 11, 10), zone=HCM)
    assert (calendar.first_day, calendar.last_day) == (date(2026, 10, 26), date(2026, 12, 6))
    assert (calendar.previous, calendar.next) == (date(2026, 10, 1), date(2026, 12, 1))
    assert [len(week) for week in calendar.weeks] == [7] * 6
    assert calendar.days[0].is_outside and not calendar.days[6].is_outside
    assert len(lines(calendar)) == 6 and calendar.count == 2 + 4 * 2


def test_an_area_filter_keeps_its_stations_and_the_channels_of_its_messages(session, planned):
    calendar = build_calendar(session, planned["viewer"], view=CalendarView.WEEK, anchor=date(2026, 11, 30),
                              zone=HCM, area=planned["suoi_bac"])
    assert lines(calendar) == ["Mon 30/11 06:00 Cảnh giác lừa đảo đầu tư tiền ảo → Đài xã Suối Bạc",
                               "Mon 30/11 17:00 Cảnh giác lừa đảo đầu tư tiền ảo → Đài xã Suối Bạc"]
    week_before = build_calendar(session, planned["viewer"], view=CalendarView.WEEK, anchor=date(2026, 11, 23),
                                 zone=HCM, area=planned["suoi_bac"])
    assert lines(week_before) == ["Wed 25/11 00:30 Lịch tiêm phòng dại cho chó mèo → Cổng thông tin tỉnh",
                                  "Sun 29/11 06:00 Cảnh giác lừa đảo đầu tư tiền ảo → Đài xã Suối Bạc",
                                  "Sun 29/11 17:00 Cảnh giác lừa đảo đầu tư tiền ảo → Đài xã Suối Bạc"]


@pytest.mark.parametrize(("destination", "expected"), [(STATIONS, 2), ("portal", 2)])
def test_the_destination_filter_keeps_stations_or_one_channel(session, planned, destination, expected):
    chosen = planned["portal"].id if destination == "portal" else destination
    calendar = build_calendar(session, planned["viewer"], view=CalendarView.WEEK, anchor=date(2026, 11, 23),
                              zone=HCM, destination=chosen)
    assert len(lines(calendar)) == expected
    is_station = [e.channel_name is None for d in calendar.days for e in d.entries]
    assert all(is_station) if destination == STATIONS else not any(is_station)


def test_a_commune_officer_sees_only_what_reaches_their_commune(session, planned):
    officer = make_user(session, role=Role.EDITOR, area=planned["doi_thong"])
    calendar = build_calendar(session, officer, view=CalendarView.WEEK, anchor=date(2026, 11, 23), zone=HCM)
    assert lines(calendar) == ["Sun 29/11 06:00 Cảnh giác lừa đảo đầu tư tiền ảo → Đài xã Đồi Thông",
                               "Sun 29/11 17:00 Cảnh giác lừa đảo đầu tư tiền ảo → Đài xã Đồi Thông"]


def test_asking_for_an_area_outside_ones_own_is_denied(session, planned):
    officer = make_user(session, role=Role.EDITOR, area=planned["doi_thong"])
    with pytest.raises(PermissionDenied):
        build_calendar(session, officer, view=CalendarView.WEEK, anchor=date(2026, 11, 23), zone=HCM,
                       area=planned["suoi_bac"])


def test_a_radio_operator_has_no_calendar(session, planned):
    operator = make_user(session, role=Role.RADIO_OPERATOR, area=planned["doi_thong"])
    with pytest.raises(PermissionDenied):
        build_calendar(session, operator, view=CalendarView.WEEK, anchor=date(2026, 11, 23), zone=HCM)


def test_cancelled_deliveries_leave_the_calendar_and_statuses_are_counted(session, planned, now):
    deliveries = session.scalars(select(Delivery).where(Delivery.station_id.is_not(None))
                                 .order_by(Delivery.due_at, Delivery.station_id)).all()
    approver = make_user(session, role=Role.APPROVER, area=planned["province"])
    cancel_delivery(session, deliveries[0], actor=approver, now=now)
    deliveries[1].status = DeliveryStatus.FAILED
    session.commit()
    calendar = build_calendar(session, planned["viewer"], view=CalendarView.WEEK, anchor=date(2026, 11, 29), zone=HCM)
    sunday_six = calendar.days[6].entries[0]
    assert sunday_six.stations == 1 and sunday_six.statuses == ((DeliveryStatus.FAILED, 1),)
    assert sunday_six.station_name == "Đài xã Suối Bạc"


def test_days_follow_a_zone_with_daylight_saving(session, planned):
    berlin = ZoneInfo("Europe/Berlin")
    calendar = build_calendar(session, planned["viewer"], view=CalendarView.WEEK, anchor=date(2026, 11, 24),
                              zone=berlin)
    # 00:30 in Hồ Chí Minh City on the 25th is 18:30 on the 24th in Berlin.
    assert "Tue 24/11 18:30 Lịch tiêm phòng dại cho chó mèo → Cổng thông tin tỉnh" in lines(calendar)
