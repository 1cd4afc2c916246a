"""A FigureTable as a download: CSV (UTF-8 with a BOM, so Excel opens Vietnamese correctly) or XLSX
(numbers as numbers, dates as dates, a bold header row, method notes under the table)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from flask import Response, abort
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from web.reach.tables import Cell, ColumnKind, FigureTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
# Characters a spreadsheet reads as the start of a formula: a cell beginning with one is exported as text
# (prefixed with '), so a title typed as "=HYPERLINK(…)" cannot run when an officer opens the file.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv_value(cell: Cell, kind: ColumnKind) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _text(value) if isinstance(value, str) else str(value)


def _notes(table: FigureTable) -> list[str]:
    hints = sorted({c.hint for row in table.rows for c in row if c.hint})
    return list(table.notes) + [note for note in hints if note not in table.notes]


def table_csv(table: FigureTable) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_text(column.label) for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(c, column.kind) for c, column in zip(row, table.columns, strict=True)])
    for note in _notes(table):
        writer.writerow([_text(note)])
    return "\ufeff" + out.getvalue()


def table_xlsx(table: FigureTable) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = table.name[:31]  # Excel's limit on a sheet name
    sheet.append([_text(column.label) for column in table.columns])
    for header in sheet[1]:
        header.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_text(c.value) if isinstance(c.value, str) else c.value for c in row])
        for column, written in zip(table.columns, sheet[sheet.max_row], strict=True):
            if column.kind is ColumnKind.DATE:
                written.number_format = DATE_FORMAT
            elif column.kind is ColumnKind.NUMBER:
                written.number_format = "#,##0.##"
            elif column.kind is ColumnKind.PERCENT:
                written.number_format = "0.0"
    notes = _notes(table)
    if notes:
        sheet.append([])
        for note in notes:
            sheet.append([_text(note)])
    for index, column in enumerate(table.columns, start=1):
        width = max([len(column.label)] + [len(str(row[index - 1].value or "")) for row in table.rows[:200]])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_response(tables: Sequence[FigureTable], name: str, fmt: str, *, filename_stem: str) -> Response:
    """The table called `name` as `fmt` ("csv" or "xlsx"); 404 for any other name or format.

    `filename_stem` names the download (ASCII: a slug, say, e.g. "chien-dich-12").
    """
    table = next((t for t in tables if t.name == name), None)
    if table is None or fmt not in ("csv", "xlsx"):
        abort(404)
    filename = f"{filename_stem}-{table.name}.{fmt}"
    if fmt == "csv":
        response = Response(table_csv(table).encode("utf-8"), mimetype="text/csv", content_type="text/csv; charset=utf-8")
    else:
        response = Response(table_xlsx(table), mimetype=XLSX)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
