"""Quantities with what they count: money, percentages, units, spans, fractions, ordinals, plain numbers."""

from __future__ import annotations

import re
from functools import lru_cache

from content.spoken.numbers import integer_words, month_words, number_words, ordinal_words
from content.spoken.rules import SpokenRules

NUMBER = r"\d+(?:[.,]\d+)*"
_START = r"(?<![\w.,/])"
_END = r"(?![\w/]|[.,]\d)"
_DASH = r"\s?[–—-]\s?"
_FROM = r"(?P<from>(?i:từ)\s+)?"
_SCALES = r"nghìn|ngàn|triệu|tỷ|tỉ"

# Counts bounded: Python refuses to turn 4,300 digits into an int; a longer run is read digit by digit later.
_ORDINAL = re.compile(rf"(?<!\w)(?P<word>[Tt]hứ)\s+(?P<n>\d{{1,9}}){_END}")
_MONTH = re.compile(rf"(?<!\w)(?P<word>[Tt]háng)\s+(?P<n>0?[1-9]|1[0-2]){_END}")
_SPAN = re.compile(rf"{_START}{_FROM}(?P<a>{NUMBER}){_DASH}(?P<b>{NUMBER}){_END}")
_FRACTION = re.compile(rf"{_START}(?P<a>\d{{1,9}})/(?P<b>\d{{1,9}}){_END}")
# A minus sign is a sign only where a word could start: "-5°C", not "20-22" or "5 -7".
_NEGATIVE = re.compile(r"(?<![^\s(])(?<!\d )[-−](?=\d)")
_NUMBER = re.compile(rf"{_START}{NUMBER}(?!\w)")


@lru_cache(maxsize=32)
def _measure_pattern(units: str, currencies: str) -> re.Pattern[str]:
    suffix = rf"(?P<percent>%)|(?:(?P<scale>{_SCALES})\s?)?(?P<currency>{currencies})|(?P<unit>{units})"
    return re.compile(rf"{_START}{_FROM}(?P<a>{NUMBER})(?:{_DASH}(?P<b>{NUMBER}))?\s?(?:{suffix})(?!\w)")


def _span(match: re.Match[str]) -> str:
    if match["b"] is None:
        return f"{match['from'] or ''}{number_words(match['a'])}"
    return f"{match['from'] or 'từ '}{number_words(match['a'])} đến {number_words(match['b'])}"


def _fraction(match: re.Match[str]) -> str:
    """"3/4 số hộ" is a share ("ba phần tư"); "13/15 thôn" is a count out of a whole ("mười ba trên mười lăm")."""
    a, b = int(match["a"]), int(match["b"])
    if a < b <= 10:
        return f"{integer_words(a)} phần {'tư' if b == 4 else integer_words(b)}"
    return f"{integer_words(a)} trên {integer_words(b)}"


def read_signs(text: str) -> str:
    return _NEGATIVE.sub("âm ", text)


def read_measures(text: str, rules: SpokenRules) -> str:
    """"50.000đ", "12,5%", "10–15 km/h", "2 triệu đồng": the number, then what it measures."""
    def replace(match: re.Match[str]) -> str:
        if match["percent"]:
            said = "phần trăm"
        elif match["currency"]:
            said = f"{match['scale']} đồng" if match["scale"] else "đồng"
        else:
            said = rules.units[match["unit"]]
        return f"{_span(match)} {said}"
    return _measure_pattern(rules.units_alternation, rules.currency_alternation).sub(replace, text)


def read_ordinals(text: str) -> str:
    return _ORDINAL.sub(lambda m: f"{m['word']} {ordinal_words(int(m['n']))}", text)


def read_months(text: str) -> str:
    return _MONTH.sub(lambda m: f"{m['word']} {month_words(int(m['n']))}", text)


def read_per(text: str, rules: SpokenRules) -> str:
    """"1 lần/tuần" → "1 lần mỗi tuần"."""
    words = "|".join(map(re.escape, rules.per_words))
    return re.sub(rf"(?<=\w)/(?=(?:{words})(?!\w))", " mỗi ", text)


def read_numbers(text: str) -> str:
    text = _SPAN.sub(_span, text)
    text = _FRACTION.sub(_fraction, text)
    return _NUMBER.sub(lambda m: number_words(m.group(0)), text)
