"""The campaign report as a Word document (.docx): the cover, each section's tables with a header row, numbers
written as the reader's language writes them, the method notes. python-docx cannot embed the SVG charts, so
each chart is given by the table it draws, and the document says so."""

from __future__ import annotations

import io
from datetime import date

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from flask import Response
from flask_babel import format_decimal
from flask_babel import gettext as _

from web.reach.campaign_report import CampaignReport
from web.reach.tables import Cell, ColumnKind, FigureTable

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_response(document: bytes, filename: str) -> Response:
    """A report's Word file as a download, never kept by a shared cache (it holds an area's figures)."""
    response = Response(document, mimetype=DOCX)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}.docx"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def written(cell: Cell, kind: ColumnKind) -> str:
    """A value as the page shows it: 1.234,5 in Vietnamese, a date as dd/mm/yyyy, no data said in words."""
    value = cell.value
    if value is None:
        return _("chưa có số liệu")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float) and kind is ColumnKind.PERCENT:
        return f"{format_decimal(value, format='0.0')} %"
    if isinstance(value, int | float):
        return str(format_decimal(value, format="#,##0.#"))
    return str(value)


def add_table(document: docx.document.Document, table: FigureTable) -> None:
    document.add_paragraph(table.title, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = column.label
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Repeated at the top of every page the table runs onto.
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(repeat)
    if not table.rows:
        document.add_paragraph(_("Chưa có số liệu trong khoảng thời gian này."))
    for row in table.rows:
        cells = grid.add_row().cells
        for target, value, column in zip(cells, row, table.columns, strict=True):
            target.text = written(value, column.kind)
            if column.kind in (ColumnKind.NUMBER, ColumnKind.PERCENT):
                target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # A wide table (targets: eleven columns) stays readable on a portrait A4 page in a smaller type.
    size = Pt(8) if len(table.columns) > 7 else Pt(9)
    for row in grid.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = size
    for note in table.notes:
        document.add_paragraph(note, style="List Bullet")


def report_docx(report: CampaignReport) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height, section.orientation = Mm(210), Mm(297), WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(16)
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = report.campaign.title
    document.add_heading(_("Báo cáo mức độ tiếp cận của chiến dịch"), level=0)
    for label, value in report.cover:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    document.add_paragraph(_("Biểu đồ của bản in được trình bày ở đây bằng bảng số liệu mà chúng vẽ (theo ngày, theo "
                             "địa bàn), vì tệp Word không nhúng được biểu đồ SVG."), style="Intense Quote")
    for part in report.sections:
        document.add_page_break()
        document.add_heading(part.heading, level=1)
        for table in part.tables:
            add_table(document, table)
        for note in part.notes:
            document.add_paragraph(note)
    document.add_page_break()
    document.add_heading(_("Ghi chú phương pháp"), level=1)
    for what, how in report.methods:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{what}: ").bold = True
        paragraph.add_run(how)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
