"""Every text value stored anywhere in the database: for tests that something (an address) is kept nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import JSON, String, Text, select
from sqlalchemy.orm import Session

from content.db import Base


def stored_text(session: Session) -> Iterator[tuple[str, str]]:
    """(table name, value as text) for every string, text and JSON column of every table."""
    session.rollback()  # see what the app committed
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))]
        if columns:
            for row in session.execute(select(*columns)):
                yield from ((table.name, str(value)) for value in row)
