"""How much Markdown one message may hold: generous for any real article, small enough that its preview,
published HTML and spoken text each take well under a second to build.

The demo articles run 500 to 1,300 characters, 10 to 20 lines and 1 to 2 levels of nesting; the benchmark's
long articles 2,200 characters. Every limit below is at least 25 times what they use. `bench/markdown_bounds.py`
renders the worst input each limit still accepts.
"""

from __future__ import annotations

from content.markdown_scan import count_markdown
from content.rendering import measure_html, render_markdown
from content.wording import Text

# About 10,000 words, an hour on the loudspeaker. The spoken form is built in pure Python at roughly
# 10 µs a character, so this is what keeps a preview of any accepted text near half a second.
MAX_MARKDOWN_CHARS = 50_000
# Each line is read aloud on its own (a few dozen regular expressions each); a real article has one
# line per paragraph or list item.
MAX_LINES = 5_000
# Elements inside elements (a list in a quote in a list, bold in a link): real text needs 6 or 7. Cleaning
# HTML costs the square of its depth, Python-Markdown recurses once a level, and a browser draws a
# 10,000-deep list no better than a flat one.
MAX_DEPTH = 24
# Paragraphs, list items, table cells, bold and italic runs: a 50,000-character article has about 1,500.
MAX_ELEMENTS = 10_000
# Links and pictures; a page with more is a directory, not a message.
MAX_LINKS = 500
# Each "[" costs Python-Markdown a scan for its "]": 500 links need 500.
MAX_BRACKETS = 1_000
# Characters read looking for the "]" and ")" of links (an escape counts as the 15 it becomes): a real
# article reads each link once (500 links of 100 characters read 50,000); unclosed brackets before a long
# paragraph read it once each.
MAX_BRACKET_SCAN = 500_000
# Backticks on a line times its length: inline code on ordinary lines costs a few thousand.
MAX_BACKTICK_SCAN = 2_000_000
# HTML typed into Markdown ("<br>", "<sub>"): allowed, but Markdown is the way to format.
MAX_HTML_TAGS = 200
# "<!DOCTYPE", "<![CDATA[", "<?xml": nothing a message needs, and each is sought to the end of the text.
MAX_HTML_DECLARATIONS = 5
# Headings, "===" and "---" underlines and rules: one per section is plenty.
MAX_HEADINGS_AND_RULES = 500
# Lines that open or close a code block (``` or ~~~): 50 blocks.
MAX_FENCES = 100
# Spaces in a row: indentation needs a few dozen.
MAX_SPACE_RUN = 200
MAX_BACKSLASHES = 5_000
# "*" and "_": bold, italic and bullets.
MAX_EMPHASIS_MARKS = 10_000


TOO_DEEP = Text("Nội dung lồng nhau %(n)s tầng (danh sách, trích dẫn, định dạng trong nhau), vượt giới hạn "
                "%(limit)s tầng.")
# What the linear scan counts, its limit, and the editor's reason (n: the count, line: where the scan stopped).
_PARSER_BOUNDS: tuple[tuple[str, int, Text], ...] = (
    ("lines", MAX_LINES, Text("Nội dung có %(n)s dòng, vượt giới hạn %(limit)s dòng.")),
    ("nesting", MAX_DEPTH, TOO_DEEP),
    ("brackets", MAX_BRACKETS, Text("Nội dung có %(n)s dấu [, vượt giới hạn %(limit)s; "
                                    "dấu [ không dùng cho liên kết hãy viết \\[.")),
    ("bracket_scan", MAX_BRACKET_SCAN, Text("Dấu [ hoặc ( ở dòng %(line)s không được đóng trong một "
                                            "đoạn dài; hãy đóng nó bằng ] hoặc ), viết \\[ hoặc \\(, hoặc tách đoạn "
                                            "bằng một dòng trống.")),
    ("backtick_scan", MAX_BACKTICK_SCAN, Text("Dòng %(line)s vừa dài vừa có nhiều dấu `; "
                                              "hãy xuống dòng hoặc bớt dấu `.")),
    ("raw_tags", MAX_HTML_TAGS, Text("Nội dung có %(n)s thẻ HTML, vượt giới hạn %(limit)s; "
                                     "hãy định dạng bằng Markdown (**đậm**, - danh sách).")),
    ("declarations", MAX_HTML_DECLARATIONS, Text("Nội dung có %(n)s khai báo HTML (<!…>, <?…>), "
                                                 "vượt giới hạn %(limit)s.")),
    ("headings_and_rules", MAX_HEADINGS_AND_RULES, Text("Nội dung có %(n)s tiêu đề và đường kẻ, "
                                                        "vượt giới hạn %(limit)s; hãy chia thành nhiều tin.")),
    ("fences", MAX_FENCES, Text("Nội dung có %(n)s dòng ``` hoặc ~~~, vượt giới hạn %(limit)s.")),
    ("longest_space_run", MAX_SPACE_RUN, Text("Nội dung có %(n)s dấu cách liền nhau, vượt giới hạn %(limit)s.")),
    ("backslashes", MAX_BACKSLASHES, Text("Nội dung có %(n)s dấu \\, vượt giới hạn %(limit)s.")),
    ("emphasis_marks", MAX_EMPHASIS_MARKS, Text("Nội dung có %(n)s dấu * và _, vượt giới hạn %(limit)s; "
                                                "hãy chia thành nhiều tin.")),
)


def markdown_bound_error(source: str) -> Text | None:
    """Why `source` is too big to publish, in words for the editor; None when it is within every bound.

    The counts that keep the parser fast are checked before anything is parsed; then the text is rendered
    (as publishing will, and cached for it) and its HTML measured.
    """
    if len(source) > MAX_MARKDOWN_CHARS:
        return Text("Nội dung dài %(n)s ký tự, vượt giới hạn %(limit)s.", n=f"{len(source):,}",
                    limit=f"{MAX_MARKDOWN_CHARS:,}")
    counts = count_markdown(source)
    for name, limit, reason in _PARSER_BOUNDS:
        if (value := getattr(counts, name)) > limit:
            # Only one of the scan lines is named by each reason; % formatting ignores the other.
            line = counts.bracket_scan_line if name == "bracket_scan" else counts.backtick_scan_line
            return reason.fill(n=f"{value:,}", limit=f"{limit:,}", line=f"{line:,}")
    shape = measure_html(render_markdown(source))
    if shape.depth > MAX_DEPTH:
        return TOO_DEEP.fill(n=f"{shape.depth:,}", limit=f"{MAX_DEPTH:,}")
    if shape.elements > MAX_ELEMENTS:
        return Text("Nội dung có %(n)s đoạn, mục và định dạng, vượt giới hạn %(limit)s; hãy chia thành nhiều tin.",
                    n=f"{shape.elements:,}", limit=f"{MAX_ELEMENTS:,}")
    if shape.links > MAX_LINKS:
        return Text("Nội dung có %(n)s liên kết và ảnh, vượt giới hạn %(limit)s.", n=f"{shape.links:,}",
                    limit=f"{MAX_LINKS:,}")
    return None

