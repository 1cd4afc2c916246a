"""Official text on the loudspeaker, class by class: papers' numbers, birth years, addresses, date lists, time spans,
periods, phone labels and dotted short forms. Written and read by hand from the way decrees, plans and police
notices are written (tests/spoken_official_cases.py)."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from content.spoken import DEFAULT_RULES, to_spoken
from content.spoken.reading import speak_line
from tests.spoken_official_cases import DOCUMENTS, PERIODS, TABLE


@pytest.mark.parametrize(("written", "said"), TABLE)
def test_official_text_is_read_as_an_announcer_reads_it(written, said):
    assert to_spoken(written) == said


def test_the_official_table_has_at_least_150_cases():
    assert len(TABLE) >= 150


@pytest.mark.parametrize("written", [written for written, _ in DOCUMENTS + PERIODS])
def test_a_papers_number_or_a_period_is_never_read_as_a_share(written):
    assert " trên " not in f" {to_spoken(written)} "


@pytest.mark.parametrize(("written", "body"), [
    ("Kế hoạch số 32/KH-UBND ngày 05/3/2025 của UBND xã", "Ủy ban nhân dân"),
    ("Nghị định 13/2023/NĐ-CP của Chính phủ", "Chính phủ"),
    ("Chỉ thị 05/CT-TTg của Thủ tướng Chính phủ", "Thủ tướng Chính phủ"),
])
def test_the_issuing_body_is_never_said_twice(written, body):
    assert to_spoken(written).count(body) == 1


def test_an_admins_reading_of_an_issuer_is_used_in_a_papers_number():
    rules = DEFAULT_RULES.with_changes(abbreviations={"UBND": "Ủy ban"})
    assert to_spoken("Quyết định 12/QĐ-UBND", rules=rules) == "Quyết định mười hai của Ủy ban"


def test_a_dotted_token_the_dictionary_knows_whole_is_read_as_the_dictionary_says():
    rules = DEFAULT_RULES.with_changes(abbreviations={"TP.HCM": "Sài Gòn"})
    assert to_spoken("Đến TP.HCM và TP. HCM", rules=rules) == "Đến Sài Gòn và thành phố Hồ Chí Minh"


def test_the_engines_edition_is_part_of_the_stamp_so_old_spoken_copies_are_read_afresh():
    assert replace(DEFAULT_RULES, edition=DEFAULT_RULES.edition - 1).stamp != DEFAULT_RULES.stamp


@pytest.mark.parametrize("line", [
    "TP." * 30_000,  # each dot once took the rest of the line to check: 84 s before the fix
    "chiều 1/5 " * 10_000,
    "theo 32/KH-UBND " * 6_000,
    "đường ĐT741 " * 8_000,
    "12/" + "KH-" * 30_000 + "1",
    "ngõ " + "1/" * 50_000 + "x",
    "ĐT" + " ab" * 30_000 + " 0",
    "ngày " + "1, " * 30_000 + "x",
    "Km 1+" * 20_000,
], ids=["dotted", "cued dates", "papers", "roads", "long code", "address slashes", "label words", "day list", "km"])
def test_a_hostile_100_kb_line_is_read_within_seconds(line):
    started = time.monotonic()
    speak_line(line, DEFAULT_RULES)
    assert time.monotonic() - started < 5  # about 0.5 s on the development machine


@pytest.mark.parametrize(("written", "said"), [
    ("SN", "SN"), ("ĐT:", "ĐT:"), ("Quý VIIII/2025", "Quý VIIII 2025"), ("32/kh-ubnd", "ba mươi hai kh-ubnd"),
    ("Điều 5/Chương", "Điều năm Chương"), ("32/4 và 1/5", "ba mươi hai trên bốn và một phần năm"),
])
def test_careless_or_broken_writing_is_left_readable_and_nothing_is_lost(written, said):
    assert to_spoken(written) == said


@pytest.mark.parametrize("written", [
    "ngõ " + "1" * 5_000, "1" * 5_000 + "A", "SN " + "1" * 5_000, "tháng 1/" + "2" * 5_000, "thứ " + "1" * 5_000,
    "1" + ".000" * 1_500, "12/QĐ-QH" + "1" * 5_000, "3/" + "4" * 5_000,
], ids=["address", "lettered", "birth", "month", "ordinal", "grouped", "issuer term", "fraction"])
def test_a_run_of_5000_digits_is_read_without_error(written):
    # Python refuses to turn more than 4,300 digits into an int: each rule bounds what it converts.
    assert to_spoken(written)
