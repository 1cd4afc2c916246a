"""The words around a weekly programme: its name said first and last, the programme's own words inside.

The programme's name and its opening and closing words are typed by an admin ("Chuyên mục 19h thứ Năm",
"gọi 113"), so they go through the spoken form like a message does; the station's greeting and the
date are spelled out here, as for a daily slot (scheduler.radio_scripts.lines).
"""

from __future__ import annotations

import re
from datetime import date, time

from content.spoken import to_spoken
from content.spoken.rules import SpokenRules
from scheduler.radio_scripts.lines import say_clock, say_date

_LEADING_WORD = re.compile(r"^chuyên mục[\s:,.-]*", re.IGNORECASE)


def _sentence(text: str) -> str:
    return text if not text or text.endswith((".", "!", "?", "…")) else f"{text}."


def _spoken(text: str, rules: SpokenRules) -> str:
    """One line to read: each paragraph or list item the words had ends as a sentence, so the reader pauses."""
    if not text.strip():
        return ""
    lines = (" ".join(line.split()) for line in to_spoken(text, rules=rules).splitlines())
    return " ".join(_sentence(line) for line in lines if line)


def _spoken_name(name: str, rules: SpokenRules) -> str:
    """The name after "chuyên mục", which a name like "Chuyên mục An ninh cơ sở" must not make twice."""
    spoken = _spoken(name, rules).rstrip(".!?…")
    return _LEADING_WORD.sub("", spoken) or spoken


def programme_opening(station_name: str, name: str, words: str, day: date, starts_at: time, *,
                      rules: SpokenRules) -> str:
    spoken_name = _spoken_name(name, rules)
    greeting = (f"{station_name} xin kính chào bà con. Sau đây là chuyên mục {spoken_name}, "
                f"lúc {say_clock(starts_at)}, {say_date(day)}.")
    return " ".join(part for part in (greeting, _sentence(_spoken(words, rules))) if part)


def programme_closing(name: str, words: str, *, rules: SpokenRules) -> str:
    spoken_name = _spoken_name(name, rules)
    farewell = f"Chuyên mục {spoken_name} đến đây là kết thúc. Xin cảm ơn bà con đã lắng nghe."
    return " ".join(part for part in (_sentence(_spoken(words, rules)), farewell) if part)
