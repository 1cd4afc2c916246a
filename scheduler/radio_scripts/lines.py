"""The words a presenter says around a slot's items: the opening and the closing, written as they are read.

Times and dates are spelled out here rather than left as digits because the operator reads the page
aloud; "06:00 24/11/2026" on paper makes every operator improvise its reading differently. The numbers
themselves are read by content.spoken, the same reader as the messages' own text.
"""

from __future__ import annotations

from datetime import date, time

from content.spoken.numbers import integer_words, month_words

_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
CLOSING = "Chương trình phát thanh đến đây là kết thúc. Xin cảm ơn bà con đã lắng nghe."


def say_clock(at: time) -> str:
    """06:00 → "sáu giờ sáng", 17:30 → "năm giờ ba mươi phút chiều": the twelve-hour form villagers use."""
    hour = at.hour % 12 or 12
    if at.hour < 1 or at.hour >= 22:
        part = "đêm"
    elif at.hour < 11:
        part = "sáng"
    elif at.hour < 13:
        part = "trưa"
    elif at.hour < 18:
        part = "chiều"
    else:
        part = "tối"
    minutes = f" {integer_words(at.minute)} phút" if at.minute else ""
    return f"{integer_words(hour)} giờ{minutes} {part}"


def say_date(day: date) -> str:
    """24/11/2026 → "thứ Ba, ngày hai mươi tư tháng mười một năm hai nghìn không trăm hai mươi sáu"."""
    # The first ten days of a month are said with "mồng"; month_words says April as "tư", never "bốn".
    day_words = f"mồng {integer_words(day.day)}" if day.day <= 10 else integer_words(day.day)
    return f"{_WEEKDAYS[day.weekday()]}, ngày {day_words} tháng {month_words(day.month)} năm {integer_words(day.year)}"


def opening_line(station_name: str, day: date, starts_at: time | None) -> str:
    when = f"lúc {say_clock(starts_at)}, {say_date(day)}" if starts_at else say_date(day)
    return f"{station_name} xin kính chào bà con. Sau đây là chương trình phát thanh {when}."
