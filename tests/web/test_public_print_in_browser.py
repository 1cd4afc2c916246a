"""A public message prints as the message alone: no header, navigation or footer, the full page width, and the
address of each link that leaves the site written after it."""

from __future__ import annotations

import re

import pytest

from tests.public_world import build_public_world

pytestmark = pytest.mark.browser


def test_a_story_prints_on_one_a4_page_as_the_message_alone(app, session, session_factory, now, clock, tmp_path,
                                                            live_server, browser):
    world = build_public_world(app, session, session_factory, now, clock, tmp_path)
    page = browser.new_page()
    page.goto(f"{live_server}/tin/{world.story.slug}")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['header.site', 'footer.site', '.breadcrumbs', 'a.skip']
        .map(s => [s, getComputedStyle(document.querySelector(s)).display]))""")
    assert shown == {"header.site": "none", "footer.site": "none", ".breadcrumbs": "none", "a.skip": "none"}
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") == "none"
    after = page.evaluate("""() => [...document.querySelectorAll('article.message a')]
        .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
    assert ["https://xa-binh-minh.example.vn/tin-tuc", '" (https://xa-binh-minh.example.vn/tin-tuc)"'] in after
    assert all(content == "none" for href, content in after if href.startswith("/"))  # inside the site
    image = page.locator("article.message img").bounding_box()
    assert image is not None and image["height"] < 12 / 2.54 * 96 + 1
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
