"""The site feeds: valid RSS and Atom, cacheable, and every link leads to a readable page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from campaigns.models import ChannelKind
from tests.factories import make_published_message


def test_the_rss_feed_lists_published_messages_with_their_html(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    channel = ET.fromstring(client.get("/feed.rss").data).find("channel")
    [item] = channel.findall("item")
    assert item.findtext("title") == message.title
    assert item.findtext("link").endswith(f"/tin/{message.slug}")
    assert "<strong>mã OTP</strong>" in item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert channel.findtext("language") == "vi"


def test_the_atom_feed_carries_the_same_entries(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    feed = ET.fromstring(client.get("/feed.atom").data)
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.findall("{http://www.w3.org/2005/Atom}entry")]
    assert titles == [message.title]


def test_an_unchanged_feed_answers_304_to_a_poller(client, session, session_factory, now):
    make_published_message(session, session_factory, now)
    first = client.get("/feed.rss")
    assert first.headers["ETag"]
    again = client.get("/feed.rss", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_a_message_sent_only_to_the_feed_still_has_a_page_to_link_to(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now, kinds=(ChannelKind.FEED,))
    assert message.title not in client.get("/").get_data(as_text=True)
    assert client.get(f"/tin/{message.slug}").status_code == 200


def test_a_message_that_was_never_published_is_not_found(client, session):
    response = client.get("/tin/khong-co-tin-nay")
    assert response.status_code == 404
    assert '<link rel="alternate" type="application/rss+xml"' in response.get_data(as_text=True)
