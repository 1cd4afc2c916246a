"""Official text on the loudspeaker, class by class: papers' numbers, birth years, addresses, date lists, time spans,
periods, phone labels and dotted short forms. Written and read by hand from the way decrees, plans and police
notices are written (tests/spoken_official_cases.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from content.spoken import DEFAULT_RULES, to_spoken
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
