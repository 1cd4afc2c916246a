"""Good-deed stories in public: a person who has not consented is never named, wherever the text goes."""

from __future__ import annotations

import re
import unicodedata

from content.models import Message, MessageKind


def masked_name(name: str) -> str:
    """"Nguyễn Văn An" → "N.V.A.": enough for neighbours who already know, nothing for a stranger."""
    # Letters only: the mask goes into HTML too, so it must never carry markup from the name field.
    initials = [part[0].upper() for part in name.split() if part[0].isalpha()]
    return ".".join(initials) + "." if initials else "(ẩn danh)"


def is_name_hidden(message: Message) -> bool:
    return message.kind is MessageKind.STORY and bool(message.person_name) and not message.name_consent


def mask_name(message: Message, text: str) -> str:
    """The text with the story's person named by initials only."""
    if message.kind is not MessageKind.STORY or not (message.person_name or "").strip():
        return text
    # NFC on both sides: the same name typed on two keyboards may differ in its code points.
    name = re.escape(unicodedata.normalize("NFC", message.person_name.strip()))
    return re.sub(name, masked_name(message.person_name), unicodedata.normalize("NFC", text), flags=re.IGNORECASE)


def public_text(message: Message, text: str) -> str:
    """The text as the public may see it: initials instead of the name, unless the person agreed."""
    return mask_name(message, text) if is_name_hidden(message) else text


def public_person(message: Message) -> str | None:
    if message.kind is not MessageKind.STORY or not message.person_name:
        return None
    return masked_name(message.person_name) if is_name_hidden(message) else message.person_name
