"""Dates, times and weekdays with the words a listener expects: "ngày … tháng … năm …", "… giờ … phút".

"ngày", "tháng" and "từ" already written before a date are kept as written and never said twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from content.spoken.numbers import integer_words, month_words, roman_value, text_before
from content.spoken.tables import DATE_CUES, DATE_NAME_CUES

_START = r"(?<![\w.,/])"
_END = r"(?![\w/]|[.,]\d)"
_DASH = r"\s?[–—-]\s?"
_FROM = r"(?P<from>(?i:từ)\s+)?"
_DAY_WORD = r"(?P<day_word>(?i:ngày)\s+)?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"\d{4}"

_DAY_RANGE = re.compile(
    rf"{_START}{_FROM}{_DAY_WORD}(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})/(?P<m>{_MONTH})(?:/(?P<y>{_YEAR}))?{_END}")
_DATE_RANGE = re.compile(
    rf"{_START}{_FROM}{_DAY_WORD}(?P<d1>{_DAY})/(?P<m1>{_MONTH})(?:/(?P<y1>{_YEAR}))?{_DASH}(?:(?i:ngày)\s+)?"
    rf"(?P<d2>{_DAY})/(?P<m2>{_MONTH})(?:/(?P<y2>{_YEAR}))?{_END}")
_DATE = re.compile(rf"{_START}{_DAY_WORD}(?P<d>{_DAY})(?P<sep>[/.-])(?P<m>{_MONTH})(?P=sep)(?P<y>{_YEAR}){_END}")
_MONTH_YEAR = re.compile(rf"{_START}(?P<month_word>(?i:tháng)\s+)?(?P<m>{_MONTH})/(?P<y>{_YEAR}){_END}")
_DAY_MONTH = re.compile(rf"{_START}{_DAY_WORD}(?P<d>{_DAY})/(?P<m>{_MONTH}){_END}")
# "30/4 và 1/5", "2/9, 3/9", "từ ngày 30/4 đến ngày 1/5": a list is all dates once one of it is surely a date.
_ITEM = rf"(?:(?i:ngày)\s+)?{_DAY}/{_MONTH}(?:/{_YEAR})?"
_LIST_SEPARATOR = r"\s*,\s*|\s+(?:và|hoặc|đến|tới)\s+"
_DATE_LIST = re.compile(rf"{_START}{_ITEM}(?:(?:{_LIST_SEPARATOR}){_ITEM}(?![\w/]|[.,]\d))+{_END}")
_LIST_ITEM = re.compile(rf"(?P<sep>{_LIST_SEPARATOR})?{_DAY_WORD}(?P<d>{_DAY})/(?P<m>{_MONTH})(?!\d)(?:/(?P<y>{_YEAR}))?")
# "ngày 2 và 3/9": days that share their month.
_DAY_LIST = re.compile(rf"(?<!\w)(?P<day_word>(?i:ngày)\s+)(?P<days>{_DAY}(?!\d)(?:(?:{_LIST_SEPARATOR}){_DAY}(?!\d))+)"
                       rf"/(?P<m>{_MONTH})(?:/(?P<y>{_YEAR}))?{_END}")


@lru_cache(maxsize=32)
def _period_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<word>(?i:{alternation}))\s+(?P<n>[IVX]{{1,4}}|\d{{1,2}})\s?[/-]\s?(?P<y>{_YEAR})(?!\d)")


_DATE_CUE = re.compile(rf"(?<!\w)(?i:{'|'.join(map(re.escape, sorted(DATE_CUES, key=len, reverse=True)))})\s+$")
_DATE_NAME_CUE = re.compile(rf"(?<!\w)(?i:{'|'.join(map(re.escape, sorted(DATE_NAME_CUES, key=len, reverse=True)))})\s+$")
_LIST_DAY = re.compile(rf"(?P<sep>{_LIST_SEPARATOR})?(?P<d>{_DAY})(?!\d)")

_HOUR = r"(?:[01]?\d|2[0-4])"
# Times become a marker first, so a range of any two written forms ("7h–9h30", "7:00 - 9 giờ") is one rule.
# The marker holds no colon, "h" or "giờ", so no later form can match inside it.
_MARK_OPEN, _MARK_SPLIT, _MARK_CLOSE = "\ue000", "\ue002", "\ue001"
_TIME_FORMS = (
    re.compile(rf"{_START}(?P<h>{_HOUR})\s?[hH](?:\s?(?P<m>[0-5]?\d)(?!\d)(?:\s?(?:phút|p|')(?!\w))?)?(?!\w)"),
    re.compile(rf"{_START}(?P<h>{_HOUR}):(?P<m>[0-5]\d)(?![\w:]|[.,]\d)"),
    re.compile(rf"{_START}(?P<h>{_HOUR})\s+giờ(?:\s+(?P<m>[0-5]?\d)(?!\d)(?:\s+phút)?)?(?!\w)"),
)
_BARE_HOUR_BEFORE_TIME = re.compile(rf"{_START}(?P<h>{_HOUR})(?={_DASH}{_MARK_OPEN})")
_MARKED = rf"{_MARK_OPEN}(\d+){_MARK_SPLIT}(\d+){_MARK_CLOSE}"
_TIME_RANGE = re.compile(rf"{_FROM}(?P<a>{_MARKED}){_DASH}(?P<b>{_MARKED})")

_WEEKDAY_WORDS = r"[Tt]hứ (?:hai|ba|tư|năm|sáu|bảy)|[Cc]hủ nhật"
_WEEKDAY_RANGE = re.compile(rf"{_FROM}(?P<a>{_WEEKDAY_WORDS}){_DASH}(?P<b>{_WEEKDAY_WORDS})(?!\w)")


def _date_words(day: str, month: str, year: str | None, *, day_word: str | None) -> str:
    """:param day_word: "ngày" as written before the date; None says "ngày ", "" says nothing."""
    words = f"{'ngày ' if day_word is None else day_word}{integer_words(int(day))} tháng {month_words(int(month))}"
    return f"{words} năm {integer_words(int(year))}" if year else words


def _from(match: re.Match[str]) -> str:
    return match.group("from") or "từ "


def _is_surely_date(item: re.Match[str]) -> bool:
    return bool(item["day_word"] or item["y"] or len(item["d"]) == 2 or len(item["m"]) == 2)


def _date_list(match: re.Match[str]) -> str:
    items = list(_LIST_ITEM.finditer(match.group(0)))
    if not any(_is_surely_date(item) for item in items):
        return match.group(0)  # "1/2 và 3/4" are shares
    said = []
    for item in items:
        separator = item["sep"] or ""
        # A span says "ngày" again at its end; a list says it once, before its first date.
        is_list = separator and separator.strip() not in ("đến", "tới")
        day_word = item["day_word"] or ("" if is_list else None)
        said.append(separator + _date_words(item["d"], item["m"], item["y"], day_word=day_word))
    return "".join(said)


def _day_list(match: re.Match[str]) -> str:
    days = "".join((day["sep"] or "") + integer_words(int(day["d"])) for day in _LIST_DAY.finditer(match["days"]))
    words = f"{match['day_word']}{days} tháng {month_words(int(match['m']))}"
    return f"{words} năm {integer_words(int(match['y']))}" if match["y"] else words


def read_periods(text: str, words: tuple[str, ...]) -> str:
    """"Quý I/2025" → "Quý một năm hai nghìn không trăm hai mươi lăm": a period and its year, never "trên"."""
    def replace(match: re.Match[str]) -> str:
        n = match["n"]
        value = int(n) if n.isdigit() else roman_value(n)
        if not value:
            return match.group(0)
        return f"{match['word']} {integer_words(value)} năm {integer_words(int(match['y']))}"
    return _period_pattern(words).sub(replace, text)


def read_dates(text: str) -> str:
    text = _DAY_LIST.sub(_day_list, text)
    text = _DATE_LIST.sub(_date_list, text)
    # "20–22/11": the month is said once, after the second day.
    text = _DAY_RANGE.sub(lambda m: f"{_from(m)}{m['day_word'] or 'ngày '}{integer_words(int(m['d1']))} đến "
                          + _date_words(m["d2"], m["m"], m["y"], day_word=None), text)
    text = _DATE_RANGE.sub(lambda m: _from(m) + _date_words(m["d1"], m["m1"], m["y1"], day_word=m["day_word"] or None)
                           + " đến " + _date_words(m["d2"], m["m2"], m["y2"], day_word=None), text)
    text = _DATE.sub(lambda m: _date_words(m["d"], m["m"], m["y"], day_word=m["day_word"] or None), text)
    text = _MONTH_YEAR.sub(lambda m: f"{m['month_word'] or 'tháng '}{month_words(int(m['m']))} năm "
                                     f"{integer_words(int(m['y']))}", text)
    return _DAY_MONTH.sub(_day_month, text)


def _day_month(match: re.Match[str]) -> str:
    """"20/11" is a date; "3/4" is a date only after "ngày" or a word of time ("chiều 1/5"), otherwise a
    fraction ("ba phần tư")."""
    before = text_before(match)
    if _DATE_NAME_CUE.search(before) and not match["day_word"]:
        return _date_words(match["d"], match["m"], None, day_word="")
    if not (match["day_word"] or _DATE_CUE.search(before) or len(match["d"]) == 2 or len(match["m"]) == 2):
        return match.group(0)
    return _date_words(match["d"], match["m"], None, day_word=match["day_word"] or None)


def _mark(match: re.Match[str]) -> str:
    return f"{_MARK_OPEN}{int(match['h'])}{_MARK_SPLIT}{int(match['m'] or 0)}{_MARK_CLOSE}"


def _time_words(hour: str, minute: str) -> str:
    words = f"{integer_words(int(hour))} giờ"
    return f"{words} {integer_words(int(minute))} phút" if int(minute) else words


def read_times(text: str) -> str:
    for form in _TIME_FORMS:
        text = form.sub(_mark, text)
    # "7–9h": the first hour borrows the unit of the second.
    text = _BARE_HOUR_BEFORE_TIME.sub(lambda m: f"{_MARK_OPEN}{int(m['h'])}{_MARK_SPLIT}0{_MARK_CLOSE}", text)
    text = _TIME_RANGE.sub(lambda m: f"{_from(m)}{_time_words(m[3], m[4])} đến {_time_words(m[6], m[7])}", text)
    return re.sub(_MARKED, lambda m: _time_words(m[1], m[2]), text)


def read_weekday_abbreviations(text: str, weekdays: Mapping[str, str]) -> str:
    if not weekdays:
        return text
    names = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True))
    return re.sub(rf"(?<![\w/])(?:{names})(?![\w/])", lambda m: weekdays[m.group(0)], text)


def read_weekday_ranges(text: str) -> str:
    """"thứ hai – thứ sáu" is a span: "từ thứ hai đến thứ sáu"."""
    return _WEEKDAY_RANGE.sub(lambda m: f"{_from(m)}{m['a']} đến {m['b']}", text)
