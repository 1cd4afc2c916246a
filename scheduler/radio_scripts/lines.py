"""The words a presenter says around a slot's items: the opening and the closing, written as they are read.

Times and dates are spelled out here rather than left as digits because the operator reads the page
aloud; "06:00 24/11/2026" on paper makes every operator improvise its reading differently.
"""

from __future__ import annotations

from datetime import date, time

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
CLOSING = "Chương trình phát thanh đến đây là kết thúc. Xin cảm ơn bà con đã lắng nghe."


def _tens(n: int) -> str:
    """0–99 with the spoken forms: mười lăm, hai mươi mốt, hai mươi tư, ba mươi lăm."""
    if n < 10:
        return _DIGITS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_DIGITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1 and tens > 1:
        return f"{head} mốt"
    if unit == 4 and tens > 1:
        return f"{head} tư"
    if unit == 5:
        return f"{head} lăm"
    return f"{head} {_DIGITS[unit]}"


def _hundreds(n: int, *, inner: bool) -> str:
    """0–999; `inner` when thousands come before it, so 2026 says "không trăm hai mươi sáu"."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not inner:
        return _tens(rest)
    words = [f"{_DIGITS[hundreds]} trăm"]
    if 0 < rest < 10:
        words.append(f"linh {_DIGITS[rest]}")
    elif rest:
        words.append(_tens(rest))
    return " ".join(words)


def say_number(n: int) -> str:
    """A whole number from 0 to 999,999 in words, as a Vietnamese presenter reads it."""
    if not 0 <= n < 1_000_000:
        raise ValueError(f"{n} is outside what a script needs to say")
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _hundreds(rest, inner=False)
    head = f"{_hundreds(thousands, inner=False)} nghìn"
    return head if rest == 0 else f"{head} {_hundreds(rest, inner=True)}"


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
    minutes = f" {say_number(at.minute)} phút" if at.minute else ""
    return f"{say_number(hour)} giờ{minutes} {part}"


def say_date(day: date) -> str:
    """24/11/2026 → "thứ Ba, ngày hai mươi tư tháng mười một năm hai nghìn không trăm hai mươi sáu"."""
    # The first ten days of a month are said with "mồng"; April is "tháng tư", never "tháng bốn".
    day_words = f"mồng {say_number(day.day)}" if day.day <= 10 else say_number(day.day)
    month_words = "tư" if day.month == 4 else say_number(day.month)
    return f"{_WEEKDAYS[day.weekday()]}, ngày {day_words} tháng {month_words} năm {say_number(day.year)}"


def opening_line(station_name: str, day: date, starts_at: time | None) -> str:
    when = f"lúc {say_clock(starts_at)}, {say_date(day)}" if starts_at else say_date(day)
    return f"{station_name} xin kính chào bà con. Sau đây là chương trình phát thanh {when}."
