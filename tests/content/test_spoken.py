"""The loudspeaker text: markup and links gone, read time counted in syllables, the admins' dictionary applied."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from content.errors import InvalidInput, NotFound
from content.messages import MessageInput, StoryFields, create_message
from content.models import AuditLog, MessageKind, Role, SpokenAbbreviation
from content.spoken import estimate_seconds, spoken_text, to_spoken
from content.spoken.dictionary import (
    add_abbreviation,
    change_abbreviation,
    list_entries,
    load_rules,
    remove_abbreviation,
    set_link_pointer,
)
from tests.factories import make_area, make_user


@pytest.mark.parametrize(("source", "spoken"), [
    ("Khóa xe **cẩn thận**, rút chìa.", "Khóa xe cẩn thận, rút chìa."),
    ("Xem [trang thông tin](https://congan.example.vn/tin) của xã.", "Xem trang thông tin của xã."),
    ("Chi tiết tại https://congan.example.vn/a hoặc hộp thư lienhe@congan.example.vn .", "Chi tiết tại hoặc hộp thư."),
    ("- Một\n- Hai", "Một\nHai"),
    ("Đoạn một.\n\nĐoạn hai.", "Đoạn một.\nĐoạn hai."),
    ("<script>alert(1)</script>Bình thường", "Bình thường"),
    ("A &amp; B", "A và B"),
])
def test_markdown_becomes_plain_spoken_lines(source, spoken):
    assert to_spoken(source) == spoken


def test_the_read_time_is_syllables_at_the_pace():
    assert estimate_seconds(" ".join(["loa"] * 190)) == 60
    assert estimate_seconds(" ".join(["loa"] * 95), pace=95) == 60
    assert estimate_seconds(" ".join(["loa"] * 190), pace=380) == 30


def test_hyphenated_loan_words_count_each_syllable():
    assert estimate_seconds("ki-lô-mét " * 190) == 3 * 60


def test_a_number_counts_as_the_syllables_it_is_read_with():
    # "113" on air is "một một ba": three syllables, not one word.
    spoken = to_spoken("Gọi 113")
    assert spoken == "Gọi một một ba"
    assert estimate_seconds(spoken, pace=60) == 4


def test_sentences_and_paragraphs_add_their_pauses():
    words = " ".join(["loa"] * 95)  # 30 s at 190 a minute
    assert estimate_seconds(f"{words}. {words}.") == 60 + 1  # one sentence pause inside: 0.4 s, rounded up
    assert estimate_seconds(f"{words}.\n{words}.") == 60 + 1  # one paragraph pause: 0.8 s, rounded up
    ten_sentences = ". ".join([words] * 10) + "."
    assert estimate_seconds(ten_sentences) == 300 + 4  # nine pauses of 0.4 s: 3.6 s
    ten_paragraphs = ".\n".join([words] * 10) + "."
    assert estimate_seconds(ten_paragraphs) == 300 + 8  # nine pauses of 0.8 s: 7.2 s
    assert estimate_seconds(ten_paragraphs, paragraph_pause=0) == 300


def message(session, now, **overrides):  # type: ignore[no-untyped-def]
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    data = MessageInput(kind=overrides.pop("kind", MessageKind.ARTICLE), area_id=area.id,
                        title=overrides.pop("title", "Tuần tra đêm ở thôn Bãi Sỏi"),
                        body_md=overrides.pop("body_md", "Tổ ANTT tuần tra từ 22h đến 4h sáng."), **overrides)
    return create_message(session, editor, data, now=now)


def test_the_title_is_read_first_and_as_a_sentence(session, now):
    text = spoken_text(message(session, now, title="UBND xã thông báo lịch trực T7"))
    assert text == ("Ủy ban nhân dân xã thông báo lịch trực thứ bảy.\n"
                    "Tổ an ninh trật tự tuần tra từ hai mươi hai giờ đến bốn giờ sáng.")


def test_an_editors_override_is_read_exactly_as_written(session, now):
    text = spoken_text(message(session, now, spoken_override="  Tổ ANTT đi tuần lúc 22h.  "))
    assert text == "Tổ ANTT đi tuần lúc 22h."


def test_an_unconsented_name_is_masked_in_the_spoken_text_and_the_override(session, now):
    story = StoryFields(person_name="Hà Văn Tùng", deed="Bắt giữ kẻ trộm", deed_on=date(2026, 10, 2),
                        name_consent=False)
    told = message(session, now, kind=MessageKind.STORY, title="Anh Hà Văn Tùng giúp CA xã", story=story,
                   body_md="Ngày 02/10/2026, anh **Hà Văn Tùng** gọi 113 báo tin.")
    assert spoken_text(told) == ("Anh H.V.T. giúp Công an xã.\n"
                                 "Ngày hai tháng mười năm hai nghìn không trăm hai mươi sáu, anh H.V.T. gọi một một ba "
                                 "báo tin.")
    told.spoken_override = "Cảm ơn anh Hà Văn Tùng đã giúp đỡ."
    assert spoken_text(told) == "Cảm ơn anh H.V.T. đã giúp đỡ."


def test_an_admins_reading_overrides_the_default_and_adds_new_tokens(session, now):
    admin = make_user(session, role=Role.ADMIN, area=None)
    change_abbreviation(session, admin, abbreviation="CA", expansion="lực lượng Công an", now=now)
    add_abbreviation(session, admin, abbreviation="VNeID", expansion="vê en e ai đi", now=now)
    session.commit()
    text = spoken_text(message(session, now, title="Cài VNeID cùng CA xã", body_md="Đến CA xã trước 17h."))
    assert text == "Cài vê en e ai đi cùng lực lượng Công an xã.\nĐến lực lượng Công an xã trước mười bảy giờ."
    assert to_spoken("CA xã") == "Công an xã"  # the pure engine keeps its defaults unless given the tables


def test_removing_an_override_brings_the_default_back_within_the_same_session(session, now):
    admin = make_user(session, role=Role.ADMIN, area=None)
    change_abbreviation(session, admin, abbreviation="CSGT", expansion="cảnh sát đường bộ", now=now)
    assert to_spoken("CSGT", rules=load_rules(session)) == "cảnh sát đường bộ"
    remove_abbreviation(session, admin, abbreviation="CSGT", now=now)
    assert to_spoken("CSGT", rules=load_rules(session)) == "Cảnh sát giao thông"
    actions = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["spoken.abbreviation.update", "spoken.abbreviation.delete"]


def test_the_link_pointer_comes_from_the_database(session, now):
    admin = make_user(session, role=Role.ADMIN, area=None)
    set_link_pointer(session, admin, pointer="trang thông tin điện tử của Công an xã", now=now)
    assert to_spoken("Xem tại https://xaphuha.example.vn.", rules=load_rules(session)) == \
        "Xem tại trang thông tin điện tử của Công an xã."
    set_link_pointer(session, admin, pointer="  ", now=now)
    assert to_spoken("Xem tại https://xaphuha.example.vn.", rules=load_rules(session)) == "Xem tại."


@pytest.mark.parametrize(("abbreviation", "expansion", "field"), [
    ("", "gì đó", "abbreviation"),
    ("   ", "gì đó", "abbreviation"),
    ("X" * 41, "gì đó", "abbreviation"),
    ("&&", "và và", "abbreviation"),
    ("KHXH", "", "expansion"),
    ("KHXH", "đọc " * 60, "expansion"),
    ("UBND", "Ủy ban", "abbreviation"),  # a default is changed on its own line, not added twice
])
def test_bad_dictionary_entries_are_refused_field_by_field(session, now, abbreviation, expansion, field):
    admin = make_user(session, role=Role.ADMIN, area=None)
    with pytest.raises(InvalidInput) as refused:
        add_abbreviation(session, admin, abbreviation=abbreviation, expansion=expansion, now=now)
    assert field in refused.value.errors


def test_an_added_token_cannot_be_added_twice_and_only_admin_entries_can_be_removed(session, now):
    admin = make_user(session, role=Role.ADMIN, area=None)
    add_abbreviation(session, admin, abbreviation="KVPT", expansion="khu vực phòng thủ", now=now)
    with pytest.raises(InvalidInput):
        add_abbreviation(session, admin, abbreviation=" KVPT ", expansion="khác", now=now)
    with pytest.raises(NotFound):
        remove_abbreviation(session, admin, abbreviation="UBND", now=now)
    with pytest.raises(NotFound):
        change_abbreviation(session, admin, abbreviation="CHUACO", expansion="chưa có", now=now)
    assert session.scalars(select(SpokenAbbreviation.abbreviation)).all() == ["KVPT"]


def test_the_listing_shows_defaults_changes_and_additions(session, now):
    admin = make_user(session, role=Role.ADMIN, area=None)
    change_abbreviation(session, admin, abbreviation="ANTT", expansion="an ninh, trật tự", now=now)
    add_abbreviation(session, admin, abbreviation="KVPT", expansion="khu vực phòng thủ", now=now)
    entries = {entry.abbreviation: entry for entry in list_entries(session)}
    assert (entries["ANTT"].expansion, entries["ANTT"].default, entries["ANTT"].is_changed) == \
        ("an ninh, trật tự", "an ninh trật tự", True)
    assert (entries["KVPT"].default, entries["KVPT"].is_changed) == (None, True)
    assert (entries["UBND"].expansion, entries["UBND"].is_changed) == ("Ủy ban nhân dân", False)
