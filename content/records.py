"""Small queries every use-case repeats: rows by id with none missing, and a slug nobody has taken."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from content.vietnamese import slugify

T = TypeVar("T")


def load_by_ids(session: Session, model: type[T], ids: Iterable[int]) -> list[T] | None:
    """The rows with these ids, or None when any id names no row."""
    wanted = set(ids)
    rows = list(session.scalars(select(model).where(model.id.in_(wanted)))) if wanted else []  # type: ignore[attr-defined]
    return rows if len(rows) == len(wanted) else None


def free_slug(session: Session, column: InstrumentedAttribute[Any], text: str) -> str:
    base = slugify(text)
    slug, n = base, 1
    while session.scalar(select(column).where(column == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug
