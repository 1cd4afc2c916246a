"""The loudspeaker's text: what a radio operator reads aloud, with no links or markup."""

from __future__ import annotations

import html
import math
import re

from content.models import Message
from content.rendering import render_markdown
from content.stories import public_text

# A comfortable pace for outdoor horn loudspeakers.
SYLLABLES_PER_MINUTE = 190
_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_BLOCK_END = re.compile(r"</(p|h\d|li|blockquote|tr)>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +([,.;:!?])")


def to_spoken(source_md: str) -> str:
    """Markdown → plain sentences, one paragraph a line, links reduced to their words."""
    rendered = _BLOCK_END.sub("\n", render_markdown(source_md)).replace("<br>", "\n")
    # Inline tags (<strong>, <a>) vanish without a trace; blocks already became line breaks.
    text = html.unescape(_TAG.sub("", rendered))
    text = _EMAIL.sub("", _URL.sub("", text))
    lines = (_SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", line)).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def spoken_text(message: Message) -> str:
    if message.spoken_override:
        return public_text(message, message.spoken_override.strip())
    title = message.title.strip()
    ending = "" if title.endswith((".", "!", "?", "…")) else "."
    return public_text(message, f"{title}{ending}\n{to_spoken(message.body_md)}")


def estimate_seconds(text: str, *, pace: int = SYLLABLES_PER_MINUTE) -> int:
    """Vietnamese writes one syllable per word, so words over pace is the read time."""
    return math.ceil(len(text.split()) * 60 / pace)
