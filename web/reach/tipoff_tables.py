"""Tip-off figures as a FigureTable: the campaign dashboard's section and the report's, the same numbers in both.

Counts only (campaigns.tipoff_stats), never a word anyone sent: whoever may see a campaign's reach may see
them, while reading the tip-offs themselves stays with the officers granted it.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from campaigns.reach_reads import DayRange
from campaigns.tipoff_models import TipoffKind
from campaigns.tipoff_stats import TipoffFigures, tipoff_figures, tipoff_figures_by_area
from content.models import Area
from web.database import zone
from web.reach.tables import Column, ColumnKind, FigureTable, Value, figure_table
from web.tipoff_labels import TIPOFF_KIND_LABELS


def tipoff_table(session: Session, root: Area, days: DayRange) -> FigureTable:
    """The root area's tip-offs over the period, then each area just below it."""
    whole = tipoff_figures(session, root, days.first, days.last, zone=zone())
    rows: list[list[Value]] = []
    if whole.received:  # none at all: the table says "no figures", as every empty table of the dashboard does
        rows = [_row(whole, _("%(area)s (cả địa bàn)", area=root.name))]
        rows += [_row(f, f.area.name if f.area else "") for f in
                 tipoff_figures_by_area(session, root, days.first, days.last, zone=zone()) if f.received]
    columns = [Column(_("Địa bàn")), Column(_("Phản ánh nhận được"), ColumnKind.NUMBER),
               Column(_("Được đánh giá có giá trị"), ColumnKind.NUMBER),
               *(Column(str(TIPOFF_KIND_LABELS[kind.value]), ColumnKind.NUMBER) for kind in TipoffKind),
               Column(_("Đã được cán bộ xử lý"), ColumnKind.NUMBER),
               Column(_("Thời gian đến lần xử lý đầu (giờ, trung vị)"), ColumnKind.NUMBER)]
    return figure_table("tipoffs", _("Phản ánh, tố giác của người dân"), columns, rows, notes=[
        _("Tính phản ánh nhận trong kỳ; “có giá trị” là đánh giá gần nhất của cán bộ. Thời gian đến lần xử lý "
          "đầu tính từ lúc nhận (làm tròn đến giờ) đến việc đầu tiên cán bộ làm; để trống khi chưa phản ánh nào "
          "được xử lý. Địa bàn không có phản ánh nào trong kỳ không được liệt kê.")])


def _row(figures: TipoffFigures, name: str) -> list[Value]:
    kinds = dict(figures.by_kind)
    return [name, figures.received, figures.valuable, *(kinds[kind] for kind in TipoffKind), figures.handled,
            figures.median_hours_to_first_handling]
