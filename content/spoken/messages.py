"""A message's words for the loudspeaker: the editor's own wording, or title and body read aloud."""

from __future__ import annotations

from sqlalchemy.orm import object_session

from content.models import Message
from content.spoken.dictionary import load_rules
from content.spoken.markup import plain_lines, remove_addresses, strip_symbols, tidy
from content.spoken.reading import speak_line
from content.spoken.rules import DEFAULT_RULES, SpokenRules
from content.stories import public_text


def to_spoken(source_md: str, *, rules: SpokenRules = DEFAULT_RULES) -> str:
    """Markdown → the text to read aloud, one paragraph a line."""
    return "\n".join(speak_line(line, rules) for line in plain_lines(source_md, pointer=rules.link_pointer))


def _spoken_title(title: str, rules: SpokenRules) -> str:
    # A title is plain text, not Markdown: "1. Cảnh giác" must stay a sentence, not become a list.
    spoken = speak_line(tidy(strip_symbols(remove_addresses(title, rules.link_pointer))), rules)
    return spoken if not spoken or spoken.endswith((".", "!", "?", "…")) else f"{spoken}."


def spoken_text(message: Message, *, rules: SpokenRules | None = None) -> str:
    """What is read on air, with an unconsented story name masked.

    The editor's override is read exactly as written: it is the way out when the engine gets a line wrong.
    :param rules: the dictionary to read with; by default the one in the message's database.
    """
    if message.spoken_override:
        return public_text(message, message.spoken_override.strip())
    if rules is None:
        session = object_session(message)
        rules = load_rules(session) if session is not None else DEFAULT_RULES
    body = to_spoken(message.body_md, rules=rules)
    return public_text(message, "\n".join(part for part in (_spoken_title(message.title, rules), body) if part))
