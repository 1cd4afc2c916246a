"""Sanitized HTML back to its words: the one HTML-to-text step, for the spoken form and social posts alike.

A block (paragraph, heading, list item, table row, quote, code block) or a line break ends a paragraph;
every other tag (links, emphasis, pictures) vanishes without a trace, and with it link targets and alt
text. The input is `content.rendering.render_markdown`'s output, where text never holds "<" (it is
written "&lt;"), so stripping tags is a plain pattern and decoding entities afterwards cannot make one.
"""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|tr|pre)>|<br\s*/?>", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def html_to_text(body_html: str) -> str:
    """The text of the HTML: paragraphs separated by a blank line, line breaks inside them kept as written."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", body_html)))
    return unicodedata.normalize("NFC", text)


def html_paragraphs(body_html: str) -> list[str]:
    """The HTML's paragraphs, each on one line with its spaces collapsed: text for a social post."""
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(html_to_text(body_html)))
    return [paragraph for paragraph in paragraphs if paragraph]
