"""Planning: areas fan out to their stations, daily slots become the right UTC instants, mistakes are refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from campaigns.campaign_records import CampaignInput, PeakInput, attach_message, create_campaign
from campaigns.models import ChannelKind, Delivery, Station
from campaigns.planning import DailySlots, PlanRequest, plan_deliveries, plan_message, plannable_channels
from campaigns.slot_proposals import NORMAL_SLOTS, PEAK_SLOTS, propose_range, propose_slots
from content.errors import InvalidInput, InvalidTransition, PermissionDenied
from content.messages import MessageInput, create_message
from content.models import Area, AreaKind, AuditLog, Message, MessageKind, MessageStatus, Role, User
from tests.factories import make_area, make_channel, make_station, make_user
from tests.scenarios import HCM, approved

# The `now` fixture: 08:00 on Monday 23 November 2026 in Hồ Chí Minh City.


@dataclass
class World:
    province: Area
    doi_thong: Area
    suoi_bac: Area
    cay_gao: Area
    other_province: Area
    stations: dict[str, Station]
    approver: User
    message: Message


@pytest.fixture
def world(session, now) -> World:
    province = make_area(session, name="Tỉnh Sơn Lâm")
    doi_thong = make_area(session, parent=province, name="Xã Đồi Thông")
    suoi_bac = make_area(session, parent=province, name="Xã Suối Bạc")
    cay_gao = make_area(session, parent=doi_thong, name="Thôn Cây Gạo", kind=AreaKind.RESIDENTIAL)
    other = make_area(session, name="Tỉnh Bình Nguyên")
    stations = {
        "doi_thong": make_station(session, doi_thong, name="Đài xã Đồi Thông"),
        "cay_gao": make_station(session, cay_gao, name="Cụm loa thôn Cây Gạo", slots=((time(5, 30), 10),)),
        "suoi_bac": make_station(session, suoi_bac, name="Đài xã Suối Bạc", slots=()),
        "suoi_bac_old": make_station(session, suoi_bac, name="Đài cũ Suối Bạc", is_active=False),
        "binh_nguyen": make_station(session, make_area(session, parent=other, name="Xã Gò Mây"),
                                    name="Đài xã Gò Mây"),
    }
    message, approver = approved(session, province, now)
    return World(province, doi_thong, suoi_bac, cay_gao, other, stations, approver, message)


def plan(session, world: World, now: datetime, **request):  # type: ignore[no-untyped-def]
    return plan_message(session, world.message, PlanRequest(**request), actor=world.approver, now=now, zone=HCM)


def deliveries(session) -> list[Delivery]:
    return list(session.scalars(select(Delivery).order_by(Delivery.due_at, Delivery.station_id, Delivery.channel_id)))


def tomorrow_at(hour: int) -> datetime:
    return datetime(2026, 11, 24, hour, tzinfo=HCM)


def refusal(session, world, now, **request) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refused:
        plan(session, world, now, **request)
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0
    return refused.value.errors


def test_a_province_plan_reaches_every_active_station_below_it_and_none_elsewhere(session, now, world):
    summary = plan(session, world, now, area_ids=(world.province.id,), due_at=tomorrow_at(6))
    reached = {d.station.name for d in deliveries(session)}
    assert reached == {"Đài xã Đồi Thông", "Cụm loa thôn Cây Gạo", "Đài xã Suối Bạc"}
    assert summary.count == summary.stations == 3


def test_a_commune_plan_reaches_its_residential_areas_but_not_its_neighbour(session, now, world):
    plan(session, world, now, area_ids=(world.doi_thong.id,), due_at=tomorrow_at(6))
    assert {d.station.name for d in deliveries(session)} == {"Đài xã Đồi Thông", "Cụm loa thôn Cây Gạo"}


def test_a_station_chosen_by_hand_and_inside_a_chosen_area_is_planned_once(session, now, world):
    summary = plan(session, world, now, station_ids=(world.stations["doi_thong"].id,),
                   area_ids=(world.doi_thong.id, world.province.id), due_at=tomorrow_at(6))
    stations = [d.station_id for d in deliveries(session)]
    assert len(stations) == len(set(stations)) == summary.count == 3


def test_daily_slots_become_utc_instants_of_the_configured_zone(session, now, world):
    summary = plan(session, world, now, station_ids=(world.stations["doi_thong"].id,),
                   daily=(DailySlots(date(2026, 11, 24), date(2026, 11, 26), (time(6), time(17))),))
    assert [d.due_at.isoformat() for d in deliveries(session)] == [
        "2026-11-23T23:00:00+00:00", "2026-11-24T10:00:00+00:00",
        "2026-11-24T23:00:00+00:00", "2026-11-25T10:00:00+00:00",
        "2026-11-25T23:00:00+00:00", "2026-11-26T10:00:00+00:00",
    ]
    assert (summary.first_due, summary.last_due) == (tomorrow_at(6), datetime(2026, 11, 26, 17, tzinfo=HCM))


def test_daily_slots_keep_their_wall_clock_time_across_a_daylight_saving_change(session, now, world):
    berlin = ZoneInfo("Europe/Berlin")  # summer time ends on 25 October 2026
    october = datetime(2026, 10, 20, tzinfo=timezone.utc)
    plan_message(session, world.message, PlanRequest(
        station_ids=(world.stations["doi_thong"].id,),
        daily=(DailySlots(date(2026, 10, 24), date(2026, 10, 26), (time(6),)),)),
        actor=world.approver, now=october, zone=berlin)
    assert [d.due_at.astimezone(berlin).strftime("%d %H:%M") for d in deliveries(session)] == [
        "24 06:00", "25 06:00", "26 06:00"]
    assert [d.due_at.hour for d in deliveries(session)] == [4, 5, 5]


def test_overlapping_daily_runs_do_not_plan_the_same_moment_twice(session, now, world):
    summary = plan(session, world, now, station_ids=(world.stations["doi_thong"].id,), daily=(
        DailySlots(date(2026, 11, 24), date(2026, 11, 25), (time(6), time(17))),
        DailySlots(date(2026, 11, 25), date(2026, 11, 25), (time(6), time(11), time(17)))))
    assert summary.count == 5


def test_each_station_may_use_its_own_broadcast_slots(session, now, world):
    plan(session, world, now, area_ids=(world.doi_thong.id, world.suoi_bac.id), use_station_slots=True,
         daily=(DailySlots(date(2026, 11, 24), date(2026, 11, 24), (time(7),)),))
    times = {}
    for d in deliveries(session):
        times.setdefault(d.station.name, []).append(d.due_at.astimezone(HCM).strftime("%H:%M"))
    assert times == {
        "Đài xã Đồi Thông": ["06:00", "17:00"],
        "Cụm loa thôn Cây Gạo": ["05:30"],
        "Đài xã Suối Bạc": ["07:00"],  # no slots on record: the plan's own times
    }


def test_a_channel_may_go_out_at_a_time_of_its_own(session, now, world):
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh")
    zalo = make_channel(session, ChannelKind.ZALO, name="Zalo OA Công an tỉnh")
    plan(session, world, now, channel_ids=(portal.id, zalo.id), channel_times=((zalo.id, tomorrow_at(19)),),
         station_ids=(world.stations["doi_thong"].id,),
         daily=(DailySlots(date(2026, 11, 24), date(2026, 11, 25), (time(6),)),))
    by_place = {}
    for d in deliveries(session):
        name = d.channel.name if d.channel else d.station.name
        by_place.setdefault(name, []).append(d.due_at.astimezone(HCM).strftime("%d %H:%M"))
    assert by_place == {"Cổng thông tin tỉnh": ["24 06:00", "25 06:00"], "Zalo OA Công an tỉnh": ["24 19:00"],
                        "Đài xã Đồi Thông": ["24 06:00", "25 06:00"]}


def test_channels_with_their_own_times_need_no_common_time(session, now, world):
    portal = make_channel(session, ChannelKind.PORTAL)
    assert plan(session, world, now, channel_ids=(portal.id,), channel_times=((portal.id, tomorrow_at(8)),)).count == 1


def test_one_plan_is_one_audit_record_and_schedules_the_message(session, now, world):
    plan(session, world, now, area_ids=(world.province.id,),
         daily=(DailySlots(date(2026, 11, 24), date(2026, 11, 30), NORMAL_SLOTS),))
    [record] = session.scalars(select(AuditLog).where(AuditLog.action == "delivery.plan")).all()
    assert record.detail["count"] == 3 * 7 * 2 and record.detail["area_ids"] == [world.province.id]
    assert record.detail["daily"] == [{"from": "2026-11-24", "to": "2026-11-30", "times": ["06:00", "17:00"]}]
    assert world.message.status is MessageStatus.SCHEDULED


def test_a_province_plan_takes_the_same_few_queries_for_any_number_of_stations(session, now, world, engine):
    def statements_for(count: int) -> int:
        commune = make_area(session, parent=world.province)
        for _ in range(count):
            make_station(session, commune)
        message, approver = approved(session, world.province, now)
        seen = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            plan_message(session, message, PlanRequest(
                area_ids=(commune.id,), use_station_slots=True,
                daily=(DailySlots(date(2026, 11, 24), date(2026, 11, 24), (time(6),)),)),
                actor=approver, now=now, zone=HCM)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen)

    assert statements_for(5) == statements_for(400)


def test_the_old_single_time_call_still_hands_back_its_rows(session, now, world):
    portal = make_channel(session, ChannelKind.PORTAL)
    rows = plan_deliveries(session, world.message, actor=world.approver, due_at=tomorrow_at(6), now=now,
                           channels=[portal], stations=[world.stations["doi_thong"]])
    assert [(d.channel_id, d.station_id) for d in rows] == [(portal.id, None), (None, world.stations["doi_thong"].id)]
    assert all(d.id and d.idempotency_key.startswith("loa-") for d in rows)


# --- proposals ---------------------------------------------------------------------------------


def with_peak(session, world, now, starts: date, ends: date, campaign_ends: date = date(2027, 12, 31)):
    campaign = create_campaign(session, world.approver, CampaignInput(
        plan_number="Kế hoạch số 7/KH-UBND", issuing_body="UBND tỉnh Sơn Lâm", title="Phòng chống lừa đảo cuối năm",
        starts_on=date(2026, 11, 1), ends_on=campaign_ends, owner_area_id=world.province.id,
        peaks=(PeakInput(name="Cao điểm trước Tết", starts_on=starts, ends_on=ends),)), now=now, zone=HCM)
    attach_message(session, campaign, world.message)
    return campaign


def test_ordinary_days_get_a_morning_and_an_evening_slot(session, now, world):
    assert propose_slots(session, world.message, first_day=date(2026, 11, 24), last_day=date(2026, 11, 30),
                         zone=HCM) == (DailySlots(date(2026, 11, 24), date(2026, 11, 30), NORMAL_SLOTS),)


def test_a_peak_period_adds_a_midday_slot_on_its_own_days(session, now, world):
    with_peak(session, world, now, date(2026, 11, 26), date(2026, 11, 28))
    assert propose_slots(session, world.message, first_day=date(2026, 11, 24), last_day=date(2026, 11, 30),
                         zone=HCM) == (
        DailySlots(date(2026, 11, 24), date(2026, 11, 25), NORMAL_SLOTS),
        DailySlots(date(2026, 11, 26), date(2026, 11, 28), PEAK_SLOTS, "Cao điểm trước Tết"),
        DailySlots(date(2026, 11, 29), date(2026, 11, 30), NORMAL_SLOTS),
    )


def test_the_proposed_range_is_a_week_from_tomorrow(session, now, world):
    assert propose_range(session, world.message, today=date(2026, 11, 23), zone=HCM) == (
        date(2026, 11, 24), date(2026, 11, 30))


def test_the_proposed_range_stretches_to_the_end_of_a_peak_under_way(session, now, world):
    with_peak(session, world, now, date(2026, 11, 20), date(2026, 12, 5))
    assert propose_range(session, world.message, today=date(2026, 11, 23), zone=HCM) == (
        date(2026, 11, 24), date(2026, 12, 5))


def test_the_proposed_range_stops_at_the_campaigns_last_day(session, now, world):
    with_peak(session, world, now, date(2026, 11, 20), date(2026, 11, 26), campaign_ends=date(2026, 11, 27))
    assert propose_range(session, world.message, today=date(2026, 11, 23), zone=HCM) == (
        date(2026, 11, 24), date(2026, 11, 27))


# --- refusals ----------------------------------------------------------------------------------


def test_a_plan_with_no_destination_is_refused(session, now, world):
    assert "ít nhất một" in refusal(session, world, now, due_at=tomorrow_at(6))["destinations"]


def test_a_time_in_the_past_is_refused_with_the_local_time(session, now, world):
    errors = refusal(session, world, now, station_ids=(world.stations["doi_thong"].id,),
                     due_at=datetime(2026, 11, 23, 7, tzinfo=HCM))
    assert errors["due_at"] == "Thời điểm 07:00 ngày 23/11/2026 đã qua; hãy chọn thời điểm ở tương lai."


def test_a_daily_slot_already_past_today_is_refused(session, now, world):
    errors = refusal(session, world, now, station_ids=(world.stations["doi_thong"].id,),
                     daily=(DailySlots(date(2026, 11, 23), date(2026, 11, 25), NORMAL_SLOTS),))
    assert "06:00 ngày 23/11/2026 đã qua" in errors["daily"]


def test_a_channel_time_in_the_past_is_refused_next_to_that_channel(session, now, world):
    portal = make_channel(session, ChannelKind.PORTAL)
    errors = refusal(session, world, now, channel_ids=(portal.id,), due_at=tomorrow_at(6),
                     channel_times=((portal.id, datetime(2026, 11, 22, 9, tzinfo=HCM)),))
    assert "đã qua" in errors[f"channel_due_at-{portal.id}"]


def test_a_range_ending_before_it_starts_is_refused(session, now, world):
    errors = refusal(session, world, now, station_ids=(world.stations["doi_thong"].id,),
                     daily=(DailySlots(date(2026, 11, 30), date(2026, 11, 24), NORMAL_SLOTS),))
    assert errors["daily"] == "Ngày kết thúc 24/11/2026 ở trước ngày bắt đầu 30/11/2026."


def test_a_plan_over_the_cap_is_refused_and_says_how_many_it_would_make(session, now, world):
    commune = make_area(session, parent=world.province, name="Phường Bờ Sông")
    for _ in range(120):
        make_station(session, commune)
    errors = refusal(session, world, now, area_ids=(world.province.id,),
                     daily=(DailySlots(date(2026, 11, 24), date(2026, 12, 23), PEAK_SLOTS),))
    assert errors["count"].startswith("Kế hoạch này sẽ tạo 11.070 lượt phát, vượt giới hạn 5.000 lượt")


def test_unknown_channels_stations_and_areas_are_named(session, now, world):
    errors = refusal(session, world, now, channel_ids=(9001,), station_ids=(9002,), area_ids=(9003,),
                     due_at=tomorrow_at(6))
    assert errors == {"channel_ids": "Không có kênh #9001.", "station_ids": "Không có đài #9002.",
                      "area_ids": "Không có địa bàn #9003."}


def test_a_station_no_longer_in_service_is_refused_by_name(session, now, world):
    errors = refusal(session, world, now, station_ids=(world.stations["suoi_bac_old"].id,), due_at=tomorrow_at(6))
    assert errors["station_ids"] == "Đài đã ngừng hoạt động: Đài cũ Suối Bạc."


def test_an_area_without_a_working_station_is_refused_by_name(session, now, world):
    empty = make_area(session, parent=world.province, name="Xã Lưng Chừng")
    errors = refusal(session, world, now, area_ids=(empty.id,), due_at=tomorrow_at(6))
    assert errors["area_ids"] == "Chưa có đài truyền thanh nào đang hoạt động ở: Xã Lưng Chừng."


@pytest.mark.parametrize("place", ["area", "station"])
def test_places_outside_the_officers_own_area_are_denied(session, now, world, place):
    request = ({"area_ids": (world.other_province.id,)} if place == "area"
               else {"station_ids": (world.stations["binh_nguyen"].id,)})
    with pytest.raises(PermissionDenied) as denied:
        plan(session, world, now, due_at=tomorrow_at(6), **request)
    assert denied.value.object_type == place
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_a_commune_officer_may_not_plan_for_the_whole_province(session, now, world):
    commune_message, commune_approver = approved(session, world.doi_thong, now, "Tuần tra đêm ở thôn Cây Gạo")
    with pytest.raises(PermissionDenied):
        plan_message(session, commune_message, PlanRequest(area_ids=(world.province.id,), due_at=tomorrow_at(6)),
                     actor=commune_approver, now=now, zone=HCM)


def test_a_channel_carries_messages_of_its_own_area_of_the_areas_inside_it_and_above_it(session, now, world):
    province_page = make_channel(session, ChannelKind.FACEBOOK, name="Trang Công an tỉnh Sơn Lâm", area=world.province)
    doi_thong_zalo = make_channel(session, ChannelKind.ZALO, name="Zalo xã Đồi Thông", area=world.doi_thong)
    make_channel(session, ChannelKind.FACEBOOK, name="Trang xã Suối Bạc", area=world.suoi_bac)
    national = make_channel(session, ChannelKind.FEED, name="RSS toàn quốc")
    make_channel(session, ChannelKind.TELEGRAM, name="Telegram tỉnh Bình Nguyên", area=world.other_province)
    commune_message, commune_approver = approved(session, world.doi_thong, now, "Tuần tra đêm ở thôn Cây Gạo")

    def names(message: Message, user: User) -> list[str]:
        return sorted(c.name for c in plannable_channels(session, user, message))

    # A province-wide warning may go on a commune's channel; a commune's news on the province's page.
    assert names(world.message, world.approver) == ["RSS toàn quốc", "Trang Công an tỉnh Sơn Lâm", "Trang xã Suối Bạc",
                                                    "Zalo xã Đồi Thông"]
    assert names(commune_message, commune_approver) == ["RSS toàn quốc", "Trang Công an tỉnh Sơn Lâm",
                                                        "Zalo xã Đồi Thông"]
    plan_message(session, commune_message, PlanRequest(
        channel_ids=(province_page.id, doi_thong_zalo.id, national.id), due_at=tomorrow_at(19)),
        actor=commune_approver, now=now, zone=HCM)
    assert session.scalar(select(func.count()).select_from(Delivery)) == 3


@pytest.mark.parametrize("channel_area", ["sibling commune", "other province"])
def test_a_channel_whose_area_does_not_overlap_the_messages_is_denied(session, now, world, channel_area):
    commune_message, commune_approver = approved(session, world.doi_thong, now, "Tuần tra đêm ở thôn Cây Gạo")
    area = world.suoi_bac if channel_area == "sibling commune" else world.other_province
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh của nơi khác", area=area)
    with pytest.raises(PermissionDenied) as denied:
        plan_message(session, commune_message, PlanRequest(channel_ids=(channel.id,), due_at=tomorrow_at(6)),
                     actor=commune_approver, now=now, zone=HCM)
    assert (denied.value.object_type, denied.value.object_id) == ("channel", channel.id)
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_an_analyst_may_not_plan_at_all(session, now, world):
    analyst = make_user(session, role=Role.ANALYST, area=world.province)
    with pytest.raises(PermissionDenied):
        plan_message(session, world.message, PlanRequest(area_ids=(world.province.id,), due_at=tomorrow_at(6)),
                     actor=analyst, now=now, zone=HCM)


def test_a_draft_cannot_be_planned(session, now, world):
    editor = make_user(session, role=Role.EDITOR, area=world.province)
    draft = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title="Bản nháp",
                                                         body_md="Chưa duyệt.", area_id=world.province.id), now=now)
    with pytest.raises(InvalidTransition):
        plan_message(session, draft, PlanRequest(area_ids=(world.province.id,), due_at=tomorrow_at(6)),
                     actor=world.approver, now=now, zone=HCM)
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0
