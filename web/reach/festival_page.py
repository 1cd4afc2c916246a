"""The festival-day report of a year: the printable page (A4 from the browser) and the Word document."""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from web.reach.festival_docx import festival_docx
from web.reach.festival_report import build_festival_report
from web.reach.report_docx import docx_response


@login_required
def festival_report(year: int):
    return render_template("reach/festival.html", r=build_festival_report(year))


@login_required
def festival_report_docx(year: int):
    report = build_festival_report(year)
    return docx_response(festival_docx(report), report.filename)
