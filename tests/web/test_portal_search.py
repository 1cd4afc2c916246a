"""The public search page /tim-kiem: published messages only, highlighted and escaped, paged, bad queries explained.

A query the search cannot use (empty, too long, only punctuation) gets the page (200) with the form and a
sentence saying why, never an error page. Every person and place here is invented.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from campaigns.models import ChannelKind
from campaigns.planning import plan_deliveries
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import Message, MessageKind, Role
from content.search import search_messages
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_user
from tests.web.helpers import switch


class Portal:
    def __init__(self, session, session_factory, now) -> None:  # type: ignore[no-untyped-def]
        self.session, self.session_factory, self.now = session, session_factory, now
        self.province = make_area(session, name="Tỉnh Đồi Chè")
        self.editor = make_user(session, role=Role.EDITOR, area=self.province)
        self.approver = make_user(session, role=Role.APPROVER, area=self.province)
        self.channel = make_channel(session, ChannelKind.PORTAL)
        session.commit()

    def write(self, title: str, body: str = "Nội dung tuyên truyền.", story: StoryFields | None = None) -> Message:
        return create_message(self.session, self.editor, MessageInput(
            kind=MessageKind.STORY if story else MessageKind.ARTICLE, title=title, body_md=body,
            area_id=self.province.id, story=story), now=self.now)

    def publish(self, *titles: str, story: StoryFields | None = None) -> list[Message]:
        messages = [self.write(title, story=story) for title in titles]
        for message in messages:
            transition_message(self.session, message, "submit", actor=self.editor, now=self.now)
            transition_message(self.session, message, "approve", actor=self.approver, now=self.now)
            plan_deliveries(self.session, message, actor=self.approver, due_at=self.now + timedelta(minutes=5),
                            now=self.now, channels=[self.channel])
        self.session.commit()
        run_tick(self.session_factory, now=self.now + timedelta(minutes=5), worker="test")
        return messages


def results(page: str) -> list[str]:
    return re.findall(r'<h2><a href="[^"]+">(.*?)</a></h2>', page)


def test_the_page_finds_published_messages_without_diacritics_and_marks_the_words(client, session,
                                                                                    session_factory, now):
    portal = Portal(session, session_factory, now)
    portal.publish("Cảnh giác lừa đảo qua mạng", "Phòng cháy mùa khô")
    portal.write("Bản nháp về lừa đảo qua mạng")
    session.commit()
    response = client.get("/tim-kiem", query_string={"q": "lua dao qua mang"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert results(page) == ["Cảnh giác <mark>lừa</mark> <mark>đảo</mark> <mark>qua</mark> <mark>mạng</mark>"]
    assert 'role="search"' in page and '<label for="search-q">' in page
    assert 'value="lua dao qua mang"' in page


def test_hostile_text_in_a_title_and_in_the_query_comes_out_escaped(client, session, session_factory, now):
    portal = Portal(session, session_factory, now)
    portal.publish('<script>alert("x")</script> lừa đảo')
    page = client.get("/tim-kiem", query_string={"q": 'lua dao <img src=x onerror=alert(1)>'}).get_data(
        as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert results(page) == []  # "img", "src" and the rest are words too, and no message has them
    page = client.get("/tim-kiem", query_string={"q": "lừa đảo"}).get_data(as_text=True)
    assert results(page) == ["&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; <mark>lừa</mark> <mark>đảo</mark>"]


def test_a_name_masked_for_want_of_consent_does_not_find_the_story(client, session, session_factory, now):
    portal = Portal(session, session_factory, now)
    story = StoryFields(person_name="Lò Văn Khiêm", deed="Trả lại ví nhặt được", deed_on=date(2026, 11, 2))
    portal.publish("Lò Văn Khiêm trả lại ví nhặt được", story=story)
    assert results(client.get("/tim-kiem?q=tra+lai+vi").get_data(as_text=True)) != []
    assert search_messages(session, "lo van khiem").total == 1  # the editors' own text holds the name
    page = client.get("/tim-kiem?q=lo+van+khiem").get_data(as_text=True)
    assert results(page) == [] and "Khiêm" not in page.split("<main", 1)[-1].replace('value="lo van khiem"', "")


def test_results_are_paged_and_the_pager_keeps_the_query(client, app, session, session_factory, now):
    app.config["PAGE_SIZE"] = 2
    portal = Portal(session, session_factory, now)
    portal.publish(*[f"Cảnh báo lừa đảo số {n}" for n in range(5)])
    first = client.get("/tim-kiem?q=canh+bao").get_data(as_text=True)
    assert len(results(first)) == 2 and "5 tin khớp" in first
    assert re.search(r'href="/tim-kiem\?page=2&amp;q=canh\+bao"|href="/tim-kiem\?q=canh\+bao&amp;page=2"', first)
    last = client.get("/tim-kiem?q=canh+bao&page=3").get_data(as_text=True)
    assert len(results(last)) == 1


def test_a_query_that_cannot_be_searched_gets_the_form_and_a_reason(client, session):
    cases = {"": "Hãy nhập từ cần tìm", "   ": "Hãy nhập từ cần tìm", "?!… —": "ít nhất một chữ hoặc số",
             "lừa " * 60: "dài quá 200 ký tự"}
    for query, reason in cases.items():
        response = client.get("/tim-kiem", query_string={"q": query})
        page = response.get_data(as_text=True)
        assert response.status_code == 200, query
        assert reason in page and 'role="search"' in page, query
    assert client.get("/tim-kiem", query_string={"q": "lua", "page": "x"}).status_code == 400


def test_search_syntax_in_the_query_is_searched_as_words(client, session, session_factory, now):
    Portal(session, session_factory, now).publish("Cảnh giác lừa đảo qua mạng")
    for query in ('"lua', "lua*", "NEAR(lua dao)", "lua:* | !dao", "-lua", "'; --"):
        assert client.get("/tim-kiem", query_string={"q": query}).status_code == 200, query


def test_the_header_offers_the_search(client, session):
    assert 'href="/tim-kiem"' in client.get("/").get_data(as_text=True)
    client.get(switch(client, "en", "/tim-kiem"))
    page = client.get("/tim-kiem?q=lua").get_data(as_text=True)
    assert "Words to look for" in page


def test_one_address_is_held_to_its_searches_a_minute(client, app):
    app.config["SEARCH_RATE_LIMIT"] = "5 per minute"
    answers = [client.get("/tim-kiem", query_string={"q": f"lua dao {n}"}) for n in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert int(answers[-1].headers["Retry-After"]) > 0
    # Another address is not held back by the first one's searches.
    other = client.get("/tim-kiem", query_string={"q": "lua dao"}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert other.status_code == 200
