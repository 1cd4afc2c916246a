"""Search finds messages without diacritics, by whole words, best match first, highlighted and paged.

Every place and person here is invented.
"""

from __future__ import annotations

from datetime import timedelta

from campaigns.models import ChannelKind
from campaigns.planning import plan_deliveries
from campaigns.public_search import search_published
from content.messages import MessageInput, create_message, transition_message, update_message
from content.models import Message, MessageKind, MessageStatus, Role
from content.search import highlight, query_terms, search_messages
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_user


class Desk:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        self.province = make_area(session, name="Tỉnh Sông Mây")
        self.editor = make_user(session, role=Role.EDITOR, area=self.province)
        self.approver = make_user(session, role=Role.APPROVER, area=self.province)

    def write(self, now, title: str, body: str = "Nội dung tuyên truyền.", summary: str = "") -> Message:
        return create_message(self.session, self.editor, MessageInput(
            kind=MessageKind.ARTICLE, title=title, summary=summary, body_md=body, area_id=self.province.id),
            now=now)

    def publish(self, session_factory, now, message: Message) -> Message:
        channel = make_channel(self.session, ChannelKind.PORTAL)
        transition_message(self.session, message, "submit", actor=self.editor, now=now)
        transition_message(self.session, message, "approve", actor=self.approver, now=now)
        plan_deliveries(self.session, message, actor=self.approver, due_at=now + timedelta(minutes=5), now=now,
                        channels=[channel])
        self.session.commit()
        run_tick(session_factory, now=now + timedelta(minutes=5), worker="test")
        self.session.expire_all()
        return message


def marked(pieces) -> str:  # type: ignore[no-untyped-def]
    return "".join(f"[{text}]" if hit else text for text, hit in pieces)


def titles(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.message.title for hit in page.items]


def test_words_without_diacritics_find_the_words_with_them(session, now):
    desk = Desk(session)
    desk.write(now, "Cảnh giác lừa đảo qua mạng")
    desk.write(now, "Phòng cháy chữa cháy mùa khô")
    assert titles(search_messages(session, "lua dao qua mang")) == ["Cảnh giác lừa đảo qua mạng"]
    assert titles(search_messages(session, "LỪA ĐẢO")) == ["Cảnh giác lừa đảo qua mạng"]


def test_d_finds_đ_and_đ_finds_d(session, now):
    desk = Desk(session)
    desk.write(now, "Đối tượng giả danh cán bộ địa chính")
    desk.write(now, "Dự báo thời tiết")
    assert titles(search_messages(session, "doi tuong dia chinh")) == ["Đối tượng giả danh cán bộ địa chính"]
    assert titles(search_messages(session, "đự báo")) == ["Dự báo thời tiết"]


def test_a_title_match_ranks_above_a_body_match(session, now):
    desk = Desk(session)
    desk.write(now, "Thông báo của xã Hòa Lạc", body="Người dân cẩn thận với chiêu lừa đảo qua mạng mới.")
    desk.write(now, "Lừa đảo qua mạng: ba chiêu mới", body="Cảnh giác.")
    desk.write(now, "Lịch tiêm phòng cho đàn gia súc")
    found = search_messages(session, "lua dao")
    assert titles(found) == ["Lừa đảo qua mạng: ba chiêu mới", "Thông báo của xã Hòa Lạc"]
    assert found.items[0].rank > found.items[1].rank


def test_words_match_whole_so_vi_is_not_viec(session, now):
    desk = Desk(session)
    desk.write(now, "Hướng dẫn trả lại ví nhặt được")
    desk.write(now, "Trả lại tiền thừa là việc tốt")
    assert titles(search_messages(session, "tra lai vi")) == ["Hướng dẫn trả lại ví nhặt được"]
    assert titles(search_messages(session, "vi")) == ["Hướng dẫn trả lại ví nhặt được"]


def test_the_last_word_may_be_unfinished_when_whole_words_find_nothing(session, now):
    desk = Desk(session)
    desk.write(now, "Cảnh giác lừa đảo qua mạng")
    found = search_messages(session, "lua dao qua ma")
    assert titles(found) == ["Cảnh giác lừa đảo qua mạng"]
    assert marked(found.items[0].title) == "Cảnh giác [lừa] [đảo] [qua] [mạng]"


def test_search_syntax_typed_by_a_visitor_is_plain_words(session, now):
    desk = Desk(session)
    desk.write(now, "Cảnh giác lừa đảo qua mạng")
    for hostile in ('"lua', "lua*", "NEAR(lua dao)", "-lua", "lua OR dao", "lua & !dao", "lua:* | dao",
                    "'; DROP TABLE messages; --", "(((", "lua AND", "^lua", "lua + dao"):
        search_messages(session, hostile)  # no error from FTS5 or tsquery syntax
    assert titles(search_messages(session, "lua AND")) == []  # "and" is a word to find, not an operator
    assert titles(search_messages(session, '"lừa" -đảo')) == ["Cảnh giác lừa đảo qua mạng"]
    assert query_terms("?!… —") is None
    assert search_messages(session, "?!…").total == 0


def test_highlighting_flags_only_whole_matched_words_in_the_text_as_written(session, now):
    desk = Desk(session)
    words = " ".join(f"từ{n}" for n in range(40))
    desk.write(now, "Lừa đảo: cảnh báo <b>mới</b>", summary="Tóm tắt.", body=f"{words} kẻ gian lừa đảo qua mạng. {words}")
    hit = search_messages(session, "lua dao").items[0]
    assert hit.title == (("Lừa", True), (" ", False), ("đảo", True), (": cảnh báo <b>mới</b>", False))
    assert marked(hit.snippet).startswith("… ") and marked(hit.snippet).endswith(" …")
    assert "kẻ gian [lừa] [đảo] qua mạng" in marked(hit.snippet)
    # A letter and its accent typed as two characters stay one marked word.
    assert marked(highlight("Lu\u0300a đa\u0309o", query_terms("lua dao"))) == "[Lu\u0300a] [đa\u0309o]"


def test_changing_a_message_changes_what_finds_it(session, now):
    desk = Desk(session)
    message = desk.write(now, "Cảnh giác lừa đảo qua mạng")
    session.commit()
    update_message(session, message, desk.editor, MessageInput(
        kind=MessageKind.ARTICLE, title="Phòng chống đuối nước cho trẻ em", body_md="Dạy trẻ bơi.",
        area_id=desk.province.id), expected_version=message.version, now=now)
    session.commit()
    assert search_messages(session, "lua dao").total == 0
    assert titles(search_messages(session, "duoi nuoc")) == ["Phòng chống đuối nước cho trẻ em"]
    session.delete(message)
    session.commit()
    assert search_messages(session, "duoi nuoc").total == 0


def test_results_come_a_page_at_a_time(session, now):
    desk = Desk(session)
    for n in range(5):
        desk.write(now, f"Cảnh báo lừa đảo số {n}")
    desk.write(now, "Tin khác")
    first = search_messages(session, "canh bao", page=1, per_page=2)
    last = search_messages(session, "canh bao", page=99, per_page=2)
    assert (len(first.items), first.total, first.pages, first.has_next) == (2, 5, 3, True)
    assert (len(last.items), last.page, last.has_next) == (1, 3, False)
    assert len({hit.message.id for hit in first.items} | {hit.message.id for hit in last.items}) == 3


def test_the_public_search_finds_published_messages_only(session, session_factory, now):
    desk = Desk(session)
    published = desk.publish(session_factory, now, desk.write(now, "Cảnh giác lừa đảo qua mạng"))
    desk.write(now, "Bản nháp về lừa đảo")
    withdrawn = desk.publish(session_factory, now, desk.write(now, "Tin lừa đảo đã gỡ"))
    transition_message(session, withdrawn, "archive", actor=desk.approver, now=now + timedelta(hours=1))
    session.commit()
    assert withdrawn.status is MessageStatus.ARCHIVED
    assert search_messages(session, "lua dao").total == 3  # the desk's own search sees all three
    found = search_published(session, "lua dao", page=1, per_page=10)
    assert [hit.message.id for hit in found.items] == [published.id]
