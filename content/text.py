"""Text as it may be stored: NFC, no invisible controls; applied to every string column at every flush.

Bidi overrides (U+202E turns "gpj.exe" into "exe.jpg" on screen), zero-width characters (split a word
so search and name masking miss it), NUL (PostgreSQL refuses it, XML feeds cannot carry it) and other
control characters have no place in a title, a story or a station's name. One guard at flush time
covers every entry point — forms, the JSON API, the CLI, the demo, connectors recording an error —
so none can bypass it. Invisible characters are dropped, not refused: the writer could not see them
and the text reads the same without them. Only a value that was nothing but such characters is
refused, because it would silently become empty.

NFC matters for Vietnamese: "ệ" typed on one keyboard is one code point, on another "e" plus two
combining marks; stored alike, they are searched and masked alike.
"""

from __future__ import annotations

import enum
import unicodedata
from typing import Any

from sqlalchemy import String, Text, event
from sqlalchemy.orm import Session, object_mapper
from sqlalchemy.orm.exc import UnmappedInstanceError

from content import wording
from content.errors import InvalidInput

# Cf: format characters (bidi embeddings, overrides and isolates, LRM/RLM, zero-width space, joiners,
# word joiner, BOM, soft hyphen…); Cs: lone surrogates, which no database encoding accepts.
DROPPED_CATEGORIES = frozenset({"Cf", "Cs"})
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85")
KEPT_IN_MULTILINE = frozenset("\t\n\r")
ONLY_INVISIBLE = wording.Text("Nội dung chỉ gồm ký tự vô hình hoặc ký tự điều khiển.")


def clean_text(value: str, *, multiline: bool = True) -> str:
    """`value` in NFC with format and control characters removed.

    Tab, carriage return and newline stay in multi-line text; in a single-line value they, and the
    Unicode line separators, become a space.
    """
    kept = []
    for char in value:
        if char in KEPT_IN_MULTILINE and multiline:
            kept.append(char)
        elif char in LINE_BREAKS or char == "\t":
            kept.append("\n" if multiline else " ")
        elif unicodedata.category(char) not in DROPPED_CATEGORIES and not _is_control(char):
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def _clean_instance(instance: Any) -> None:
    try:
        mapper = object_mapper(instance)
    except UnmappedInstanceError:
        return
    for attribute in mapper.column_attrs:
        column = attribute.columns[0]
        value = getattr(instance, attribute.key, None)
        if not isinstance(column.type, String) or not isinstance(value, str) or isinstance(value, enum.Enum):
            continue
        cleaned = clean_text(value, multiline=isinstance(column.type, Text) or column.type.length is None)
        if cleaned == value:
            continue
        if value.strip() and not cleaned.strip():
            raise InvalidInput({attribute.key: ONLY_INVISIBLE})
        setattr(instance, attribute.key, cleaned)


@event.listens_for(Session, "before_flush")
def _clean_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for instance in (*session.new, *session.dirty):
        _clean_instance(instance)
