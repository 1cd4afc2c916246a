"""The issue's walk, in a browser on a phone: from the home page to a story, a search typed without diacritics,
and an area followed through its RSS feed."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from tests.public_world import build_public_world

pytestmark = pytest.mark.browser


def test_home_to_a_story_then_search_without_diacritics_then_follow_an_area(app, session, session_factory, now,
                                                                           clock, tmp_path, live_server, browser):
    world = build_public_world(app, session, session_factory, now, clock, tmp_path)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server}/")

    page.locator("a", has_text="trả lại ví cho người đánh rơi").first.click()
    page.wait_for_url(f"{live_server}/tin/{world.story.slug}")
    assert "trả lại ví" in page.locator("h1").inner_text()
    assert "Đinh Văn Sơn" not in page.locator("article.message").inner_text()  # no consent: the name is masked
    assert page.locator("article.message img").evaluate("img => img.complete && img.naturalWidth > 0")

    page.get_by_role("link", name="Tìm kiếm").click()
    page.get_by_label("Từ cần tìm").fill("lua dao")
    page.get_by_label("Từ cần tìm").press("Enter")
    page.wait_for_url("**/tim-kiem?q=lua+dao")
    first = page.locator("main article.card").first
    assert first.locator("h2 mark").all_inner_texts() == ["lừa", "đảo"]
    assert "<script>" in first.locator("h2").inner_text()  # the hostile title is shown as text, not run
    first.locator("h2 a").click()
    page.wait_for_url(f"{live_server}/tin/{world.for_commune.slug}")

    page.goto(f"{live_server}/dia-ban/{world.commune.code}")
    assert page.locator("h1").inner_text() == "Xã Bình Minh"
    rss = page.locator(".follow a", has_text="RSS")
    href = rss.get_attribute("href")
    assert href == f"/dia-ban/{world.commune.code}/feed.rss"
    response = page.request.get(f"{live_server}{href}")
    assert response.ok and response.headers["content-type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.body()).find("channel")
    assert channel is not None
    titles = [item.findtext("title") for item in channel.iter("item")]
    # The commune's own message, and what targets its province; the other province's withdrawn notice is absent.
    assert world.for_commune.title in titles and world.for_province.title in titles
    assert world.story.current_revision.public_title in titles and world.withdrawn.title not in titles
