"""A campaign's report for a chosen period, built once for both its outputs: the printable A4 page and the Word
document a provincial office files. Both are made of the dashboard's FigureTables (campaign_figures), so the
printed figures are the page's, with the same labels, kinds and methods."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from markupsafe import Markup

from campaigns.models import Campaign, ReachSource
from campaigns.reach_labels import KIND_LABELS, KIND_METHODS, METRICS
from campaigns.reach_reads import DayRange
from campaigns.reach_scope import ReachView
from web.database import get_db, now, zone
from web.reach.campaign_figures import (
    DEFAULT_RANK,
    Targets,
    areas_table,
    days_table,
    messages_table,
    platform_table,
    read_by_area,
    read_by_day,
    read_by_message,
    read_targets,
    t,
    targets_table,
    totals_table,
)
from web.reach.campaign_page import area_bar_chart, charts_by_metric, load_campaign, today_and_period
from web.reach.tables import FigureTable


@dataclass(frozen=True)
class ReportSection:
    key: str  # an anchor, and the section's class in print
    heading: str
    tables: list[FigureTable]
    charts: list[Markup] = field(default_factory=list)  # the page only: Word gets the tables the charts draw
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CampaignReport:
    campaign: Campaign
    view: ReachView
    days: DayRange
    printed_on: date
    targets: Targets
    sections: list[ReportSection]
    methods: list[tuple[str, str]]  # (what, how it was obtained)

    @property
    def cover(self) -> list[tuple[str, str]]:
        return [(_("Kế hoạch"), self.campaign.plan_number), (_("Cơ quan ban hành"), self.campaign.issuing_body),
                (_("Tên chiến dịch"), self.campaign.title),
                (_("Kỳ báo cáo"), _("từ %(first)s đến %(last)s", first=self.days.first.strftime("%d/%m/%Y"),
                                    last=self.days.last.strftime("%d/%m/%Y"))),
                (_("Địa bàn"), self.view.top.name), (_("Ngày in"), self.printed_on.strftime("%d/%m/%Y"))]

    @property
    def filename(self) -> str:
        return f"bao-cao-chien-dich-{self.campaign.id}-{self.days.first.isoformat()}-{self.days.last.isoformat()}"


def compliance_section(campaign: Campaign, view: ReachView, days: DayRange) -> ReportSection:
    """HOOK (lead, at merge): the compliance grid of the period, from campaigns.compliance.compliance_grid(session,
    campaign, first=…, last=…, today=…, zone=…, within=view.area) turned into a FigureTable by the compliance
    page's table builder, and put in `tables` here (at most 53 weeks: a longer period shows its last 53).
    Until then the section says where the grid is."""
    return ReportSection("compliance", _("Tình hình phát thanh của các đài"), [], notes=[
        _("Bảng theo dõi phát thanh của các đài (đài × tuần) xem tại %(path)s.",
          path=f"/desk/campaigns/{campaign.id}/compliance")])


def method_notes() -> list[tuple[str, str]]:
    kinds = [(t(KIND_LABELS[kind]), t(KIND_METHODS[kind])) for kind in ReachSource]
    metrics = [(t(label.name), t(label.method)) for label in METRICS.values()]
    return kinds + metrics


def build_report(campaign_id: int) -> CampaignReport:
    campaign, view = load_campaign(campaign_id)
    session, days = get_db(), today_and_period(campaign)
    targets = read_targets(session, campaign, view, today=days.last, zone=zone())
    by_day = read_by_day(session, campaign, days, view)
    by_area = read_by_area(session, campaign, days, view.top)
    by_message = read_by_message(session, campaign, days, view, DEFAULT_RANK)
    bars = [area_bar_chart(by_area, by_area.keys[0])] if by_area.areas else []
    sections = [
        ReportSection("targets", _("Chỉ tiêu và tiến độ"), [targets_table(targets)]),
        ReportSection("activity", _("Hoạt động và mức độ tiếp cận trong kỳ"),
                      [totals_table(by_day), days_table(by_day, days)], [chart for _n, chart in charts_by_metric(by_day)]),
        ReportSection("platforms", _("Số liệu các nền tảng báo cáo"),
                      [platform_table(session, campaign, days, view, zone())]),
        ReportSection("areas", _("Theo địa bàn"), [areas_table(by_area, {})], bars),
        compliance_section(campaign, view, days),
        ReportSection("messages", _("Tin nổi bật"), [messages_table(by_message)]),
    ]
    return CampaignReport(campaign, view, days, now().astimezone(zone()).date(), targets, sections, method_notes())
