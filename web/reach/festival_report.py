"""The festival-day report (Ngày hội toàn dân bảo vệ an ninh Tổ quốc, 19 August) of a year and an area: the year's
commendations and the year's reach, built once for the printable page and the Word document, out of FigureTables
as the campaign report is, so both show the same figures with the same labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from campaigns.commendation_models import Commendation
from campaigns.commendations import LEVEL_LABELS, commendations_of, count_by_level
from campaigns.model_stats import model_figures
from campaigns.reach_labels import KIND_LABELS, metric_label
from campaigns.reach_reads import DayRange
from campaigns.tipoff_stats import tipoff_figures
from campaigns.year_reach import reach_totals
from content.errors import InvalidInput
from content.models import Area
from content.permissions import Action
from web.area_choice import chosen_area
from web.database import get_db, now, zone
from web.formatting import MODEL_KIND_LABELS
from web.params import FIRST_DAY, LAST_DAY
from web.reach.campaign_figures import method_notes, series_method, series_order, t
from web.reach.campaign_report import ReportSection
from web.reach.tables import Cell, Column, ColumnKind, FigureTable, figure_table
from web.tipoff_labels import TIPOFF_KIND_LABELS

FESTIVAL_DAY = (8, 19)  # the movement's day, 19 August, since 2005


@dataclass(frozen=True)
class FestivalReport:
    year: int
    area: Area | None
    days: DayRange
    printed_on: date
    sections: list[ReportSection]

    @property
    def place(self) -> str:
        return self.area.name if self.area else _("Toàn quốc")

    @property
    def cover(self) -> list[tuple[str, str]]:
        return [(_("Năm"), str(self.year)), (_("Địa bàn"), self.place),
                (_("Ngày hội"), date(self.year, *FESTIVAL_DAY).strftime("%d/%m/%Y")),
                (_("Số liệu tiếp cận"), _("từ %(first)s đến %(last)s", first=self.days.first.strftime("%d/%m/%Y"),
                                          last=self.days.last.strftime("%d/%m/%Y"))),
                (_("Ngày in"), self.printed_on.strftime("%d/%m/%Y"))]

    @property
    def filename(self) -> str:
        return f"bao-cao-ngay-hoi-{self.year}-{self.area.code if self.area else 'toan-quoc'}"


def year_days(year: int, today: date) -> DayRange:
    """The calendar year, up to today for the running year; a year not yet begun has no report."""
    if year < FIRST_DAY.year:
        raise InvalidInput({"year": _("Năm không hợp lệ: %(year)s (cần từ %(first)s đến %(last)s).", year=year,
                                      first=FIRST_DAY.year, last=LAST_DAY.year)})
    if year > today.year:
        raise InvalidInput({"year": _("Năm %(year)s chưa đến; chưa có gì để báo cáo.", year=year)})
    return DayRange(date(year, 1, 1), min(date(year, 12, 31), today))


def levels_table(rows: list[Commendation]) -> FigureTable:
    counts = count_by_level(rows)
    return figure_table("commendation-levels", _("Số khen thưởng theo hình thức"),
                        [Column(_("Hình thức khen thưởng")), Column(_("Số khen thưởng"), ColumnKind.NUMBER)],
                        [[t(LEVEL_LABELS[level]), n] for level, n in reversed(counts.items())]
                        + [[_("Tổng cộng"), len(rows)]])


def commendations_table(rows: list[Commendation]) -> FigureTable:
    return figure_table(
        "commendations", _("Danh sách khen thưởng"),
        [Column(_("Người hoặc tập thể")), Column(_("Thành tích")), Column(_("Hình thức")),
         Column(_("Số quyết định")), Column(_("Ngày quyết định"), ColumnKind.DATE), Column(_("Địa bàn")),
         Column(_("Gương đã đăng"))],
        [[c.recipient + (f" ({_('tập thể')})" if c.is_collective else ""), c.reason, t(LEVEL_LABELS[c.level]),
          c.decision_number, c.decided_on, c.area.name, c.message.title if c.message else None] for c in rows],
        notes=[_("Xếp theo hình thức khen thưởng, từ cao xuống thấp, rồi theo ngày quyết định.")])


def reach_table(days: DayRange, area: Area | None) -> FigureTable:
    totals = {(r.metric, r.kind): r for r in reach_totals(get_db(), days, area)}
    keys = series_order(totals)
    return figure_table(
        "year-reach", _("Mức độ tiếp cận của mọi tin trong năm"),
        [Column(_("Chỉ số")), Column(_("Loại số liệu")), Column(_("Tổng trong năm"), ColumnKind.NUMBER),
         Column(_("Số ngày có số liệu"), ColumnKind.NUMBER)],
        [[Cell(t(metric_label(*key).name), hint=series_method(key)), t(KIND_LABELS[key[1]]),
          Cell(totals[key].value, hint=series_method(key)), totals[key].days] for key in keys],
        notes=(_("Cộng mọi tin của địa bàn (và tin nơi khác được phát, xem tại địa bàn), không riêng một chiến dịch. "
                 "Tổng nhiều ngày là lượt người-ngày, không phải số người; số liệu nền tảng báo cáo không cộng vào."),)
        + method_notes(keys))


def models_tables(days: DayRange, area: Area | None) -> list[FigureTable]:
    figures = model_figures(get_db(), area, days.first, days.last)
    running = [(_("Mô hình tự quản đang hoạt động"), figures.running)] + [
        (f"— {MODEL_KIND_LABELS[kind.value]}", n) for kind, n in figures.running_by_kind.items()]
    rows: list[tuple[str, int]] = running + [
        (_("Mô hình bắt đầu trong năm"), figures.started_in_period),
        (_("Thành viên của các mô hình đang hoạt động (nơi có ghi)"), figures.members),
        (_("Hộ gia đình tham gia (nơi có ghi)"), figures.households),
        (_("Thôn, tổ dân phố"), figures.residential_areas),
        (_("Thôn, tổ dân phố có mô hình đang hoạt động"), figures.residential_with_model),
        (_("Địa bàn được công nhận đạt chuẩn trong năm"), figures.recognised_areas)]
    counts = figure_table(
        "year-models", _("Mô hình tự quản và địa bàn đạt chuẩn"),
        [Column(_("Chỉ số")), Column(_("Số đếm được"), ColumnKind.NUMBER)], rows,
        notes=[_("Mô hình đang hoạt động: bắt đầu trước ngày cuối kỳ và nay không tạm dừng (sổ mô hình không lưu lịch "
                 "sử tạm dừng). Địa bàn đạt chuẩn: được đánh giá đạt bộ tiêu chí của một chiến dịch trong năm.")])
    # Its own table: a share is a percent column, and no village on record is no share rather than 0 %.
    share = figure_table(
        "year-model-share", _("Tỷ lệ thôn, tổ dân phố có mô hình"),
        [Column(_("Địa bàn")), Column(_("Tỷ lệ so với số thôn, tổ dân phố"), ColumnKind.PERCENT)],
        [[area.name if area else _("Toàn quốc"), figures.residential_share]])
    return [counts, share]


def tipoffs_table(days: DayRange, area: Area | None) -> FigureTable:
    figures = tipoff_figures(get_db(), area, days.first, days.last, zone=zone())
    rows: list[list[str | int | float | None]] = [[_("Phản ánh, tố giác, góp ý nhận được"), figures.received]] + [
        [f"— {TIPOFF_KIND_LABELS[kind.value]}", n] for kind, n in figures.by_kind] + [
        [_("Được đánh giá có giá trị"), figures.valuable],
        [_("Đã được cán bộ xử lý"), figures.handled],
        [_("Chưa được cán bộ xem"), figures.waiting],
        [_("Thời gian đến lần xử lý đầu (trung vị, giờ)"), figures.median_hours_to_first_handling]]
    return figure_table(
        "year-tipoffs", _("Phản ánh, tố giác, góp ý của người dân"),
        [Column(_("Chỉ số")), Column(_("Số đếm được"), ColumnKind.NUMBER)], rows,
        notes=[_("Chỉ đếm số lượng, không có nội dung nào của người gửi. Có giá trị: đánh giá gần nhất của cán bộ.")])


def build_festival_report(year: int) -> FestivalReport:
    area = chosen_area(Action.REACH_VIEW)
    today = now().astimezone(zone()).date()
    days = year_days(year, today)
    rows = commendations_of(get_db(), year=year, within=area)
    sections = [
        ReportSection("commendations", _("Khen thưởng trong năm"), [levels_table(rows), commendations_table(rows)]),
        ReportSection("tipoffs", _("Người dân tham gia: phản ánh, tố giác, góp ý"), [tipoffs_table(days, area)]),
        ReportSection("models", _("Mô hình tự quản trong năm"), models_tables(days, area)),
        ReportSection("reach", _("Tuyên truyền: mức độ tiếp cận trong năm"), [reach_table(days, area)]),
    ]
    return FestivalReport(year, area, days, today, sections)
