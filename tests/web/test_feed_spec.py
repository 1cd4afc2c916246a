"""Every feed (site, campaign, topic, area, kind) is correct by RSS 2.0 and RFC 4287, not merely parseable."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime

import pytest

from content.media import media_file_name
from content.messages import MessageInput, update_message
from content.models import MessageKind
from tests.feed_world import BASE_URL, HOSTILE_TITLE, build_feed_world

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
EVIL = "evil.example"
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TAG = re.compile(r"^tag:loa\.tinh-thu-nghiem\.vn,\d{4}-\d{2}-\d{2}:message/\d+$")
# Each feed's base path, and the page it mirrors (below the site).
FEEDS = {
    "site": ("", "/"),
    "campaign": ("/chien-dich/thang-cao-diem", "/chien-dich/thang-cao-diem"),
    "topic": ("/chu-de/lua-dao-qua-mang", "/chu-de/lua-dao-qua-mang"),
    "area": ("/dia-ban/{commune}", "/dia-ban/{commune}"),
    "kind": ("/loai/article", "/loai/article"),
}


@pytest.fixture
def world(app, session, session_factory, now, tmp_path):  # type: ignore[no-untyped-def]
    app.config.update(SERVER_NAME=None, BASE_URL=BASE_URL, MEDIA_ROOT=tmp_path / "media")
    return build_feed_world(session, session_factory, now, tmp_path / "media")


def paths(world, feed: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    base, page = FEEDS[feed]
    return base.format(commune=world.commune.code), page.format(commune=world.commune.code)


def get_xml(client, path: str) -> ET.Element:  # type: ignore[no-untyped-def]
    response = client.get(path, headers={"Host": EVIL, "X-Forwarded-Host": EVIL})
    assert response.status_code == 200, path
    assert EVIL.encode() not in response.data
    return ET.fromstring(response.data)


def rss_items(client, path: str) -> dict[str, ET.Element]:  # type: ignore[no-untyped-def]
    return {i.findtext("title"): i for i in get_xml(client, path).find("channel").findall("item")}


def atom_entries(client, path: str) -> dict[str, ET.Element]:  # type: ignore[no-untyped-def]
    return {e.findtext(f"{ATOM}title"): e for e in get_xml(client, path).findall(f"{ATOM}entry")}


@pytest.mark.parametrize("feed", FEEDS)
def test_the_rss_channel_links_the_site_and_names_itself_with_atom_self(client, world, feed):
    base, page = paths(world, feed)
    rss = get_xml(client, f"{base}/feed.rss")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") and channel.findtext("description")
    assert channel.findtext("link") == BASE_URL + page
    [self_link] = channel.findall(f"{ATOM}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == f"{BASE_URL}{base}/feed.rss"
    assert channel.findtext("language") == "vi"
    assert RFC822.match(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("title") and item.findtext("description")
        assert item.findtext("link").startswith(f"{BASE_URL}/tin/")
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and TAG.match(guid.text)
        published = item.findtext("pubDate")
        assert RFC822.match(published) and parsedate_to_datetime(published).tzinfo is not None


@pytest.mark.parametrize("feed", FEEDS)
def test_every_atom_entry_has_an_id_author_summary_and_html_content(client, world, feed):
    base, page = paths(world, feed)
    atom = get_xml(client, f"{base}/feed.atom")
    assert atom.tag == f"{ATOM}feed"
    assert atom.findtext(f"{ATOM}id") == f"{BASE_URL}{base}/feed.atom"
    assert RFC3339.match(atom.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in atom.findall(f"{ATOM}link")}
    assert links == {"self": f"{BASE_URL}{base}/feed.atom", "alternate": BASE_URL + page}
    # RFC 4287 4.1.1: without an author in every entry, the feed must have one.
    assert atom.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Tiếng loa an ninh"
    entries = atom.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert TAG.match(entry.findtext(f"{ATOM}id"))
        updated, published = entry.findtext(f"{ATOM}updated"), entry.findtext(f"{ATOM}published")
        assert RFC3339.match(updated) and RFC3339.match(published)
        assert datetime.fromisoformat(updated) >= datetime.fromisoformat(published)
        assert entry.findtext(f"{ATOM}summary")
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html" and "<p>" in content.text
        [alternate] = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
        assert alternate.get("href").startswith(f"{BASE_URL}/tin/")


def test_hostile_text_is_escaped_and_comes_back_whole(client, world):
    raw = client.get(f"/dia-ban/{world.commune.code}/feed.atom").data + client.get("/feed.rss").data
    assert b"<script" not in raw and b"]]>" not in raw.replace(b"]]&gt;", b"")
    [entry] = [e for t, e in atom_entries(client, f"/dia-ban/{world.commune.code}/feed.atom").items()
               if t == HOSTILE_TITLE]
    html = entry.find(f"{ATOM}content").text
    # The HTML itself is escaped once in the XML: parsed, it is markup again, with no live script in it.
    assert "<strong>mã OTP</strong>" in html and "<script>" not in html and "&amp;" in html
    item = rss_items(client, "/feed.rss")[HOSTILE_TITLE]
    assert "<strong>mã OTP</strong>" in item.findtext(CONTENT)


def test_an_entry_carries_its_picture_as_an_enclosure(client, world):
    picture = world.picture
    url = f"{BASE_URL}/media/{media_file_name(picture)}"
    title = world.for_province.current_revision.public_title
    enclosure = rss_items(client, "/chien-dich/thang-cao-diem/feed.rss")[title].find("enclosure")
    assert enclosure.attrib == {"url": url, "length": str(picture.byte_size), "type": "image/png"}
    entry = atom_entries(client, "/chien-dich/thang-cao-diem/feed.atom")[title]
    [link] = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert (link.get("href"), link.get("length"), link.get("type")) == (url, str(picture.byte_size), "image/png")
    with client.get(url.removeprefix(BASE_URL)) as served:
        assert served.status_code == 200 and len(served.data) == picture.byte_size
    assert rss_items(client, "/loai/notice/feed.rss")["Hà Sơn thông báo mất điện"].find("enclosure") is None


def test_ids_and_links_stay_the_same_after_an_edit(client, session, world, now):
    def ids(path: str) -> list[tuple[str, str]]:
        feed = get_xml(client, path)
        return sorted((e.findtext(f"{ATOM}id"), e.find(f"{ATOM}link").get("href")) for e in feed.iter(f"{ATOM}entry"))

    before = ids("/feed.atom")
    message = world.for_province
    update_message(session, message, world.editor,
                   MessageInput(kind=MessageKind.ARTICLE, title="Tỉnh Thanh Thủy ra quân (đã sửa)", body_md="Đã sửa.",
                                area_id=world.province.id, target_area_ids=(world.province.id,)),
                   expected_version=message.version, now=now.replace(hour=now.hour + 1))
    session.commit()
    assert ids("/feed.atom") == before
    assert "Tỉnh Thanh Thủy ra quân (đã sửa)" in atom_entries(client, "/feed.atom")


def test_dates_are_the_message_times_in_both_formats(client, world):
    item = rss_items(client, "/feed.rss")[world.elsewhere.current_revision.public_title]
    entry = atom_entries(client, "/feed.atom")[world.elsewhere.current_revision.public_title]
    published = world.elsewhere.published_at
    # RFC 822 has whole seconds.
    assert parsedate_to_datetime(item.findtext("pubDate")) == published.replace(microsecond=0)
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == published
