"""The one Markdown → HTML path: formatting survives, anything that could run does not."""

from __future__ import annotations

import time

import pytest

import content.rendering
from content.rendering import HARD_MAX_BRACKETS, render_markdown
from tests.samples import HOSTILE


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_markdown_leaves_nothing_that_can_run(source):
    html = render_markdown(source).lower()
    for needle in ("<script", "javascript:", "vbscript:", "data:", "onerror", "onload", "onclick", "<iframe",
                   "<svg", "<form", "style="):
        assert needle not in html, (needle, html)


def test_formatting_survives_sanitizing():
    html = render_markdown("## Lưu ý\n\n**Gọi 113** khi cần.\n\n- một\n- hai\n\n[Cổng](https://congan.example.vn)")
    assert "<h2>Lưu ý</h2>" in html
    assert "<strong>Gọi 113</strong>" in html
    assert "<li>một</li>" in html
    assert '<a href="https://congan.example.vn" rel="nofollow noopener">Cổng</a>' in html


def test_bare_links_become_links_and_phone_links_are_kept():
    html = render_markdown("Xem https://congan.example.vn và [gọi](tel:113)")
    assert '<a href="https://congan.example.vn" rel="nofollow noopener">' in html
    assert '<a href="tel:113">gọi</a>' in html


def test_raw_html_is_cleaned_with_its_invisible_content_gone():
    html = render_markdown("Trước <style>p{color:red}</style><script>alert(1)</script><svg><text>vẽ</text></svg>sau "
                           "<sub>2</sub> <abbr title=\"Công an\">CA</abbr>")
    assert html == '<p>Trước sau <sub>2</sub> <abbr title="Công an">CA</abbr></p>'


def test_only_external_links_are_marked_nofollow_whatever_rel_the_author_wrote():
    html = render_markdown('<a href="HTTPS://a.vn" rel="author">a</a> <a href="/tin/1" rel="author">b</a> '
                           '<a title="x > y" href="mailto:a@b.vn">c</a>')
    assert '<a href="HTTPS://a.vn" rel="nofollow noopener">a</a>' in html
    assert '<a href="/tin/1">b</a>' in html
    assert '<a title="x &gt; y" href="mailto:a@b.vn">c</a>' in html


def test_tables_keep_their_alignment_and_code_is_never_linked():
    html = render_markdown("| Số | Việc |\n|:-|--:|\n| 113 | Công an |\n\n`https://a.vn` https://b.vn")
    assert '<th align="left">Số</th>' in html and '<td align="right">Công an</td>' in html
    assert "<code>https://a.vn</code>" in html and '<a href="https://b.vn" rel="nofollow noopener">' in html


def test_a_deeply_nested_list_does_not_crash_the_renderer():
    assert render_markdown("- " * 10_000 + "a")


def test_bare_addresses_are_linked_as_before_but_never_in_code_nor_with_the_sentences_punctuation():
    html = render_markdown("Xem congan.example.vn, www.tinhdoan.vn và (https://a.vn/x_(y)).\n\n"
                           "    https://code.vn\n\n`http://d.vn` thư a@b.vn")
    assert '<a href="http://congan.example.vn" rel="nofollow noopener">congan.example.vn</a>,' in html
    assert '<a href="http://www.tinhdoan.vn" rel="nofollow noopener">www.tinhdoan.vn</a>' in html
    assert '(<a href="https://a.vn/x_(y)" rel="nofollow noopener">https://a.vn/x_(y)</a>).' in html
    assert "<code>https://code.vn\n</code>" in html and "<code>http://d.vn</code>" in html
    assert "a@b.vn" in html and 'href="http://b.vn"' not in html


def test_a_run_of_parentheses_is_not_read_once_per_parenthesis():
    # bleach's linkifier read the rest of the run from each "(": 50,000 of them took 40 s.
    started = time.monotonic()
    assert "(((" in render_markdown("Xem (" + "(" * 49_990)
    assert time.monotonic() - started < 10


def test_a_recursion_error_in_the_parser_shows_the_text_instead_of_failing(monkeypatch):
    def too_deep(*_args: object, **_options: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(content.rendering.markdown, "markdown", too_deep)
    assert render_markdown("> > Gọi <b>113</b> khi cần hỗ trợ.") == "<p>&gt; &gt; Gọi &lt;b&gt;113&lt;/b&gt; khi cần hỗ trợ.</p>"


def test_stored_text_past_a_parser_ceiling_is_shown_as_plain_text_without_parsing(monkeypatch):
    parsed: list[str] = []
    monkeypatch.setattr(content.rendering.markdown, "markdown", lambda source, **_: parsed.append(source) or "")
    assert render_markdown("[" * (HARD_MAX_BRACKETS + 1)) == f"<p>{'[' * (HARD_MAX_BRACKETS + 1)}</p>"
    assert render_markdown("<![CDATA[" * 11 + " cũ").startswith("<p>&lt;![CDATA[")
    assert parsed == []
