"""Each followed feed lists what concerns it: a commune hears its province, a campaign its own sent messages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from campaigns import portal_lists, published_sets
from tests.feed_world import BASE_URL, HOSTILE_TITLE, build_feed_world

ATOM = "{http://www.w3.org/2005/Atom}"
PROVINCE_NEWS = "Tỉnh Thanh Thủy ra quân giữ bình yên"
ELSEWHERE = "Hà Sơn thông báo mất điện"
UNSENT = "Tin chưa gửi của tỉnh"


@pytest.fixture
def world(app, session, session_factory, now, tmp_path):  # type: ignore[no-untyped-def]
    app.config.update(SERVER_NAME=None, BASE_URL=BASE_URL, MEDIA_ROOT=tmp_path / "media")
    return build_feed_world(session, session_factory, now, tmp_path / "media")


def rss_titles(client, path: str) -> set[str]:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200, path
    return {item.findtext("title") for item in ET.fromstring(response.data).iter("item")}


def atom_titles(client, path: str) -> set[str]:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200, path
    return {entry.findtext(f"{ATOM}title") for entry in ET.fromstring(response.data).iter(f"{ATOM}entry")}


def test_a_commune_feed_carries_its_province_messages_and_not_another_province(client, world):
    path = f"/dia-ban/{world.commune.code}/feed"
    assert rss_titles(client, f"{path}.rss") == {PROVINCE_NEWS, HOSTILE_TITLE}
    assert atom_titles(client, f"{path}.atom") == {PROVINCE_NEWS, HOSTILE_TITLE}


def test_a_province_feed_does_not_carry_what_targets_only_one_of_its_communes(client, world):
    assert rss_titles(client, f"/dia-ban/{world.province.code}/feed.rss") == {PROVINCE_NEWS}
    assert rss_titles(client, f"/dia-ban/{world.other_province.code}/feed.rss") == {ELSEWHERE}


def test_campaign_and_topic_feeds_list_only_their_sent_messages(client, world):
    # The unsent message is in the campaign and on the topic, but the public has not been told it yet.
    assert rss_titles(client, "/chien-dich/thang-cao-diem/feed.rss") == {PROVINCE_NEWS}
    assert atom_titles(client, "/chu-de/lua-dao-qua-mang/feed.atom") == {PROVINCE_NEWS}


def test_a_kind_feed_lists_that_kind_only(client, world):
    assert rss_titles(client, "/loai/notice/feed.rss") == {ELSEWHERE}
    assert atom_titles(client, "/loai/article/feed.atom") == {PROVINCE_NEWS, HOSTILE_TITLE}
    assert rss_titles(client, "/loai/story/feed.rss") == set()


def test_the_site_feed_never_lists_an_unsent_message(client, world):
    assert rss_titles(client, "/feed.rss") == {PROVINCE_NEWS, HOSTILE_TITLE, ELSEWHERE}


@pytest.mark.parametrize("path", ["/chien-dich/khong-co", "/chu-de/khong-co", "/dia-ban/99999", "/loai/tin-vit",
                                  "/loai/ARTICLE"])
@pytest.mark.parametrize("suffix", ["feed.rss", "feed.atom"])
def test_an_unknown_campaign_topic_area_or_kind_is_not_found(client, world, path, suffix):
    assert client.get(f"{path}/{suffix}").status_code == 404


def test_a_feed_holds_at_most_its_size(session, world):
    found = portal_lists.get_area(session, world.commune.code)
    assert len(published_sets.for_area(session, found, limit=1)) == 1
    assert len(published_sets.for_area(session, found, limit=50)) == 2


def test_a_followed_feed_answers_304_when_unchanged(client, world):
    first = client.get("/chu-de/lua-dao-qua-mang/feed.atom")
    again = client.get("/chu-de/lua-dao-qua-mang/feed.atom", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
