"""A campaign's report for a chosen period: the printable page (A4 from the browser) and the Word document."""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from web.reach.campaign_report import build_report
from web.reach.report_docx import docx_response, report_docx


@login_required
def campaign_report(campaign_id: int):
    return render_template("reach/report.html", r=build_report(campaign_id))


@login_required
def campaign_report_docx(campaign_id: int):
    report = build_report(campaign_id)
    return docx_response(report_docx(report), report.filename)
