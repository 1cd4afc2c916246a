"""A campaign's report for a chosen period, built once for both its outputs: the printable A4 page and the Word
document a provincial office files. Both are made of the dashboard's FigureTables (campaign_figures), so the
printed figures are the page's, with the same labels, kinds and methods."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.orm import Session

from campaigns.compliance import MAX_WEEKS, STATUS_LABELS, STATUS_SYMBOLS, CellStatus, ComplianceGrid, compliance_grid
from campaigns.models import Campaign, ReachSource
from campaigns.reach_labels import KIND_LABELS, KIND_METHODS, METRICS
from campaigns.reach_reads import DayRange
from campaigns.reach_scope import ReachView
from campaigns.station_airings import monday_of
from web.auth import actor
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
from web.reach.compliance_tables import grid_table
from web.reach.model_section import model_tables
from web.reach.tables import Column, ColumnKind, FigureTable, figure_table
from web.reach.tipoff_tables import tipoff_table

RECENT_WEEKS = 8  # the compliance grid's weeks on an A4 page


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


def compliance_section(session: Session, campaign: Campaign, view: ReachView, days: DayRange,
                       today: date) -> ReportSection:
    """The stations' airings over the period (its last MAX_WEEKS weeks at most): a line per station counting its
    weeks met and missed, then the grid of the last RECENT_WEEKS weeks, which is as wide as an A4 page allows."""
    def grid(weeks: int) -> ComplianceGrid:
        first = max(days.first, monday_of(days.last) - timedelta(weeks=weeks - 1))
        return compliance_grid(session, campaign, first=first, last=days.last, today=today, zone=zone(),
                               within=view.area)

    whole = grid(MAX_WEEKS)
    counts = [Counter(cell.status for cell in row.cells) for row in whole.rows]
    summary = figure_table(
        "compliance-summary", _("Số tuần đài phát đủ số lượt trong kỳ"),
        [Column(_("Đài truyền thanh")), Column(_("Địa bàn")),
         *(Column(f"{STATUS_SYMBOLS[s]} {t(STATUS_LABELS[s])}", ColumnKind.NUMBER) for s in CellStatus)],
        [[row.station.name, row.station.area.name, *(count[s] for s in CellStatus)]
         for row, count in zip(whole.rows, counts, strict=True)],
        notes=[_("Từ tuần %(first)s đến tuần %(last)s; mỗi tuần tính từ thứ Hai đến Chủ nhật.",
                 first=whole.weeks[0].strftime("%d/%m/%Y") if whole.weeks else "—",
                 last=whole.weeks[-1].strftime("%d/%m/%Y") if whole.weeks else "—")])
    recent = grid_table(grid(RECENT_WEEKS), actor())
    return ReportSection("compliance", _("Tình hình phát thanh của các đài"), [summary, recent], notes=[
        _("Bảng đài × tuần gồm %(n)s tuần cuối của kỳ; xem đủ và theo dõi từng tuần tại trang theo dõi phát thanh.",
          n=RECENT_WEEKS)])


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
                      [totals_table(by_day), days_table(by_day, days)], [chart for _n, chart in charts_by_metric(by_day, days)]),
        ReportSection("platforms", _("Số liệu các nền tảng báo cáo"),
                      [platform_table(session, campaign, days, view, zone())]),
        ReportSection("areas", _("Theo địa bàn"), [areas_table(by_area, {})], bars),
        compliance_section(session, campaign, view, days, now().astimezone(zone()).date()),
        ReportSection("messages", _("Tin nổi bật"), [messages_table(by_message)]),
        ReportSection("tipoffs", _("Phản ánh, tố giác của người dân"), [tipoff_table(session, view.top, days)]),
        ReportSection("models", _("Xã, phường kiểu mẫu và mô hình tự quản"), model_tables(campaign, view, days)),
    ]
    return CampaignReport(campaign, view, days, now().astimezone(zone()).date(), targets, sections, method_notes())
