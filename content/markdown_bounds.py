"""How much Markdown one message may hold: generous for any real article, small enough that its preview,
published HTML and spoken text each take well under a second to build.

The demo articles run 500 to 1,300 characters, 10 to 20 lines and 1 to 2 levels of nesting; the benchmark's
long articles 2,200 characters. Every limit below is at least 25 times what they use. `bench/markdown_bounds.py`
renders the worst input each limit still accepts.
"""

from __future__ import annotations

from content.rendering import measure_markdown

# About 10,000 words, an hour on the loudspeaker. The spoken form is built in pure Python at roughly
# 10 µs a character, so this is what keeps a preview of any accepted text near half a second.
MAX_MARKDOWN_CHARS = 50_000
# Each line is read aloud on its own (a few dozen regular expressions each); a real article has one
# line per paragraph or list item.
MAX_LINES = 5_000
# Elements inside elements (a list in a quote in a list, bold in a link): real text needs 6 or 7. Cleaning
# HTML costs the square of its depth, and a browser draws a 10,000-deep list no better than a flat one.
MAX_DEPTH = 24
# Paragraphs, list items, table cells, bold and italic runs: a 50,000-character article has about 1,500.
MAX_ELEMENTS = 10_000
# Links and pictures; a page with more is a directory, not a message.
MAX_LINKS = 500
# HTML typed into Markdown ("<br>", "<sub>"): allowed, but Markdown is the way to format.
MAX_HTML_TAGS = 500


def markdown_bound_error(source: str) -> str | None:
    """Why `source` is too big to publish, in words for the editor; None when it is within every bound."""
    if len(source) > MAX_MARKDOWN_CHARS:
        return f"Nội dung dài {len(source):,} ký tự, vượt giới hạn {MAX_MARKDOWN_CHARS:,}."
    lines = source.count("\n") + 1
    if lines > MAX_LINES:
        return f"Nội dung có {lines:,} dòng, vượt giới hạn {MAX_LINES:,} dòng."
    shape = measure_markdown(source)
    if shape.raw_tags > MAX_HTML_TAGS:
        return (f"Nội dung có {shape.raw_tags:,} thẻ HTML, vượt giới hạn {MAX_HTML_TAGS:,}; "
                "hãy định dạng bằng Markdown (**đậm**, - danh sách).")
    if shape.depth > MAX_DEPTH:
        return (f"Nội dung lồng nhau {shape.depth:,} tầng (danh sách, trích dẫn, định dạng trong nhau), "
                f"vượt giới hạn {MAX_DEPTH} tầng.")
    if shape.elements > MAX_ELEMENTS:
        return (f"Nội dung có {shape.elements:,} đoạn, mục và định dạng, vượt giới hạn {MAX_ELEMENTS:,}; "
                "hãy chia thành nhiều tin.")
    if shape.links > MAX_LINKS:
        return f"Nội dung có {shape.links:,} liên kết và ảnh, vượt giới hạn {MAX_LINKS:,}."
    return None
