"""A table of figures as data: what a reach page shows, and what its CSV, XLSX, printed report and
Word document are made from, so that every output shows the same numbers with the same labels.

Labels are already in the reader's language (built inside a request). A value None is "no data",
shown as such and never as 0; `hint` is the method a reader sees on hover and in export footnotes.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

Value = str | int | float | date | None


class ColumnKind(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"  # shown with thousands separators; a number cell in XLSX
    PERCENT = "percent"  # stored as 0–100
    DATE = "date"  # a date cell in XLSX, dd/mm/yyyy on pages


@dataclass(frozen=True)
class Column:
    label: str
    kind: ColumnKind = ColumnKind.TEXT


@dataclass(frozen=True)
class Cell:
    value: Value
    hint: str | None = None  # how the figure was obtained: the page's hover, a footnote in exports
    href: str | None = None  # a local link, on pages only


@dataclass(frozen=True)
class FigureTable:
    """`name` is the table's address in exports (…/reach/<name>.csv): lower-case letters and hyphens."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = field(default=())  # method notes, printed under the table and in exports


def cell(value: Value | Cell) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


def figure_table(name: str, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Value | Cell]],
                 notes: Sequence[str] = ()) -> FigureTable:
    """Builds a table, checking every row has one cell per column (a short row would shift figures)."""
    built = tuple(tuple(cell(v) for v in row) for row in rows)
    for row in built:
        if len(row) != len(columns):
            raise ValueError(f"table {name}: a row has {len(row)} cells for {len(columns)} columns")
    return FigureTable(name, title, tuple(columns), built, tuple(notes))
