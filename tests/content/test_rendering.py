"""The one Markdown → HTML path: formatting survives, anything that could run does not."""

from __future__ import annotations

import pytest

from content.rendering import render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "[bấm](javascript:alert(1))",
    "[bấm](JaVaScRiPt:alert(1))",
    "[bấm](&#106;avascript:alert(1))",
    "[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">bấm</p>',
    "<<script>script>alert(1)<</script>/script>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '![ảnh](javascript:alert(1))',
    '<form action="https://evil.example"><input name=x></form>',
]


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
