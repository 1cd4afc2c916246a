"""Bare web addresses in cleaned HTML made into links, as bleach's linkifier always made them, in linear time.

bleach's `Linker` re-parses the whole page with html5lib (0.75 s for a 20,000-character table) and its
address pattern starts with `\\(*`, so a run of "(" costs its square (28 s for 50,000). This pass reads
nh3's output instead, where every "<" opens a tag and text is escaped, and finds addresses with a pattern
that can start only at the beginning of a word: each character is looked at a bounded number of times.
The rule is bleach's: "http(s)://…", or a domain ending in a known top-level domain ("congan.vn", "www.…"),
never inside a link, `pre` or `code`, without e-mail addresses; a trailing ".", "," or unmatched ")"
belongs to the sentence.
"""

from __future__ import annotations

import re

from bleach.linkifier import TLDS

# In cleaned HTML text "<" is always "&lt;", so this splits tags from text exactly.
_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)[^>]*>")
_SKIPPED = frozenset({"a", "pre", "code"})
# A start never follows a letter, digit, "@", ".", ":", "/" or "-": inside a run of those only its first
# character can start an address, so no run is scanned twice.
_ADDRESS = re.compile(
    r"(?<![\w@.:/-])(?:https?://)?(?:[\w-]+\.)+(?:" + "|".join(sorted(TLDS, reverse=True)) + r")\b"
    r"(?::\d{1,5})?(?:[/?#](?:[^\s<>\"&]|&amp;)*)?",
    re.IGNORECASE,
)


def _sentence_end(address: str) -> int:
    """Where `address` ends once the punctuation of the sentence around it is given back."""
    end = len(address)
    unmatched_closing = address.count(")") - address.count("(")
    while end:
        last = address[end - 1]
        if last in ".,":
            end -= 1
        elif last == ")" and unmatched_closing > 0:
            end -= 1
            unmatched_closing -= 1
        else:
            break
    return end


def _link(match: re.Match[str]) -> str:
    address = match.group(0)
    end = _sentence_end(address)
    text, rest = address[:end], address[end:]
    if "." not in text.split("://")[-1].split("/")[0]:  # what is left is no longer a domain
        return address
    href = text if "://" in text else f"http://{text}"
    return f'<a href="{href}">{text}</a>{rest}'


def link_bare_addresses(cleaned: str) -> str:
    """`cleaned` (nh3's output) with every bare address outside links and code made a link."""
    parts: list[str] = []
    skipped = 0  # open a, pre or code elements around the current text
    position = 0
    for tag in _TAG.finditer(cleaned):
        text = cleaned[position:tag.start()]
        parts.append(text if skipped else _ADDRESS.sub(_link, text))
        parts.append(tag.group(0))
        if tag.group(2) in _SKIPPED:
            skipped = max(0, skipped + (-1 if tag.group(1) else 1))
        position = tag.end()
    tail = cleaned[position:]
    parts.append(tail if skipped else _ADDRESS.sub(_link, tail))
    return "".join(parts)
