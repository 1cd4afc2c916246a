"""The opening line is read aloud, so its times and dates are words, said the way a presenter says them."""

from __future__ import annotations

from datetime import date, time

import pytest

from content.spoken.numbers import integer_words
from scheduler.radio_scripts.lines import opening_line, say_clock, say_date


@pytest.mark.parametrize(("number", "words"), [
    (0, "không"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"),
    (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (31, "ba mươi mốt"),
    (100, "một trăm"), (105, "một trăm linh năm"), (115, "một trăm mười lăm"), (1000, "một nghìn"),
    (2005, "hai nghìn không trăm linh năm"), (2026, "hai nghìn không trăm hai mươi sáu"),
    (2100, "hai nghìn một trăm"),
])
def test_the_numbers_a_script_says_have_their_vietnamese_forms(number, words):
    # The script's times and dates use content.spoken's number reader, the one the messages' text uses.
    assert integer_words(number) == words


@pytest.mark.parametrize(("at", "words"), [
    (time(6), "sáu giờ sáng"), (time(6, 30), "sáu giờ ba mươi phút sáng"), (time(11), "mười một giờ trưa"),
    (time(12), "mười hai giờ trưa"), (time(17), "năm giờ chiều"), (time(19, 15), "bảy giờ mười lăm phút tối"),
    (time(0), "mười hai giờ đêm"), (time(22, 45), "mười giờ bốn mươi lăm phút đêm"),
])
def test_clock_times_are_said_in_the_twelve_hour_form_with_the_part_of_day(at, words):
    assert say_clock(at) == words


def test_dates_are_said_with_weekday_mong_for_early_days_and_thang_tu_for_april():
    assert say_date(date(2026, 4, 5)) == "Chủ nhật, ngày mồng năm tháng tư năm hai nghìn không trăm hai mươi sáu"
    assert say_date(date(2026, 11, 24)) == ("thứ Ba, ngày hai mươi tư tháng mười một năm hai nghìn không trăm "
                                            "hai mươi sáu")


def test_the_opening_names_the_station_the_time_and_the_day_without_a_digit():
    line = opening_line("Đài truyền thanh xã Hòa Bình", date(2026, 12, 1), time(17))
    assert line.startswith("Đài truyền thanh xã Hòa Bình xin kính chào bà con.")
    assert "lúc năm giờ chiều, thứ Ba, ngày mồng một tháng mười hai" in line
    assert not any(ch.isdigit() for ch in line)
