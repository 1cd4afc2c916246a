"""The words to read: no markup, no pictures, no links, no emoji, no hashtags."""

from __future__ import annotations

import re
import unicodedata

from content.html_text import html_to_text
from content.rendering import render_markdown

# The last character of an address is never the full stop or comma of the sentence around it.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)]", re.IGNORECASE)
# Each address is tried from its first character only: a 100 KB word is then one try, not 100,000.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Addresses typed without a scheme or "www." are not made links, so they reach here as bare text.
_DOMAIN = re.compile(r"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|edu|info)\b(?:/[^\s<>\"]*[^\s<>\".,;:!?)])?",
                     re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.@])@\w[\w.]*\w|(?<![\w.@])@\w")
_HASHTAG = re.compile(r"(?<![\w&])#\w+")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +([,.;:!?…])")
# What is left of "tại https://…, hoặc …" once the address is gone.
_REPEATED_PUNCTUATION = re.compile(r"([,;:])(?:\s*[,;:])+")
_KEEP_SYMBOLS = frozenset("°")
_ZERO_WIDTH = frozenset("\u200d\ufe0f\ufe0e\u20e3")


def _is_emoji_or_pictograph(char: str) -> bool:
    if char in _KEEP_SYMBOLS:
        return False
    category = unicodedata.category(char)
    # So: emoji and pictographs; Sk: skin tones; arrows are Sm but read as nothing useful.
    return char in _ZERO_WIDTH or category in ("So", "Sk") or "\u2190" <= char <= "\u21ff"


def strip_symbols(text: str) -> str:
    return "".join(c for c in text if not _is_emoji_or_pictograph(c))


def remove_addresses(text: str, pointer: str | None) -> str:
    """Links, e-mail addresses and @handles are never spelled out; at most a pointer says where to look."""
    replacement = f" {pointer} " if pointer else " "
    for pattern in (_URL, _EMAIL, _DOMAIN, _HANDLE):
        text = pattern.sub(replacement, text)
    if pointer:
        # "tại A, B" should not name the same place twice.
        repeated = re.compile(rf"({re.escape(pointer)})(?:[\s,;]+(?:hoặc|và)?\s*{re.escape(pointer)})+")
        text = repeated.sub(r"\1", text)
    return _HASHTAG.sub(" ", text)


def tidy(line: str) -> str:
    line = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", line))
    return _REPEATED_PUNCTUATION.sub(r"\1", line).strip()


def html_lines(body_html: str, *, pointer: str | None = None) -> list[str]:
    """Sanitized HTML → one line per paragraph, heading or list item, as written but without markup."""
    text = strip_symbols(remove_addresses(html_to_text(body_html), pointer))
    lines = (tidy(line) for line in text.splitlines())
    return [line for line in lines if line]


def plain_lines(source_md: str, *, pointer: str | None = None) -> list[str]:
    """Markdown → one line per paragraph, heading or list item, as written but without markup."""
    return html_lines(render_markdown(source_md), pointer=pointer)
