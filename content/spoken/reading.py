"""The engine: one line of plain text in, the same line as it should be read aloud out.

Pure: the text and the rule tables in, text out. The order of the passes matters — a pass only ever
sees digits and signs the passes before it left alone — so it is written out once, here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from content.spoken.addresses import (
    read_addresses,
    read_birth_years,
    read_dotted_abbreviations,
    read_kilometre_posts,
    read_lettered_numbers,
    read_phone_labels_and_roads,
)
from content.spoken.dates import (
    read_dates,
    read_periods,
    read_times,
    read_weekday_abbreviations,
    read_weekday_ranges,
)
from content.spoken.documents import read_document_numbers
from content.spoken.markup import tidy
from content.spoken.numbers import roman_value
from content.spoken.phones import read_phone_numbers
from content.spoken.plates import read_plates
from content.spoken.quantities import read_measures, read_months, read_numbers, read_ordinals, read_per, read_signs
from content.spoken.rules import SpokenRules

_PRIVATE_MARKS = re.compile("[\ue000-\ue002]")
# "COVID-19", "Kế hoạch-2025": the hyphen joins a name to its number and is not read.
_LETTER_HYPHEN_DIGIT = re.compile(r"(?<=[^\W\d_])-(?=\d)")
_SYMBOLS = (
    (re.compile(r"\s*&\s*"), " và "),
    (re.compile(r"%"), " phần trăm"),
    (re.compile(r"°"), " độ "),
    (re.compile(r"~\s*(?=\S)"), "khoảng "),
    (re.compile(r"\s*/\s*"), " "),
)


def expand_abbreviations(text: str, rules: SpokenRules) -> str:
    pattern = rules.abbreviation_pattern
    return pattern.sub(lambda m: rules.abbreviations[m.group(0)], text) if pattern else text


@lru_cache(maxsize=32)
def _roman_pattern(triggers: tuple[str, ...]) -> re.Pattern[str]:
    # Only I, V, X and L: a lone C, D or M after "phần" is more likely a letter than 100, 500 or 1000.
    alternation = "|".join(map(re.escape, triggers))
    return re.compile(rf"(?<!\w)(?P<trigger>(?i:{alternation}))\s+(?P<roman>[IVXL]+)(?!\w)")


def read_roman_numerals(text: str, rules: SpokenRules) -> str:
    """"Đại hội XIV" → "Đại hội 14" (read later as a number), only right after a trigger word."""
    def replace(match: re.Match[str]) -> str:
        value = roman_value(match["roman"])
        return f"{match['trigger']} {value}" if value and match["roman"] != "L" else match.group(0)
    return _roman_pattern(rules.roman_triggers).sub(replace, text)


def read_symbols(text: str) -> str:
    for pattern, said in _SYMBOLS:
        text = pattern.sub(said, text)
    return text


def speak_line(line: str, rules: SpokenRules) -> str:
    # NFC so "HĐND" typed on any keyboard matches the dictionary; the private-use marks are the engine's own.
    text = _PRIVATE_MARKS.sub("", unicodedata.normalize("NFC", line))
    text = read_dotted_abbreviations(text, rules)
    text = read_document_numbers(text, rules)
    text = read_birth_years(text)
    text = read_plates(text)
    text = read_phone_labels_and_roads(text, rules)
    text = expand_abbreviations(text, rules)
    text = read_phone_numbers(text, rules)
    text = read_periods(text, rules.period_words)
    text = read_addresses(text, rules)
    text = read_kilometre_posts(text)
    text = read_dates(text)
    text = read_times(text)
    # After the times: in "17h-19h" the hyphen is a span, not a name joined to its number.
    text = _LETTER_HYPHEN_DIGIT.sub(" ", text)
    text = read_weekday_abbreviations(text, rules.weekdays)
    text = read_roman_numerals(text, rules)
    text = read_ordinals(text)
    text = read_weekday_ranges(text)
    text = read_months(text)
    text = read_signs(text)
    text = read_measures(text, rules)
    text = read_per(text, rules)
    text = read_lettered_numbers(text)
    text = read_numbers(text)
    return tidy(read_symbols(text))
