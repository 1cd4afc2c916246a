"""Markdown input has bounds an editor can read, and everything within them renders."""

from __future__ import annotations

import pytest

from bench.adversarial_markdown import PIECES, deepest_list, largest_accepted
from content.markdown_bounds import (
    MAX_BACKSLASHES,
    MAX_BRACKETS,
    MAX_DEPTH,
    MAX_EMPHASIS_MARKS,
    MAX_FENCES,
    MAX_HEADINGS_AND_RULES,
    MAX_HTML_DECLARATIONS,
    MAX_HTML_TAGS,
    MAX_LINKS,
    MAX_MARKDOWN_CHARS,
    MAX_SPACE_RUN,
    markdown_bound_error,
)
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
    # What makes Python-Markdown superlinear, each refused before it is parsed.
    ("[" * (MAX_BRACKETS + 1), f"{MAX_BRACKETS + 1:,} dấu ["),
    ("Mở đầu.\n\n" + "[" * 300 + "a" * 5_000, "Dấu [ hoặc ( ở dòng 3 không được đóng"),
    ('[a](b ")' * 100 + "c" * 10_000, "không được đóng"),
    ("``x`" * 100 + "y" * 30_000, "Dòng 1 vừa dài vừa có nhiều dấu `"),
    ("<b>" * (MAX_HTML_TAGS + 1), "thẻ HTML"),
    ("<![CDATA[" * (MAX_HTML_DECLARATIONS + 1), "khai báo HTML"),
    ("# Mục\n" * (MAX_HEADINGS_AND_RULES + 1), "tiêu đề và đường kẻ"),
    ("Mục\n===\n" * (MAX_HEADINGS_AND_RULES + 1), "tiêu đề và đường kẻ"),
    ("```a\n" * (MAX_FENCES + 1), "dòng ``` hoặc ~~~"),
    ("```" + " " * (MAX_SPACE_RUN + 1) + "\n", "dấu cách liền nhau"),
    ("\\" * (MAX_BACKSLASHES + 1), "dấu \\"),
    ("*" * (MAX_EMPHASIS_MARKS + 1), "dấu * và _"),
])
def test_input_past_a_bound_is_refused_with_a_reason(source, words):
    assert words in (markdown_bound_error(source) or "")


@pytest.mark.parametrize("name", sorted(PIECES))
def test_the_largest_accepted_adversarial_input_renders_without_anything_that_runs(name):
    source = largest_accepted(PIECES[name])
    assert markdown_bound_error(source) is None
    html = render_markdown(source).lower()
    assert "<script" not in html and "<svg" not in html and "<div" not in html


def test_links_that_close_cost_nothing_however_many_brackets_a_paragraph_holds():
    paragraph = " ".join(f"[nguồn {i}](https://congan.example.vn/tin/{i})" for i in range(400))
    assert markdown_bound_error("Đọc thêm:\n" + paragraph + "\n" + "Hết. " * 5_000) is None


def test_inline_nesting_is_measured_on_what_is_published():
    # One line, no list or quote markers: only the rendered HTML shows 30 levels of emphasis.
    source = "".join(f"{'*' if i % 2 else '_'}a " for i in range(30)) + "b" + "".join(
        f" c{'*' if i % 2 else '_'}" for i in reversed(range(30)))
    html_depth_error = markdown_bound_error(source)
    assert render_markdown(source).count("<em>") >= MAX_DEPTH
    assert html_depth_error is not None and f"vượt giới hạn {MAX_DEPTH} tầng" in html_depth_error


def test_text_past_the_renderers_own_ceiling_is_shown_as_plain_text():
    # Stored before the bounds existed: shown escaped rather than costing seconds (or a crash) to render.
    html = render_markdown(deepest_list())
    assert html.startswith("<p>- - - ") and "<ul>" not in html
