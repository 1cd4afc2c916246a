"""A story's consent applied: a person who has not agreed to be named is shown by initials only.

Whether a message hides its person's name, and a text, HTML or picture caption as the public may see it.
content.public_forms applies these once, when a revision is saved, and every public output reads what
it stored; which words name the person is decided once, in content.name_masking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from content.models import MediaItem, Message, MessageKind
from content.name_masking import Mention, mask_all, mask_person, masked_name, person_mask, unsafe_mentions

__all__ = ["NameWarning", "is_name_hidden", "mask_name", "masked_name", "name_warnings", "protect_image",
           "public_html", "public_image_alt", "public_person", "public_text"]


def is_name_hidden(message: Message) -> bool:
    return message.kind is MessageKind.STORY and bool((message.person_name or "").strip()) and not message.name_consent


def mask_name(message: Message, text: str, *, is_html: bool = False) -> str:
    """The text with the story's person named by initials only, whatever their consent (a slug, say)."""
    if message.kind is not MessageKind.STORY or not (message.person_name or "").strip():
        return text
    return mask_person(text, message.person_name, is_html=is_html)


def public_text(message: Message, text: str, *, is_html: bool = False) -> str:
    """The text as the public may see it: initials instead of the name, unless the person agreed."""
    return mask_name(message, text, is_html=is_html) if is_name_hidden(message) else text


def public_html(message: Message, html: str) -> str:
    """Sanitized HTML as the public may see it: text, alt and title attributes masked, markup kept whole."""
    return public_text(message, html, is_html=True)


def _image_names(image: MediaItem, message: Message | None) -> list[str]:
    names = list(image.hidden_names or [])
    if message is not None and is_name_hidden(message) and message.person_name not in names:
        names.append(message.person_name or "")
    # A story whose person has since agreed names them in its own picture too.
    if message is not None and message.kind is MessageKind.STORY and message.name_consent:
        names = [name for name in names if name.strip() != (message.person_name or "").strip()]
    return names


def public_image_alt(image: MediaItem, message: Message | None = None) -> str:
    """The picture's alt text (also its caption) as the public may see it, in whichever message reuses it."""
    return mask_all(image.alt_text, _image_names(image, message))


def protect_image(message: Message) -> bool:
    """A story without consent marks its picture: the person stays masked wherever the picture is reused.

    :returns: whether the picture gained a name, so what other messages show of it must be derived again.
    """
    image = message.image
    if image is None or not is_name_hidden(message):
        return False
    name = (message.person_name or "").strip()
    if name in (image.hidden_names or []):
        return False
    image.hidden_names = [*(image.hidden_names or []), name]  # a new list: JSON columns track assignment
    return True


def public_person(message: Message) -> str | None:
    if message.kind is not MessageKind.STORY or not message.person_name:
        return None
    return person_mask(message.person_name) if is_name_hidden(message) else message.person_name


@dataclass(frozen=True)
class NameWarning:
    """A place where an unconsented person may be named in a form the mask cannot safely hide."""

    field: str  # "title", "summary", "body_md", "deed", "spoken_override", "image_alt"
    mention: Mention


def name_warnings(message: Message) -> list[NameWarning]:
    """What an editor and an approver must look at before the story goes out: the mask leaves these showing."""
    if not is_name_hidden(message):
        return []
    fields: Iterable[tuple[str, str | None]] = (
        ("title", message.title), ("summary", message.summary), ("body_md", message.body_md),
        ("deed", message.deed), ("spoken_override", message.spoken_override),
        ("image_alt", message.image.alt_text if message.image is not None else None),
    )
    return [NameWarning(field, mention) for field, text in fields
            for mention in unsafe_mentions(text or "", message.person_name)]
