"""Markdown input has bounds an editor can read, and everything within them renders."""

from __future__ import annotations

import pytest

from bench.adversarial_markdown import PIECES, deepest_list, largest_accepted
from content.markdown_bounds import MAX_DEPTH, MAX_LINKS, MAX_MARKDOWN_CHARS, markdown_bound_error
from content.rendering import render_markdown

ARTICLE = "## Lưu ý\n\n> Gọi **113**:\n>\n> - khi bị đe dọa\n>   - kể cả qua [mạng](https://congan.example.vn)\n"


def test_a_real_article_is_within_every_bound():
    assert markdown_bound_error(ARTICLE * 200) is None


@pytest.mark.parametrize("source, words", [
    ("x" * (MAX_MARKDOWN_CHARS + 1), f"vượt giới hạn {MAX_MARKDOWN_CHARS:,}"),
    (deepest_list(), f"vượt giới hạn {MAX_DEPTH} tầng"),
    (">" * 10_000 + " a", f"vượt giới hạn {MAX_DEPTH} tầng"),
    ("[a](https://a.vn) " * (MAX_LINKS + 1), f"vượt giới hạn {MAX_LINKS:,}"),
    ("<div>" * 10_000, "thẻ HTML"),
    ("*a* " * 12_000, "hãy chia thành nhiều tin"),
    ("a\n" * 6_000, "dòng"),
])
def test_input_past_a_bound_is_refused_with_a_reason(source, words):
    assert words in (markdown_bound_error(source) or "")


@pytest.mark.parametrize("name", sorted(PIECES))
def test_the_largest_accepted_adversarial_input_renders_without_anything_that_runs(name):
    source = largest_accepted(PIECES[name])
    assert markdown_bound_error(source) is None
    html = render_markdown(source).lower()
    assert "<script" not in html and "<svg" not in html and "<div" not in html


def test_text_past_the_renderers_own_ceiling_is_shown_as_plain_text():
    # Stored before the bounds existed: shown escaped rather than costing seconds (or a crash) to render.
    html = render_markdown(deepest_list())
    assert html.startswith("<p>- - - ") and "<ul>" not in html
