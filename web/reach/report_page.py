"""A campaign's report for a chosen period: the printable page (A4 from the browser) and the Word document."""

from __future__ import annotations

from flask import Response, render_template
from flask_login import login_required

from web.reach.campaign_report import build_report
from web.reach.report_docx import DOCX, report_docx


@login_required
def campaign_report(campaign_id: int):
    return render_template("reach/report.html", r=build_report(campaign_id))


@login_required
def campaign_report_docx(campaign_id: int):
    report = build_report(campaign_id)
    response = Response(report_docx(report), mimetype=DOCX)
    response.headers["Content-Disposition"] = f'attachment; filename="{report.filename}.docx"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
