"""How long a spoken text takes on air: its syllables at the reader's pace, plus the breaths between sentences."""

from __future__ import annotations

import math
import re
import unicodedata

from content.spoken.tables import (
    CLAUSE_PAUSE_SECONDS,
    PARAGRAPH_PAUSE_SECONDS,
    SENTENCE_PAUSE_SECONDS,
    SYLLABLES_PER_MINUTE,
)

# Vietnamese writes one syllable a word; loan words are hyphenated by syllable ("ki-lô-mét").
_SYLLABLE = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s)")
# A comma, semicolon or colon inside a line is a short breath: digit groups of a phone number, items of a list.
_CLAUSE_END = re.compile(r"[,;:](?=\s)")


def count_syllables(text: str) -> int:
    # NFC first: a decomposed accent is not a word character and would split a syllable in two.
    return len(_SYLLABLE.findall(unicodedata.normalize("NFC", text)))


def count_pauses(text: str) -> tuple[int, int]:
    """Sentence ends inside a paragraph, and paragraph breaks (one paragraph a line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return sum(len(_SENTENCE_END.findall(line)) for line in lines), max(len(lines) - 1, 0)


def count_clause_pauses(text: str) -> int:
    return len(_CLAUSE_END.findall(text))


def estimate_seconds(text: str, *, pace: int = SYLLABLES_PER_MINUTE, sentence_pause: float = SENTENCE_PAUSE_SECONDS,
                     paragraph_pause: float = PARAGRAPH_PAUSE_SECONDS,
                     clause_pause: float = CLAUSE_PAUSE_SECONDS) -> int:
    """Whole seconds, rounded up: a slot planned on this estimate must not run over.

    :param pace: syllables a minute; 190 suits outdoor horn loudspeakers.
    """
    sentences, paragraphs = count_pauses(text)
    seconds = (count_syllables(text) * 60 / pace + sentences * sentence_pause + paragraphs * paragraph_pause
               + count_clause_pauses(text) * clause_pause)
    # Rounded first, so 190 syllables at 190 a minute is 60 s, not 61 s from a floating-point crumb.
    return math.ceil(round(seconds, 6))
