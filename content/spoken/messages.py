"""A message's words for the loudspeaker: the editor's own wording, or title and body read aloud."""

from __future__ import annotations

from content.consent_masking import public_text
from content.models import Message
from content.rendering import render_markdown
from content.spoken.dictionary import rules_of
from content.spoken.markup import html_lines, remove_addresses, strip_symbols, tidy
from content.spoken.reading import speak_line
from content.spoken.rules import DEFAULT_RULES, SpokenRules


def html_to_spoken(body_html: str, *, rules: SpokenRules = DEFAULT_RULES) -> str:
    """Sanitized HTML → the text to read aloud, one paragraph a line."""
    return "\n".join(speak_line(line, rules) for line in html_lines(body_html, pointer=rules.link_pointer))


def to_spoken(source_md: str, *, rules: SpokenRules = DEFAULT_RULES) -> str:
    """Markdown → the text to read aloud, one paragraph a line."""
    return html_to_spoken(render_markdown(source_md), rules=rules)


def _spoken_title(title: str, rules: SpokenRules) -> str:
    # A title is plain text, not Markdown: "1. Cảnh giác" must stay a sentence, not become a list.
    spoken = speak_line(tidy(strip_symbols(remove_addresses(title, rules.link_pointer))), rules)
    return spoken if not spoken or spoken.endswith((".", "!", "?", "…")) else f"{spoken}."


def spoken_words(title: str, body_html: str, override: str | None, *, rules: SpokenRules) -> str:
    """Title and body read aloud, or the editor's override exactly as written (the way out when the engine
    gets a line wrong); no name masked yet."""
    if override and override.strip():
        return override.strip()
    return "\n".join(part for part in (_spoken_title(title, rules), html_to_spoken(body_html, rules=rules)) if part)


def spoken_text(message: Message, *, rules: SpokenRules | None = None) -> str:
    """What is read on air, worked out afresh from the message's saved HTML, with an unconsented story name masked.

    The public outputs read the copy stored with the revision (content.public_forms); this is how that copy
    is made, and what the editor's preview shows.
    :param rules: the dictionary to read with; by default the one in the message's database.
    """
    rules = rules if rules is not None else rules_of(message)
    return public_text(message, spoken_words(message.title, message.body_html, message.spoken_override, rules=rules))
