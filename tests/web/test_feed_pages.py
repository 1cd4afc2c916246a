"""The list of every feed (OPML and the follow page), sitemap.xml and robots.txt, with links from LOA_BASE_URL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.feed_world import BASE_URL, TOPIC_NAME, build_feed_world

EVIL = "evil.example"
FORGED = {"Host": EVIL, "X-Forwarded-Host": EVIL}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture
def world(app, session, session_factory, now, tmp_path):  # type: ignore[no-untyped-def]
    app.config.update(SERVER_NAME=None, BASE_URL=BASE_URL, MEDIA_ROOT=tmp_path / "media")
    return build_feed_world(session, session_factory, now, tmp_path / "media")


def expected_feeds(world) -> set[str]:  # type: ignore[no-untyped-def]
    bases = ["", "/loai/article", "/loai/story", "/loai/notice", "/chien-dich/thang-cao-diem",
             "/chu-de/lua-dao-qua-mang", *(f"/dia-ban/{a.code}" for a in (world.province, world.commune,
                                                                           world.other_province))]
    return {f"{BASE_URL}{base}/feed.rss" for base in bases}


def test_the_opml_file_lists_every_feed_with_escaped_vietnamese_titles(client, world):
    response = client.get("/feeds.opml", headers=FORGED)
    assert response.status_code == 200 and response.mimetype == "text/x-opml"
    assert EVIL.encode() not in response.data
    opml = ET.fromstring(response.data)
    assert opml.tag == "opml" and opml.get("version") == "2.0"
    assert opml.find("head").findtext("title")
    outlines = [o for o in opml.iter("outline") if o.get("xmlUrl")]
    assert {o.get("xmlUrl") for o in outlines} == expected_feeds(world)
    assert all(o.get("type") == "rss" and o.get("text") and o.get("htmlUrl").startswith(BASE_URL) for o in outlines)
    by_title = {o.get("text"): o for o in outlines}
    assert by_title[TOPIC_NAME].get("htmlUrl") == f"{BASE_URL}/chu-de/lua-dao-qua-mang"
    assert by_title["Xã Bình Minh"].get("xmlUrl") == f"{BASE_URL}/dia-ban/{world.commune.code}/feed.rss"
    assert b"<tai" not in response.data and b"&amp; chi" in response.data


def test_the_follow_page_explains_feeds_and_links_every_one(client, world):
    response = client.get("/theo-doi", headers=FORGED)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "RSS là gì?" in page and "ứng dụng đọc tin" in page
    for url in expected_feeds(world):
        assert f'href="{url}"' in page
        assert f'href="{url.removesuffix(".rss")}.atom"' in page
    assert "Lừa đảo &amp; chiếm đoạt &lt;tài sản&gt;" in page
    assert EVIL not in page


def test_the_sitemap_lists_published_messages_and_browse_pages_with_their_changes(client, world):
    response = client.get("/sitemap.xml", headers=FORGED)
    assert response.status_code == 200 and response.mimetype == "application/xml"
    urlset = ET.fromstring(response.data)
    assert urlset.tag == f"{SITEMAP}urlset"
    entries = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in urlset.iter(f"{SITEMAP}url")}
    assert all(loc.startswith(BASE_URL + "/") for loc in entries)
    for message in (world.for_province, world.for_commune, world.elsewhere):
        assert W3C_DATETIME.match(entries[f"{BASE_URL}/tin/{message.slug}"])
    assert f"{BASE_URL}/tin/{world.unsent.slug}" not in entries
    for page in ("/", "/chien-dich/thang-cao-diem", "/chu-de/lua-dao-qua-mang", f"/dia-ban/{world.commune.code}",
                 "/loai/notice"):
        assert W3C_DATETIME.match(entries[BASE_URL + page]), page
    # A kind nothing has been published in yet is listed without a change time.
    assert entries[f"{BASE_URL}/loai/story"] is None and f"{BASE_URL}/nguoi-tot-viec-tot" in entries


def test_robots_keeps_crawlers_out_of_the_private_paths_and_points_to_the_sitemap(client, world):
    response = client.get("/robots.txt", headers=FORGED)
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *" and "Allow: /" in lines
    for private in ("/desk/", "/admin/", "/radio/", "/r/"):
        assert f"Disallow: {private}" in lines
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in lines


def test_a_page_may_add_its_own_feeds_to_the_head(app):
    source = app.jinja_env.loader.get_source(app.jinja_env, "base.html")[0]
    head = source.split("</head>")[0]
    assert "{% block feeds %}{% endblock %}" in head


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt", "/feeds.opml"])
def test_an_unchanged_list_answers_304(client, world, path):
    first = client.get(path)
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_an_area_page_advertises_its_own_feed_and_the_feed_answers(client, world):
    page = client.get(f"/dia-ban/{world.commune.code}").get_data(as_text=True)
    head = page.split("</head>")[0]
    rss = f"/dia-ban/{world.commune.code}/feed.rss"
    assert f'type="application/rss+xml" title="Xã Bình Minh (RSS)" href="{rss}"' in head
    channel = ET.fromstring(client.get(rss).data).find("channel")
    assert channel.findtext("link") == f"{BASE_URL}/dia-ban/{world.commune.code}"
