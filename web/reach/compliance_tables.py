"""The compliance grid as figure tables: the grid as the page shows it (stations × weeks, a symbol and a word in
each cell), and the same cells one row per station-week, numbers as numbers, for spreadsheets and the report."""

from __future__ import annotations

from datetime import date, timedelta

from flask import url_for
from flask_babel import gettext as _

from campaigns.compliance import BASIS_LABELS, STATUS_LABELS, STATUS_SYMBOLS, ComplianceGrid, StationRow, WeekCell
from campaigns.loudspeaker_reach import AIRINGS
from campaigns.models import ReachSource
from campaigns.reach_labels import KIND_LABELS, metric_label
from content.models import User
from content.permissions import Action, is_allowed
from web.i18n.locale import translate
from web.reach.tables import Cell, Column, ColumnKind, FigureTable, Value, figure_table

GRID, STATION_WEEKS, VILLAGES = "compliance", "station-weeks", "villages"


def _t(text: str) -> str:
    return str(translate(text))


def _week_label(monday: date) -> str:
    return _("Tuần %(first)s–%(last)s", first=monday.strftime("%d/%m"),
             last=(monday + timedelta(days=6)).strftime("%d/%m"))


def _status(cell: WeekCell) -> str:
    return f"{STATUS_SYMBOLS[cell.status]} {_t(STATUS_LABELS[cell.status])}"


def _hint(cell: WeekCell) -> str:
    """How the cell's numbers were obtained: one sentence per basis, so an export's footnotes stay a handful."""
    if cell.basis is None:
        return _("Không có chỉ tiêu và không có lượt nào được lên lịch cho đài trong tuần này; số trong ngoặc là "
                 "lượt phát đã xác nhận.")
    return _("Lượt phát đã xác nhận / số lượt cần phát trong tuần, %(basis)s.", basis=_t(BASIS_LABELS[cell.basis]))


def _grid_cell(cell: WeekCell) -> Cell:
    shown = (f"{_status(cell)} ({cell.confirmed})" if cell.required is None
             else f"{_status(cell)} {cell.confirmed}/{cell.required}")
    return Cell(shown, hint=_hint(cell))


def _contact(row: StationRow, viewer: User) -> Cell:
    if row.station.contact:
        return Cell(row.station.contact, href=f"tel:{row.phone}" if row.phone else None)
    # A missing contact is said, with the way to set it for those who may.
    can_edit = is_allowed(viewer, Action.STATION_MANAGE, row.station.area)
    return Cell(_("Chưa có thông tin liên hệ"),
                href=url_for("stations.edit", station_id=row.station.id) if can_edit else None)


def _notes() -> tuple[str, ...]:
    airings = metric_label(AIRINGS, ReachSource.MEASURED)
    return (
        _("Lượt phát đã xác nhận — %(kind)s: %(method)s Tính theo tuần của giờ phát (giờ Việt Nam, thứ Hai đến "
          "Chủ nhật).", kind=_t(KIND_LABELS[ReachSource.MEASURED]), method=_t(airings.method)),
        _("Số lượt cần phát mỗi tuần: theo chỉ tiêu “số lượt phát mỗi đài mỗi tuần” của chiến dịch (chỉ tiêu của "
          "địa bàn nhỏ nhất áp dụng cho đài); nếu không có chỉ tiêu, theo số lượt tin của chiến dịch đã lên lịch cho "
          "đài trong tuần đó (không tính lượt đã hủy hoặc tạm giữ)."),
        _("Ký hiệu: ✓ đạt, ✗ chưa đạt (tuần đã qua), … đang trong tuần, · tuần chưa đến, – không có yêu cầu."),
    )


def grid_table(grid: ComplianceGrid, viewer: User) -> FigureTable:
    """Stations × weeks, as the page shows it."""
    columns = [Column(_("Đài truyền thanh")), Column(_("Địa bàn")), Column(_("Liên hệ")),
               *(Column(_week_label(week)) for week in grid.weeks), Column(_("Số tuần chưa đạt"), ColumnKind.NUMBER)]
    rows: list[list[Value | Cell]] = [
        [row.station.name, row.station.area.name, _contact(row, viewer), *(_grid_cell(c) for c in row.cells),
         row.missed] for row in grid.rows]
    return figure_table(GRID, _("Đài phát đủ số lượt theo tuần"), columns, rows, _notes())


def station_weeks_table(grid: ComplianceGrid, viewer: User) -> FigureTable:
    """One row per station and week, numbers as numbers: for a spreadsheet's filters and sums."""
    columns = [Column(_("Đài truyền thanh")), Column(_("Địa bàn")), Column(_("Liên hệ")),
               Column(_("Tuần bắt đầu"), ColumnKind.DATE), Column(_("Lượt phát đã xác nhận"), ColumnKind.NUMBER),
               Column(_("Số lượt cần phát"), ColumnKind.NUMBER), Column(_("Căn cứ")), Column(_("Kết quả"))]
    rows: list[list[Value | Cell]] = [
        [row.station.name, row.station.area.name, _contact(row, viewer), cell.week,
         Cell(cell.confirmed, hint=_t(metric_label(AIRINGS, ReachSource.MEASURED).method)),
         Cell(cell.required, hint=_hint(cell)),
         _t(BASIS_LABELS[cell.basis]) if cell.basis else _("không có yêu cầu"), _status(cell)]
        for row in grid.rows for cell in row.cells]
    return figure_table(STATION_WEEKS, _("Kết quả từng đài, từng tuần"), columns, rows, _notes())


def villages_table(grid: ComplianceGrid) -> FigureTable:
    """Each station's clusters and the villages they cover, and per week how many of them heard the campaign."""
    columns = [Column(_("Đài truyền thanh")), Column(_("Địa bàn")), Column(_("Cụm loa"), ColumnKind.NUMBER),
               Column(_("Thôn, tổ dân phố được phủ"), ColumnKind.NUMBER),
               *(Column(_week_label(week)) for week in grid.weeks)]
    hint = _("Số thôn, tổ dân phố đã nghe tin của chiến dịch trong tuần (theo lượt phát đã xác nhận) / số thôn các "
             "cụm loa của đài phủ.")
    rows: list[list[Value | Cell]] = [
        [row.station.name, row.station.area.name, row.clusters, row.villages,
         *(Cell(f"{c.villages_reached}/{row.villages}", hint=hint) for c in row.cells)]
        for row in grid.rows if row.clusters]
    notes = (_("Một lượt phát cho cả đài đến được mọi thôn mà các cụm loa của đài phủ; một lượt phát chỉ cho vài thôn "
               "đến được các thôn đó. Mỗi thôn được tính một lần mỗi tuần."),)
    return figure_table(VILLAGES, _("Cụm loa và thôn, tổ dân phố đã nghe tin"), columns, rows, notes)


def compliance_tables(grid: ComplianceGrid, viewer: User) -> list[FigureTable]:
    return [grid_table(grid, viewer), station_weeks_table(grid, viewer), villages_table(grid)]
