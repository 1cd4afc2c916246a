"""Stored text is NFC and free of invisible controls, whichever way it came in; Vietnamese is untouched."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from campaigns.models import Station
from content.errors import InvalidInput
from content.messages import MessageInput, create_message
from content.models import Message, MessageKind, Role
from content.text import clean_text
from tests.factories import make_area, make_published_message, make_user
from tests.samples import CLEAN_TITLE, HOSTILE_TITLE

VIETNAMESE = ("Người tốt, việc tốt: chị Nguyễn Thị Hương ở thôn Đồng Xuân, xã Quỳnh Lưu đã nhặt được ví "
              "tiền và trả lại cho ông Trần Văn Bảy. Những tấm gương ấy được cả xóm khen ngợi; "
              "ỹ ỵ ữ ự ẫ ậ ổ ộ ờ ợ ứ ặ ẵ ằ Ặ Ẫ Ỗ Ữ Ự đ Đ ư Ư ơ Ơ.")
INVISIBLE = ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
             "\u200f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\x07", "\x1b", "\x7f", "\x9b",
             "\ud800"]
def test_vietnamese_in_nfc_is_left_exactly_as_it_is():
    assert unicodedata.is_normalized("NFC", VIETNAMESE)
    assert clean_text(VIETNAMESE) == VIETNAMESE
    assert clean_text(VIETNAMESE, multiline=False) == VIETNAMESE


def test_vietnamese_typed_decomposed_is_stored_composed():
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert decomposed != VIETNAMESE
    assert clean_text(decomposed) == VIETNAMESE


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_every_invisible_or_control_character_is_dropped(char):
    assert clean_text(f"Tin{char} khẩn") == "Tin khẩn"


def test_line_breaks_stay_in_a_text_and_become_spaces_in_a_one_line_value():
    assert clean_text("Dòng một\r\nDòng hai\tcột") == "Dòng một\r\nDòng hai\tcột"
    assert clean_text("Dòng một\nDòng hai\u2028ba", multiline=False) == "Dòng một Dòng hai ba"


def test_a_title_with_bidi_zero_width_and_nul_is_stored_clean(session, now):
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    message = create_message(session, editor, MessageInput(
        kind=MessageKind.ARTICLE, title=HOSTILE_TITLE, body_md="Đừng chuyển\u202e tiền\x00.", area_id=area.id),
        now=now)
    session.commit()
    session.expire_all()
    stored = session.scalar(select(Message).where(Message.id == message.id))
    assert stored.title == CLEAN_TITLE and stored.body_md == "Đừng chuyển tiền."
    assert not any(c in stored.body_html + stored.search_text + stored.slug for c in "\u202e\u200b\x00")


def test_a_value_of_nothing_but_invisible_characters_is_refused(session, now):
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    with pytest.raises(InvalidInput) as refused:
        create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title="\u200b\u202e",
                                                     body_md="Nội dung.", area_id=area.id), now=now)
    assert "title" in refused.value.errors


def test_every_string_column_is_guarded_not_only_messages(session):
    station = Station(name="Đài\u202e truyền thanh\x00 xã", area=make_area(session), contact="Ông Tư\u200b")
    session.add(station)
    session.commit()
    session.expire_all()
    assert session.get(Station, station.id).name == "Đài truyền thanh xã"
    assert session.get(Station, station.id).contact == "Ông Tư"


def test_a_hostile_title_reaches_neither_the_portal_nor_the_feeds(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now, title=HOSTILE_TITLE,
                                     body="Không cung cấp\u200b **mã OTP**\u202e cho ai.")
    for path in ("/", f"/tin/{message.slug}", "/feed.rss", "/feed.atom"):
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.get_data(as_text=True)
        assert CLEAN_TITLE in text, path
        assert not any(c in text for c in "\u202e\u200b\x00"), path
