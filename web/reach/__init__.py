"""Reach for officers and analysts: a message's reach, a campaign's dashboard and compliance grid,
their exports (CSV, XLSX) and the campaign report (printable page, Word document).

Every figure shown here is read from the daily rollups (campaigns.reach_reads) or, for a platform's
own figures, its newest snapshot (campaigns.platform_metrics), and only within the viewer's area.
"""

from __future__ import annotations

from flask import Blueprint

from web.reach import campaign_page, compliance_page, feed_page, festival_page, message_page, report_page

bp = Blueprint("reach", __name__, url_prefix="/desk")
bp.add_url_rule("/messages/<int:message_id>/reach", view_func=message_page.message_reach_page)
bp.add_url_rule("/messages/<int:message_id>/reach/<table>.<any(csv, xlsx):fmt>",
                view_func=message_page.message_reach_export)
bp.add_url_rule("/campaigns/<int:campaign_id>/reach", view_func=campaign_page.campaign_reach)
bp.add_url_rule("/campaigns/<int:campaign_id>/reach/<table>.<any(csv, xlsx):fmt>",
                view_func=campaign_page.campaign_reach_export)
bp.add_url_rule("/campaigns/<int:campaign_id>/report", view_func=report_page.campaign_report)
bp.add_url_rule("/campaigns/<int:campaign_id>/report.docx", view_func=report_page.campaign_report_docx)
bp.add_url_rule("/campaigns/<int:campaign_id>/compliance", view_func=compliance_page.compliance)
bp.add_url_rule("/campaigns/<int:campaign_id>/compliance/<table>.<any(csv, xlsx):fmt>",
                view_func=compliance_page.compliance_export)
bp.add_url_rule("/feeds/reach", view_func=feed_page.feed_reach)
bp.add_url_rule("/feeds/reach/<table>.<any(csv, xlsx):fmt>", view_func=feed_page.feed_reach_export)
bp.add_url_rule("/festival/<int:year>", view_func=festival_page.festival_report)
bp.add_url_rule("/festival/<int:year>.docx", view_func=festival_page.festival_report_docx)
