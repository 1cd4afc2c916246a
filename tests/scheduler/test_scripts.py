"""Daily scripts: items land in the right slot of the right local day, the urgent first, timed against the slot."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import event, select

from campaigns.models import Delivery
from campaigns.planning import PlanRequest, plan_deliveries, plan_message
from content.models import Priority
from content.spoken import estimate_seconds
from scheduler.radio_scripts.building import PAUSE_SECONDS, build_daily_script, build_scripts
from scheduler.radio_scripts.formats import render_script_text
from tests.factories import make_area, make_channel, make_station
from tests.radio_scenarios import approved_notice, on_air

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)
DAY = date(2026, 11, 24)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def titles(slot) -> list[str]:
    return [item.title for item in slot.items]


def commune_station(session, province=None, **overrides):
    return make_station(session, make_area(session, parent=province or make_area(session)), **overrides)


def test_items_go_to_the_next_slot_of_their_local_day_emergencies_first(session):
    station = commune_station(session)
    on_air(session, station, "Tin thường buổi sáng", local(24, 6))
    on_air(session, station, "Tin khẩn", local(24, 6), priority=Priority.EMERGENCY)
    on_air(session, station, "Tin chiều", local(24, 9, 30))
    on_air(session, station, "Tin ngày khác", local(25, 6))
    # 23:30 UTC on the 23rd is 06:30 on the 24th in Hà Nội: it belongs to the 24th.
    on_air(session, station, "Tin ưu tiên", datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc),
           priority=Priority.PRIORITY)
    morning, evening = build_daily_script(session, station, DAY, zone=ZONE).slots
    assert morning.starts_at == time(6) and titles(morning) == ["Tin khẩn", "Tin thường buổi sáng"]
    assert titles(evening) == ["Tin ưu tiên", "Tin chiều"]


def test_within_a_slot_items_run_emergency_priority_normal_then_by_due_time(session):
    station = commune_station(session, slots=((time(6), 15), (time(11), 15), (time(17), 15)))
    on_air(session, station, "Thường 10 giờ", local(24, 10))
    on_air(session, station, "Ưu tiên 10 giờ", local(24, 10), priority=Priority.PRIORITY)
    on_air(session, station, "Thường 8 giờ", local(24, 8))
    on_air(session, station, "Khẩn 10 giờ 30", local(24, 10, 30), priority=Priority.EMERGENCY)
    on_air(session, station, "Ưu tiên 7 giờ", local(24, 7), priority=Priority.PRIORITY)
    on_air(session, station, "Thường chiều", local(24, 15))
    morning, midday, evening = build_daily_script(session, station, DAY, zone=ZONE).slots
    assert titles(morning) == []
    assert titles(midday) == ["Khẩn 10 giờ 30", "Ưu tiên 7 giờ", "Ưu tiên 10 giờ", "Thường 8 giờ", "Thường 10 giờ"]
    assert titles(evening) == ["Thường chiều"]
    text = render_script_text(build_daily_script(session, station, DAY, zone=ZONE))
    assert "1. [KHẨN CẤP] Khẩn 10 giờ 30" in text and "2. [ƯU TIÊN] Ưu tiên 7 giờ" in text
    assert "5. Thường 10 giờ" in text


def test_late_items_go_to_the_last_slot_and_early_ones_to_the_first(session):
    station = commune_station(session)
    on_air(session, station, "Tin lúc 21 giờ", local(24, 21))
    on_air(session, station, "Tin lúc 4 giờ", local(24, 4))
    morning, evening = build_daily_script(session, station, DAY, zone=ZONE).slots
    assert titles(morning) == ["Tin lúc 4 giờ"]
    assert titles(evening) == ["Tin lúc 21 giờ"]


def test_each_slot_opens_and_closes_in_words_and_counts_them_with_the_pauses(session):
    station = commune_station(session, name="Đài truyền thanh xã Suối Mây")
    on_air(session, station, "Tin một", local(24, 6), words=40)
    on_air(session, station, "Tin hai", local(24, 6), words=60)
    morning, evening = build_daily_script(session, station, DAY, zone=ZONE).slots
    assert morning.opening == (
        "Đài truyền thanh xã Suối Mây xin kính chào bà con. Sau đây là chương trình phát thanh lúc sáu giờ sáng, "
        "thứ Ba, ngày hai mươi tư tháng mười một năm hai nghìn không trăm hai mươi sáu.")
    assert morning.closing == "Chương trình phát thanh đến đây là kết thúc. Xin cảm ơn bà con đã lắng nghe."
    assert morning.opening_seconds == estimate_seconds(morning.opening)
    assert morning.pauses == 3
    first, second = morning.items
    assert first.seconds == estimate_seconds(first.text) and second.seconds == estimate_seconds(second.text)
    assert morning.total_seconds == (morning.opening_seconds + first.seconds + second.seconds
                                     + morning.closing_seconds + 3 * PAUSE_SECONDS)
    assert not morning.is_over
    # Nothing to read: no greeting into silence, and nothing counted.
    assert evening.items == () and evening.opening == "" and evening.total_seconds == 0


def test_a_slot_whose_items_run_longer_than_it_is_flagged(session):
    station = commune_station(session, slots=((time(6), 1),))
    on_air(session, station, "Tin dài", local(24, 6), words=400)
    script = build_daily_script(session, station, DAY, zone=ZONE)
    [slot] = script.slots
    assert slot.total_seconds > 60 and slot.is_over
    assert slot.over_by_seconds == slot.total_seconds - 60
    assert "VƯỢT THỜI LƯỢNG" in render_script_text(script)


def test_a_slot_just_within_its_length_is_not_flagged(session):
    station = commune_station(session, slots=((time(6), 5),))
    on_air(session, station, "Tin vừa đủ", local(24, 6), words=300)
    [slot] = build_daily_script(session, station, DAY, zone=ZONE).slots
    assert slot.total_seconds <= 300 and not slot.is_over
    assert "VƯỢT" not in render_script_text(build_daily_script(session, station, DAY, zone=ZONE))


def test_read_time_follows_the_pace_in_syllables_per_minute():
    assert estimate_seconds(" ".join(["loa"] * 190)) == 60
    assert estimate_seconds(" ".join(["loa"] * 95), pace=95) == 60


def test_a_station_without_slots_reads_one_list_for_the_day(session):
    station = commune_station(session, slots=())
    on_air(session, station, "Tin trong ngày", local(24, 9))
    [day] = build_daily_script(session, station, DAY, zone=ZONE).slots
    assert day.starts_at is None and titles(day) == ["Tin trong ngày"] and not day.is_over
    assert day.opening.endswith("chương trình phát thanh thứ Ba, ngày hai mươi tư tháng mười một năm hai nghìn "
                                "không trăm hai mươi sáu.")


# --- emergencies --------------------------------------------------------------------------------------------

def emergency_world(session):
    province = make_area(session, name="Tỉnh Sông Lam")
    first = commune_station(session, province, name="Đài xã Bãi Sậy")
    second = commune_station(session, province, name="Đài xã Đồng Cói", slots=((time(5, 30), 15), (time(11), 10)))
    asleep = commune_station(session, province, name="Đài xã Lặng Gió", is_active=False)
    elsewhere = commune_station(session, name="Đài xã Ngoài Tỉnh")
    return province, first, second, asleep, elsewhere


def plan_emergency(session, province, due: datetime, **destinations):
    notice, approver = approved_notice(session, province, "Thông báo khẩn: tìm trẻ đi lạc", priority=Priority.EMERGENCY)
    plan_deliveries(session, notice, actor=approver, due_at=due, now=NOW, zone=ZONE, **destinations)
    return notice


def deliveries_of(session, notice) -> list[tuple[int, datetime]]:
    return sorted(session.execute(select(Delivery.station_id, Delivery.due_at)
                                  .where(Delivery.message_id == notice.id, Delivery.station_id.is_not(None))).all())


def test_an_emergency_goes_to_the_top_of_the_next_slot_of_every_station_in_its_area_and_only_there(session):
    province, first, second, asleep, elsewhere = emergency_world(session)
    on_air(session, first, "Tin thường buổi chiều", local(24, 17))
    on_air(session, first, "Tin ưu tiên buổi chiều", local(24, 16), priority=Priority.PRIORITY)
    # Planned for the portal at 09:00 only: the loudspeakers get it anyway, at each one's next slot.
    notice = plan_emergency(session, province, local(24, 9), channels=[make_channel(session)])
    assert deliveries_of(session, notice) == [(first.id, local(24, 17)), (second.id, local(24, 11))]

    _, evening = build_daily_script(session, first, DAY, zone=ZONE).slots
    assert titles(evening) == ["Thông báo khẩn: tìm trẻ đi lạc", "Tin ưu tiên buổi chiều", "Tin thường buổi chiều"]
    assert evening.items[0].is_emergency and evening.has_emergency
    _, midday = build_daily_script(session, second, DAY, zone=ZONE).slots
    assert titles(midday) == ["Thông báo khẩn: tìm trẻ đi lạc"]
    for station in (asleep, elsewhere):
        assert build_daily_script(session, station, DAY, zone=ZONE).item_count == 0


def test_an_emergency_after_the_last_slot_opens_tomorrows_first(session):
    province, first, second, *_ = emergency_world(session)
    notice = plan_emergency(session, province, local(24, 18), channels=[make_channel(session)])
    assert deliveries_of(session, notice) == [(first.id, local(25, 6)), (second.id, local(25, 5, 30))]
    assert build_daily_script(session, first, DAY, zone=ZONE).item_count == 0
    morning, _ = build_daily_script(session, first, date(2026, 11, 25), zone=ZONE).slots
    assert morning.has_emergency


def test_an_emergency_already_planned_for_a_station_by_its_next_slot_is_not_added_twice(session):
    province, first, second, *_ = emergency_world(session)
    notice = plan_emergency(session, province, local(24, 9), stations=[first])
    # The 09:00 row lands in the 17:00 slot already; the other station still gets its own.
    assert deliveries_of(session, notice) == [(first.id, local(24, 9)), (second.id, local(24, 11))]
    _, evening = build_daily_script(session, first, DAY, zone=ZONE).slots
    assert titles(evening) == ["Thông báo khẩn: tìm trẻ đi lạc"]


def test_an_emergency_planned_for_its_whole_area_adds_nothing_more(session):
    province, first, second, *_ = emergency_world(session)
    notice, approver = approved_notice(session, province, "Cảnh báo cháy rừng", priority=Priority.EMERGENCY)
    summary = plan_message(session, notice, PlanRequest(area_ids=(province.id,), due_at=local(24, 6)),
                           actor=approver, now=NOW, zone=ZONE)
    # Bãi Sậy reads it at 06:00; Đồng Cói's 06:00 row falls in its 11:00 slot, the next one anyway.
    assert summary.count == 2
    assert deliveries_of(session, notice) == [(first.id, local(24, 6)), (second.id, local(24, 6))]


def test_a_normal_message_is_not_fanned_out(session):
    province, first, second, *_ = emergency_world(session)
    message, approver = approved_notice(session, province, "Tin thường của tỉnh")
    plan_deliveries(session, message, actor=approver, due_at=local(24, 9), now=NOW, zone=ZONE,
                    channels=[make_channel(session)])
    assert deliveries_of(session, message) == []


# --- many stations at once ----------------------------------------------------------------------------------

def count_queries(session):
    statements: list[str] = []
    engine = session.get_bind()

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    return statements, lambda: event.remove(engine, "before_cursor_execute", record)


def test_scripts_for_many_stations_and_days_cost_the_same_few_queries(session):
    province = make_area(session)
    stations = [commune_station(session, province) for _ in range(12)]
    for n, station in enumerate(stations):
        on_air(session, station, f"Tin của đài {n}", local(24, 6 + n))
        on_air(session, station, f"Tin ngày sau {n}", local(25, 17))
    session.flush()
    # Once per session the spoken form reads its dictionary; counted here, it would blur what is measured.
    build_scripts(session, stations[:1], [DAY], zone=ZONE)
    statements, stop = count_queries(session)
    try:
        scripts = build_scripts(session, stations[:3], [DAY], zone=ZONE)
        few = len(statements)
        statements.clear()
        scripts = build_scripts(session, stations, [DAY, date(2026, 11, 25)], zone=ZONE)
    finally:
        stop()
    # Deliveries, daily slots, weekly programmes and the places' own wordings (campaigns.local_wordings):
    # one query each, whatever the number of stations.
    assert len(statements) == few <= 4
    assert len(scripts) == 24
    assert all(scripts[s.id, DAY].item_count == 1 and scripts[s.id, date(2026, 11, 25)].item_count == 1
               for s in stations)
