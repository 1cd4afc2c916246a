"""The festival-day report as a Word document: the campaign report's page set-up and tables (report_docx)."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt
from flask_babel import gettext as _

from web.reach.festival_report import FestivalReport
from web.reach.report_docx import add_table


def festival_docx(report: FestivalReport) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height, section.orientation = Mm(210), Mm(297), WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(16)
    document.styles["Normal"].font.size = Pt(10)
    title = _("Báo cáo Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm %(year)s", year=report.year)
    document.core_properties.title = title
    document.add_heading(title, level=0)
    for label, value in report.cover:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    for number, part in enumerate(report.sections, start=1):
        document.add_heading(f"{number}. {part.heading}", level=1)
        for table in part.tables:
            add_table(document, table)
        for note in part.notes:
            document.add_paragraph(note)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
