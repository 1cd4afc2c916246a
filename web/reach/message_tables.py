"""A message's reach as FigureTables: per channel, per day, per area, on the loudspeakers, from the platforms.

The page, its CSV and XLSX downloads are all made from these, so they show the same numbers with the
same labels. Each figure's kind is in a column or its column's heading, and its method is the cell's hint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask_babel import gettext as _

from campaigns.links import BOT_CLICK
from campaigns.loudspeaker_reach import AIRINGS, CONTACTS, Figure
from campaigns.message_reach import LOUDSPEAKERS, PORTAL, ChannelSummary, MessageReachReport, ReachFigure
from campaigns.models import ReachSource
from campaigns.reach_labels import KIND_LABELS, KIND_METHODS, metric_label
from campaigns.visits import BOT_VIEW
from web.database import zone
from web.formatting import CHANNEL_KIND_LABELS
from web.i18n.locale import translate
from web.reach.tables import Cell, Column, ColumnKind, FigureTable, Value, figure_table

TEXT, NUMBER, DATE = ColumnKind.TEXT, ColumnKind.NUMBER, ColumnKind.DATE
# Links to a page of the same report (an area's drill-down): the view knows the address.
AreaLink = Callable[[int], str]


def kind_label(kind: ReachSource) -> str:
    return str(translate(KIND_LABELS[kind]))


def kind_method(kind: ReachSource) -> str:
    return str(translate(KIND_METHODS[kind]))


def metric_name(metric: str, kind: ReachSource) -> str:
    return str(translate(metric_label(metric, kind).name))


def metric_method(metric: str, kind: ReachSource) -> str:
    return str(translate(metric_label(metric, kind).method))


def channel_name(channel: ChannelSummary) -> str:
    if channel.key == PORTAL:
        return _("Cổng thông tin")
    if channel.key == LOUDSPEAKERS:
        return _("Loa truyền thanh")
    return channel.name or ""


def channel_kind_name(channel: ChannelSummary) -> str:
    if channel.channel_kind is None:
        return _("Đài truyền thanh cơ sở")
    return str(CHANNEL_KIND_LABELS.get(channel.channel_kind.value, channel.channel_kind.value))


def figure_cell(figure: ReachFigure) -> Cell:
    return Cell(figure.value, metric_method(figure.metric, figure.kind))


def _heading(metric: str, kind: ReachSource) -> str:
    return f"{metric_name(metric, kind)} ({kind_label(kind)})"


def not_available(channel: ChannelSummary) -> str:
    return _("Không có số liệu: %(kind)s không cung cấp số liệu cho bài đăng.", kind=channel_kind_name(channel))


def channels_table(report: MessageReachReport) -> FigureTable:
    rows: list[list[Value | Cell]] = []
    for channel in report.channels:
        name, kind = channel_name(channel), channel_kind_name(channel)
        for figure in channel.figures:
            note = _("Số người tiếp cận của kênh, dùng cho khoảng chung") if figure == channel.people else ""
            if figure.kind is ReachSource.REPORTED and figure.api_version:
                note = "; ".join(filter(None, [note, _("API %(version)s", version=figure.api_version)]))
            rows.append([name, kind, metric_name(figure.metric, figure.kind),
                         Cell(kind_label(figure.kind), kind_method(figure.kind)), figure_cell(figure), note])
        if not channel.reports:
            rows.append([name, kind, _("Số liệu của nền tảng"),
                         Cell(kind_label(ReachSource.REPORTED), kind_method(ReachSource.REPORTED)),
                         Cell(None, not_available(channel)), not_available(channel)])
        elif not channel.figures:
            rows.append([name, kind, "", "", None, _("Chưa có số liệu trong khoảng thời gian này.")])
    return figure_table(
        "channels", _("Mọi con số của từng kênh"),
        [Column(_("Kênh")), Column(_("Loại kênh")), Column(_("Chỉ số")), Column(_("Loại số liệu")),
         Column(_("Giá trị"), NUMBER), Column(_("Ghi chú"))],
        rows,
        notes=[_("Mỗi con số đi kèm loại của nó; không cộng các chỉ số hay các loại số liệu với nhau."),
               _("Lượt xem, khách-ngày và lượt bấm cộng theo ngày trong khoảng đã chọn; số liệu nền tảng là lần "
                 "đọc mới nhất, không cộng dồn.")])


def days_table(report: MessageReachReport) -> FigureTable:
    names = {c.key: channel_name(c) for c in report.channels}
    columns = [Column(_("Ngày"), DATE)]
    # Bots per day would widen the table for little use (their totals are in the channels table), and the
    # loudspeakers' airings and contacts per day have their own table.
    shown = [s for s in report.series if s.metric not in (BOT_VIEW, BOT_CLICK, AIRINGS, CONTACTS)]
    values: dict[date, dict[int, float]] = {}
    hints = []
    for index, series in enumerate(shown):
        columns.append(Column(f"{names.get(series.channel_key, '')} · {_heading(series.metric, series.kind)}", NUMBER))
        hints.append(metric_method(series.metric, series.kind))
        for day, value in series.points:
            values.setdefault(day, {})[index] = value
    rows: list[list[Value | Cell]] = [[day, *(Cell(found.get(i), hints[i]) for i in range(len(shown)))]
                                      for day, found in sorted(values.items())]
    return figure_table("days", _("Số liệu theo ngày và kênh"), columns, rows,
                        notes=[_("Chỉ liệt kê những ngày có số liệu. Ngày tính theo giờ Việt Nam.")])


def loudspeaker_table(report: MessageReachReport) -> FigureTable:
    loud = report.loudspeaker
    names = {s.id: s.name for s in loud.stations_without_coverage}
    rows: list[list[Value | Cell]] = [[day.day, figure_cell(_figure(day.airings)), figure_cell(_figure(day.listeners)),
             figure_cell(_figure(day.contacts)),
             ", ".join(names.get(i, str(i)) for i in day.stations_without_coverage)]
            for day in loud.days]
    notes = [_("Người nghe tiềm năng và lượt tiếp cận là ước tính; cộng nhiều ngày thì một người nghe nhiều ngày "
               "được tính nhiều lần.")]
    if loud.stations_without_coverage:
        notes.append(_("Đài chưa có số dân vùng phủ (không được tính vào ước tính): %(names)s.",
                       names=", ".join(s.name for s in loud.stations_without_coverage)))
    if loud.villages_without_population:
        notes.append(_("Thôn, tổ dân phố được lên lịch riêng nhưng chưa có số dân (không được tính vào ước tính): "
                       "%(names)s.", names=", ".join(v.name for v in loud.villages_without_population)))
    return figure_table(
        "loudspeaker", _("Loa truyền thanh: từng ngày"),
        [Column(_("Ngày"), DATE), Column(_heading(loud.airings.metric, loud.airings.kind), NUMBER),
         Column(_heading(loud.listeners.metric, loud.listeners.kind), NUMBER),
         Column(_heading(loud.contacts.metric, loud.contacts.kind), NUMBER),
         Column(_("Đài chưa có số dân vùng phủ"))],
        rows, notes)


def _figure(figure: Figure) -> ReachFigure:
    return ReachFigure(figure.metric, figure.kind, float(figure.value) if figure.value is not None else None)


def platforms_table(report: MessageReachReport) -> FigureTable:
    rows: list[list[Value | Cell]] = []
    local = zone()
    for channel in report.channels:
        reported = [f for f in channel.figures if f.kind is ReachSource.REPORTED]
        if not channel.reports:
            rows.append([channel_name(channel), _("Số liệu của nền tảng"), Cell(None, not_available(channel)), "",
                         None, not_available(channel)])
        for figure in reported:
            read = figure.read_at.astimezone(local) if figure.read_at else None
            rows.append([channel_name(channel), metric_name(figure.metric, figure.kind), figure_cell(figure),
                         figure.api_version or "", read.date() if read else None,
                         _("Đọc lúc %(time)s", time=read.strftime("%H:%M %d/%m/%Y")) if read else ""])
    return figure_table(
        "platforms", _("Lần đọc mới nhất từ các nền tảng"),
        [Column(_("Kênh")), Column(_("Chỉ số")), Column(_("Giá trị"), NUMBER), Column(_("Phiên bản API")),
         Column(_("Ngày đọc"), DATE), Column(_("Ghi chú"))],
        rows, notes=[kind_method(ReachSource.REPORTED),
                     _("Nền tảng có thể đổi tên hoặc bỏ chỉ số; mỗi con số ghi kèm tên chỉ số và phiên bản API."),
                     _("Đây là tổng nền tảng báo ở lần đọc mới nhất, không tách theo khoảng thời gian đã chọn.")])


def areas_table(report: MessageReachReport, link: AreaLink) -> FigureTable:
    breakdown = report.areas
    keys = sorted({(r.metric, r.kind) for r in breakdown.rows} | {(f.metric, f.kind) for f in breakdown.totals},
                  key=lambda key: ("bot" in key[0], key))  # bots' figures shown apart, after people's
    columns = [Column(_("Địa bàn"))] + [Column(_heading(metric, kind), NUMBER) for metric, kind in keys]
    rows: list[list[Value | Cell]] = []
    if breakdown.root is not None:
        totals = {(f.metric, f.kind): f.value for f in breakdown.totals}
        rows.append([_("Toàn %(area)s", area=breakdown.root.name),
                     *(Cell(totals.get(key), metric_method(*key)) for key in keys)])
    children: dict[int, dict[tuple[str, ReachSource], float]] = {}
    areas = {}
    for r in breakdown.rows:
        children.setdefault(r.area.id, {})[(r.metric, r.kind)] = r.value
        areas[r.area.id] = r.area
    for area_id, found in children.items():
        rows.append([Cell(areas[area_id].name, href=link(area_id)),
                     *(Cell(found.get(key), metric_method(*key)) for key in keys)])
    return figure_table(
        "areas", _("Từng địa bàn trực thuộc"), columns, rows,
        notes=[_("Mỗi địa bàn gồm cả các địa bàn trực thuộc. Lượt xem trên cổng không gắn với địa bàn nào nên "
                 "không có ở bảng này; lượt bấm liên kết được ghi cho địa bàn của tin.")])


def message_tables(report: MessageReachReport, link: AreaLink) -> list[FigureTable]:
    return [channels_table(report), days_table(report), loudspeaker_table(report), platforms_table(report),
            areas_table(report, link)]
