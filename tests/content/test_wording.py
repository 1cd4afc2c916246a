"""A Text reads as its Vietnamese sentence everywhere a str goes, and keeps what web/ needs to translate it."""

from __future__ import annotations

import pickle

from content.errors import InvalidInput, NotFound
from content.wording import Text


def test_a_text_is_its_vietnamese_sentence_with_its_values_filled_in():
    text = Text("Không có đài %(ids)s.", ids="#3, #4")
    assert text == "Không có đài #3, #4." and str(text) == "Không có đài #3, #4."
    assert text.msgid == "Không có đài %(ids)s." and text.params == {"ids": "#3, #4"}


def test_a_text_without_values_is_not_formatted_so_a_percent_sign_stays():
    assert Text("Ít nhất 50% khu dân cư.") == "Ít nhất 50% khu dân cư."


def test_a_kept_sentence_is_filled_where_it_is_said():
    template = Text("Ảnh nặng %(size)s, vượt giới hạn %(limit)s.")
    filled = template.fill(size="7,2 MB", limit="5 MB")
    assert filled == "Ảnh nặng 7,2 MB, vượt giới hạn 5 MB." and filled.msgid == template.msgid


def test_an_error_reads_in_vietnamese_for_logs_and_the_command_line():
    assert str(NotFound(Text("Không có địa bàn mã %(code)s.", code="79"))) == "Không có địa bàn mã 79."
    error = InvalidInput({"title": Text("Tiêu đề không được để trống.")})
    assert str(error) == "title: Tiêu đề không được để trống."


def test_a_text_survives_a_round_trip_through_pickle():
    copy = pickle.loads(pickle.dumps(Text("Không có kênh %(ids)s.", ids="#9")))
    assert isinstance(copy, Text) and copy == "Không có kênh #9." and copy.params == {"ids": "#9"}
