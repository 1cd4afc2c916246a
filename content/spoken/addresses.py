"""Where people live and how to reach them: house and road numbers, birth years, phone labels, dotted names.

- "số 12A", "Quốc lộ 1A", "lớp 9B": the number, then the letter as written ("mười hai A");
- "kiệt 34/2", "ngõ 12/5": after an address word the slash is "trên", never a date or a share;
- "QL1A", "ĐT 741", "Km 15+200": a road's code and its kilometre posts in words; "ĐT: 0912…" is a phone label instead;
- "SN 1985": "sinh năm" before a year, "số nhà" before anything else;
- "TP. HCM", "Q. 1", "ThS. Lê Hoa": the full stop of a short form is not a pause.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from content.spoken.numbers import integer_words, text_before
from content.spoken.rules import SpokenRules
from content.spoken.tables import MAX_ABBREVIATION

_START = r"(?<![\w.,/])"
_BIRTH = re.compile(r"(?<![\w.])SN\s*[:.]?\s*(?:(?P<year>(?:19|20)\d\d)(?!\d)|(?=\d))")
# A dialable run after the label: a leading 0 or +84 and at least eight more digits, maybe grouped.
_DIALABLE = r"(?:\+84|0)(?:[ .-]?\d){8,}"
# A dotted token as the dictionary could hold it whole ("TP.HCM"); no entry is longer, so a 100 KB run of "TP."
# is read in one pass, not tried to its end from each dot.
_JOINED = re.compile(rf"[^\s,;:!?()]{{1,{MAX_ABBREVIATION}}}")
_HOTLINE = r"11[1-5](?!\d)|1[89]00"
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?…]\s+)$")
_LETTERED = re.compile(rf"{_START}(?P<n>\d{{1,9}})(?P<letter>[A-ZĐ])(?P<m>\d{{1,2}})?(?!\w)")
# "Km 15+200": the kilometre post and the metres past it, as road notices locate an accident.
_KILOMETRE_POST = re.compile(r"(?<!\w)[Kk]m\s?(?P<km>\d{1,4})\s?\+\s?(?P<m>\d{1,3})(?!\d)")
# Numbers are bounded here and below: Python refuses to turn 4,300 digits into an int, and no house has them.
_ADDRESS_NUMBER = r"\d{1,9}[A-ZĐ]?(?:/\d{1,9}[A-ZĐ]?)*"
_LETTER_SUFFIX = re.compile(r"(?P<n>\d{1,9})(?P<letter>[A-ZĐ]?)")


def _at_start(match: re.Match[str], said: str) -> str:
    """A short form that opens a sentence ("ĐT: 0912…") opens it in words with a capital."""
    opens = match.start() == 0 or _SENTENCE_START.search(text_before(match, 12))
    return said[:1].upper() + said[1:] if opens else said


def _alternation(words: Mapping[str, str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def read_birth_years(text: str) -> str:
    """"SN 1985" is "sinh năm"; "SN 12" an address, "số nhà"."""
    return _BIRTH.sub(lambda m: _at_start(m, f"sinh năm {integer_words(int(m['year']))}" if m["year"] else "số nhà "),
                      text)


@lru_cache(maxsize=32)
def _dotted_pattern(long_forms: str, one_letter: str) -> re.Pattern[str]:
    # An alternation that can never match stands in for an empty table.
    return re.compile(
        rf"(?<!\w)(?P<long>{long_forms or '(?!)'})\.\s*(?=[^\W_])"
        rf"|(?:^|(?<=,)|(?<=,\s))(?P<short>{one_letter or '(?!)'})\.(?:\s+(?=[^\W_])|(?=\d))")


def read_dotted_abbreviations(text: str, rules: SpokenRules) -> str:
    """"TP. HCM" → "thành phố HCM", read on by the dictionary; a dotted token the dictionary knows whole
    ("TP.HCM") is left to it."""
    long_forms = _alternation(tuple(k for k in rules.dotted if len(k) > 1))
    one_letter = _alternation(tuple(k for k in rules.dotted if len(k) == 1))
    if not long_forms and not one_letter:
        return text

    def replace(match: re.Match[str]) -> str:
        joined = _JOINED.match(match.string, match.start())
        if joined and "." in joined.group(0).rstrip(".") and joined.group(0).rstrip(".") in rules.abbreviations:
            return match.group(0)
        return _at_start(match, f"{rules.dotted[match['long'] or match['short']]} ")
    return _dotted_pattern(long_forms, one_letter).sub(replace, text)


@lru_cache(maxsize=32)
def _label_patterns(labels: str, roads: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(rf"(?<![\w.])(?P<label>{labels})(?=(?:(?:\s+|/)[^\W\d_]+){{0,3}}\s*[:.]?\s*(?:{_DIALABLE}|{_HOTLINE}))"),
            re.compile(rf"(?<![\w.])(?P<road>{roads})\.?\s?(?=[1-9]\d{{0,3}}[A-ZĐ]?(?![\w/]|[.,]\d))"))


def read_phone_labels_and_roads(text: str, rules: SpokenRules) -> str:
    """"ĐT: 0912 345 678" → "điện thoại: …"; "ĐT 741", "QL1A" → "đường tỉnh 741", "Quốc lộ 1A"."""
    labels, roads = _label_patterns(_alternation(rules.phone_labels), _alternation(rules.road_codes))
    text = labels.sub(lambda m: _at_start(m, rules.abbreviations.get(m["label"]) or rules.phone_labels[m["label"]]),
                      text)
    return roads.sub(lambda m: _at_start(m, _road(m, rules.road_codes[m["road"]])), text)


def _road(match: re.Match[str], said: str) -> str:
    """"đường ĐT741" is "đường tỉnh 741": the words the sentence has just said are not said again."""
    before, words = text_before(match).rstrip().casefold(), said.split()
    for count in range(len(words), 0, -1):
        if re.search(rf"(?<!\w){re.escape(' '.join(words[:count]).casefold())}$", before):
            return " ".join(words[count:]) + " " if count < len(words) else ""
    return f"{said} "


def _address_number_words(written: str) -> str:
    parts = []
    for part in written.split("/"):
        match = _LETTER_SUFFIX.fullmatch(part)
        assert match is not None  # each part matched _ADDRESS_NUMBER
        parts.append(" ".join(filter(None, (integer_words(int(match["n"])), match["letter"]))))
    return " trên ".join(parts)


@lru_cache(maxsize=32)
def _address_pattern(words: str, followers: str) -> re.Pattern[str]:
    number = rf"(?P<number>{_ADDRESS_NUMBER})(?![\w/]|[.,]\d)"
    return re.compile(rf"(?<!\w)(?P<word>(?i:{words}))\s+{number}"
                      rf"|(?<!\w)(?P<so>(?i:số))\s+(?P<number2>{_ADDRESS_NUMBER})(?=\s*,?\s*(?i:{followers})(?!\w))")


def read_addresses(text: str, rules: SpokenRules) -> str:
    """"kiệt 34/2" → "kiệt ba mươi tư trên hai"; "số 12A đường …" → "số mười hai A đường …"."""
    pattern = _address_pattern(_alternation(rules.address_words), _alternation(rules.address_followers))

    def replace(match: re.Match[str]) -> str:
        word, number = (match["word"], match["number"]) if match["word"] else (match["so"], match["number2"])
        return f"{word} {_address_number_words(number)}"
    return pattern.sub(replace, text)


def read_lettered_numbers(text: str) -> str:
    """"lớp 9A", "tổ 3B", "lớp 10A1": a capital letter after a number is a name's letter, read where it stands."""
    return _LETTERED.sub(lambda m: " ".join(filter(None, (integer_words(int(m["n"])), m["letter"],
                                                          m["m"] and integer_words(int(m["m"]))))), text)


def read_kilometre_posts(text: str) -> str:
    return _KILOMETRE_POST.sub(
        lambda m: f"ki-lô-mét {integer_words(int(m['km']))} cộng {integer_words(int(m['m']))}", text)
