"""Weekly programmes in the daily script, its text, JSON and audio: framed by their name, daily slots untouched."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from campaigns.programme_planning import ProgrammePlanRequest, plan_into_programmes
from campaigns.programme_setup import ProgrammeInput, create_programme, update_programme
from content.models import Role
from scheduler.audio.production import Pause
from scheduler.audio.programme import script_programme, slot_programme
from scheduler.radio_scripts.building import build_daily_script, build_week
from scheduler.radio_scripts.formats import render_script_text, script_document
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import PLANNED_AT, ZONE, approved_notice, on_air

THURSDAY = date(2026, 11, 26)


def station_with_column(session, **overrides):  # type: ignore[no-untyped-def]
    """A commune station (06:00 and 17:00 daily) with "Chung tay phòng chống tội phạm", Thursdays 19:00."""
    commune = make_area(session, parent=make_area(session, name="Tỉnh Đông Hà"), name="Xã Làng Chài")
    station = make_station(session, commune, name="Đài truyền thanh xã Làng Chài")
    admin = make_user(session, role=Role.ADMIN, area=commune)
    fields = {"name": "Chung tay phòng chống tội phạm", "weekdays": ("4",), "starts_at": "19:00", "minutes": "20",
              "opening": "Mời bà con cùng nghe chuyên mục của Công an xã.",
              "closing": "Tin báo tội phạm xin gọi 113.", **overrides}
    programme = create_programme(session, admin, station, ProgrammeInput(**fields), now=PLANNED_AT)
    return station, programme, admin


def into(session, station, programme, title: str, first_day: date, weeks: int = 1):  # type: ignore[no-untyped-def]
    message, approver = approved_notice(session, station.area, title)
    plan_into_programmes(session, message, ProgrammePlanRequest((programme.id,), first_day, weeks=weeks),
                         actor=approver, now=PLANNED_AT, zone=ZONE)
    return message


def test_a_thursday_has_the_programme_after_the_daily_slots_with_its_items_inside(session):
    station, programme, _ = station_with_column(session)
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    on_air(session, station, "Lịch tiêm phòng dại", datetime(2026, 11, 26, 17, 0, tzinfo=ZONE))
    morning, evening, column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots
    assert (morning.starts_at, evening.starts_at, column.starts_at) == (time(6), time(17), time(19))
    assert [i.title for i in evening.items] == ["Lịch tiêm phòng dại"] and evening.programme_id is None
    assert [i.title for i in column.items] == ["Thủ đoạn trộm chó bằng bả độc"]
    assert (column.programme_id, column.programme_name, column.minutes) == (programme.id, programme.name, 20)


def test_the_programme_opens_with_its_name_and_words_and_closes_with_its_words_and_name(session):
    station, programme, _ = station_with_column(session)
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots[-1]
    assert column.opening == (
        "Đài truyền thanh xã Làng Chài xin kính chào bà con. Sau đây là chuyên mục Chung tay phòng chống tội phạm, "
        "lúc bảy giờ tối, thứ Năm, ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi sáu. "
        "Mời bà con cùng nghe chuyên mục của Công an xã.")
    # The typed words are read by the spoken form: 113 is said digit by digit, as an emergency number is.
    assert column.closing.startswith("Tin báo tội phạm xin gọi ") and "113" not in column.closing
    assert column.closing.endswith("Chuyên mục Chung tay phòng chống tội phạm đến đây là kết thúc. "
                                   "Xin cảm ơn bà con đã lắng nghe.")
    assert column.total_seconds > column.items_seconds + column.opening_seconds


def test_other_days_have_no_programme_and_the_daily_slots_as_before(session):
    station, _programme, _ = station_with_column(session)
    on_air(session, station, "Tin tối thứ Tư", datetime(2026, 11, 25, 19, 0, tzinfo=ZONE))
    slots = build_daily_script(session, station, date(2026, 11, 25), zone=ZONE).slots
    assert [s.starts_at for s in slots] == [time(6), time(17)]
    # A daily item due at 19:00 still goes to the day's last slot, not into a programme.
    assert [i.title for i in slots[1].items] == ["Tin tối thứ Tư"]


def test_a_thursday_item_not_planned_into_the_programme_stays_in_the_daily_slots(session):
    station, _programme, _ = station_with_column(session)
    on_air(session, station, "Tin lúc 19 giờ thứ Năm", datetime(2026, 11, 26, 19, 0, tzinfo=ZONE))
    morning, evening, column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots
    assert [i.title for i in evening.items] == ["Tin lúc 19 giờ thứ Năm"] and column.items == ()


def test_on_national_day_a_programme_that_rests_on_holidays_is_not_in_the_script(session):
    station, _programme, _ = station_with_column(session)
    holiday = build_daily_script(session, station, date(2027, 9, 2), zone=ZONE)
    assert [s.programme_id for s in holiday.slots] == [None, None]
    week = build_week(session, station, date(2027, 8, 30), zone=ZONE)
    assert [bool(s.programme_id) for day in week for s in day.slots].count(True) == 0
    following = build_daily_script(session, station, date(2027, 9, 9), zone=ZONE)
    assert [s.programme_id is not None for s in following.slots] == [False, False, True]


def test_items_planned_before_the_programme_moved_or_retired_are_still_read_in_its_frame(session):
    station, programme, admin = station_with_column(session)
    into(session, station, programme, "Phòng chống đuối nước", THURSDAY)
    update_programme(session, admin, programme, ProgrammeInput(
        name="Chung tay vì bình yên", weekdays=("5",), starts_at="20:00", minutes="15", is_active=False),
        now=PLANNED_AT)
    column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots[-1]
    assert [i.title for i in column.items] == ["Phòng chống đuối nước"]
    assert column.programme_name == "Chung tay vì bình yên" and column.starts_at == time(20)
    # Retired: no longer on air on its new weekday when nothing is planned into it.
    friday = build_daily_script(session, station, date(2026, 11, 27), zone=ZONE)
    assert all(s.programme_id is None for s in friday.slots)


def test_the_text_and_json_name_the_programme(session):
    station, programme, _ = station_with_column(session)
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    script = build_daily_script(session, station, THURSDAY, zone=ZONE)
    text = render_script_text(script)
    assert "Chuyên mục “Chung tay phòng chống tội phạm” — 19:00 (20 phút)" in text
    assert text.index("Sau đây là chuyên mục Chung tay") < text.index("1. Thủ đoạn trộm chó")
    document = script_document(script)
    slots = document["slots"]
    assert [s["programme"] for s in slots[:2]] == [None, None]
    assert slots[2]["programme"] == {"id": programme.id, "name": "Chung tay phòng chống tội phạm"}
    assert slots[2]["starts_at_utc"] == datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc).isoformat().replace(
        "+00:00", "Z")


def test_the_audio_reads_the_opening_first_and_the_closing_last(session):
    station, programme, _ = station_with_column(session)
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots[-1]
    parts = slot_programme(column)
    spoken = [p for p in parts if not isinstance(p, Pause)]
    assert spoken[0] == column.opening and "Chung tay phòng chống tội phạm" in spoken[0]
    assert spoken[-1] == column.closing and spoken[1] == column.items[0].text


def test_a_name_that_already_says_chuyen_muc_is_not_said_twice_and_its_abbreviations_are_read(session):
    station, programme, _ = station_with_column(session, name="Chuyên mục ANTT")
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots[-1]
    assert "Sau đây là chuyên mục an ninh trật tự, lúc bảy giờ tối" in column.opening
    assert "Chuyên mục an ninh trật tự đến đây là kết thúc." in column.closing
    assert "chuyên mục chuyên mục" not in (column.opening + column.closing).lower()


def test_markup_and_links_in_the_typed_words_are_not_read_and_each_paragraph_ends_a_sentence(session):
    station, programme, _ = station_with_column(
        session, opening="<script>alert(1)</script>Mời bà con **cùng nghe**\n\n- Phần một\n- Phần hai",
        closing="Xem thêm tại https://congan.example.vn/tin-bao")
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    column = build_daily_script(session, station, THURSDAY, zone=ZONE).slots[-1]
    assert column.opening.endswith("năm hai nghìn không trăm hai mươi sáu. Mời bà con cùng nghe. Phần một. Phần hai.")
    for said in (column.opening, column.closing):
        assert not any(mark in said for mark in ("<", "*", "alert", "http", "example"))


def test_the_whole_days_audio_reads_the_programme_after_the_daily_slots_framed_by_its_words(session):
    station, programme, _ = station_with_column(session)
    into(session, station, programme, "Thủ đoạn trộm chó bằng bả độc", THURSDAY)
    on_air(session, station, "Lịch tiêm phòng dại", datetime(2026, 11, 26, 6, 0, tzinfo=ZONE))
    script = build_daily_script(session, station, THURSDAY, zone=ZONE)
    spoken = [p for p in script_programme(script) if not isinstance(p, Pause)]
    morning, _, column = script.slots
    assert spoken == [morning.opening, morning.items[0].text, morning.closing,
                      column.opening, column.items[0].text, column.closing]
