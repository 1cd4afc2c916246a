"""A campaign's figures for one viewer and period, as FigureTables: what the dashboard shows, what its exports
and the report are made of, so every output carries the same numbers with the same labels.

Every figure keeps its metric and kind, and lies in the viewer's area (campaigns.reach_scope); a day or an area
without a figure is None ("chưa có số liệu"), never 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Campaign, Channel, ReachSource, Target
from campaigns.platform_metrics import latest_campaign_platform_metrics
from campaigns.reach_labels import KIND_LABELS, KIND_METHODS, METRICS, metric_label
from campaigns.reach_reads import (
    DayRange,
    reach_by_area,
    reach_by_day,
    reach_by_day_seen_from,
    reach_by_message_seen_from,
)
from campaigns.reach_scope import ReachView, is_target_visible
from campaigns.target_progress import Progress, progress, scope_of
from campaigns.visits import VIEW
from content.models import Area, Message
from web.formatting import CHANNEL_KIND_LABELS, TARGET_KIND_LABELS
from web.i18n.locale import translate
from web.reach.tables import Cell, Column, ColumnKind, FigureTable, Value, figure_table

Series = tuple[str, ReachSource]  # one metric of one kind: the unit every table column and chart line keeps
DEFAULT_RANK: Series = (VIEW, ReachSource.MEASURED)
TOP_MESSAGES = 10


def t(text: object) -> str:
    return str(translate(text))


def series_order(keys: Iterable[Series]) -> list[Series]:
    """Loa's known metrics in their labels' order, then any other (a renamed platform metric) by name."""
    known = list(METRICS)
    return sorted(set(keys), key=lambda s: (known.index(s[0]) if s[0] in known else len(known), s[0], s[1].value))


def series_label(series: Series) -> str:
    metric, kind = series
    return f"{t(metric_label(metric, kind).name)} ({t(KIND_LABELS[kind])})"


def series_method(series: Series) -> str:
    return t(metric_label(*series).method)


def series_column(series: Series) -> Column:
    return Column(series_label(series), ColumnKind.NUMBER)


def kind_notes(kinds: Iterable[ReachSource]) -> tuple[str, ...]:
    return tuple(f"{t(KIND_LABELS[kind])}: {t(KIND_METHODS[kind])}" for kind in sorted(set(kinds), key=list(ReachSource).index))


def method_notes(keys: Sequence[Series]) -> tuple[str, ...]:
    return kind_notes(kind for _metric, kind in keys) + tuple(f"{series_label(s)}: {series_method(s)}" for s in keys)


@dataclass(frozen=True)
class ByDay:
    keys: list[Series]
    values: dict[Series, dict[date, float]]

    def points(self, series: Series) -> list[tuple[date, float]]:
        return sorted(self.values[series].items())


def read_by_day(session: Session, campaign: Campaign, days: DayRange, view: ReachView) -> ByDay:
    values: dict[Series, dict[date, float]] = defaultdict(dict)
    for row in reach_by_day_seen_from(session, campaign, days, view.area):
        values[(row.metric, row.kind)][row.day] = row.value
    return ByDay(series_order(values), dict(values))


def totals_table(by_day: ByDay) -> FigureTable:
    rows = [(Cell(t(metric_label(*s).name), hint=series_method(s)), t(KIND_LABELS[s[1]]),
             Cell(sum(by_day.values[s].values()), hint=series_method(s)), len(by_day.values[s]))
            for s in by_day.keys]
    return figure_table("totals", _("Tổng trong kỳ theo chỉ số"),
                        [Column(_("Chỉ số")), Column(_("Loại số liệu")), Column(_("Tổng trong kỳ"), ColumnKind.NUMBER),
                         Column(_("Số ngày có số liệu"), ColumnKind.NUMBER)], rows,
                        notes=(_("Tổng nhiều ngày cộng số của từng ngày: người xem cộng lại là lượt khách-ngày, "
                                 "người nghe tiềm năng cộng lại là lượt người nghe-ngày; không phải số người."),) + method_notes(by_day.keys))


def days_table(by_day: ByDay, days: DayRange) -> FigureTable:
    """One row per day that has any figure; a series without a figure that day is None, not 0."""
    seen = sorted({day for values in by_day.values.values() for day in values})
    rows = [[Cell(day)] + [Cell(by_day.values[s].get(day), hint=series_method(s)) for s in by_day.keys]
            for day in seen]
    return figure_table("days", _("Hoạt động và mức độ tiếp cận theo ngày"),
                        [Column(_("Ngày"), ColumnKind.DATE)] + [series_column(s) for s in by_day.keys], rows,
                        notes=(_("Chỉ liệt kê những ngày có số liệu, từ %(first)s đến %(last)s.",
                                 first=days.first.strftime("%d/%m/%Y"), last=days.last.strftime("%d/%m/%Y")),)
                        + method_notes(by_day.keys))


def crumbs_of(root: Area, top: Area) -> list[Area]:
    """The areas from the viewer's top down to `root`, for the breadcrumb."""
    chain = [root]
    while chain[-1].id != top.id and chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    return list(reversed(chain))


@dataclass(frozen=True)
class ByArea:
    root: Area
    areas: list[Area]  # the areas just below the root that have a figure
    keys: list[Series]
    values: dict[Series, dict[int, float]]
    whole: dict[Series, float]  # the root's whole subtree, its own figures included


def read_by_area(session: Session, campaign: Campaign, days: DayRange, root: Area) -> ByArea:
    values: dict[Series, dict[int, float]] = defaultdict(dict)
    areas: dict[int, Area] = {}
    for row in reach_by_area(session, campaign, days, root):
        values[(row.metric, row.kind)][row.area.id] = row.value
        areas[row.area.id] = row.area
    whole: dict[Series, float] = defaultdict(float)
    for day in reach_by_day(session, campaign, days, within=root):
        whole[(day.metric, day.kind)] += day.value
    return ByArea(root, sorted(areas.values(), key=lambda a: a.path), series_order([*values, *whole]),
                  {s: values.get(s, {}) for s in [*values, *whole]}, dict(whole))


def areas_table(by_area: ByArea, link: dict[int, str]) -> FigureTable:
    rows = [[Cell(area.name, href=link.get(area.id))] + [Cell(by_area.values[s].get(area.id), hint=series_method(s))
                                                         for s in by_area.keys]
            for area in by_area.areas]
    if by_area.whole:
        rows.append([Cell(_("Toàn %(area)s", area=by_area.root.name))]
                    + [Cell(by_area.whole.get(s), hint=series_method(s)) for s in by_area.keys])
    return figure_table("areas", _("Theo địa bàn trực thuộc %(area)s", area=by_area.root.name),
                        [Column(_("Địa bàn"))] + [series_column(s) for s in by_area.keys], rows,
                        notes=(_("Mỗi địa bàn là tổng của nó và mọi địa bàn bên dưới; dòng cuối là cả %(area)s, gồm "
                                 "cả số ghi cho chính %(area)s. Số liệu không gắn với địa bàn nào (lượt xem cổng, "
                                 "lượt bấm liên kết) không có ở bảng này; xem bảng tổng.", area=by_area.root.name),)
                        + method_notes(by_area.keys))


@dataclass(frozen=True)
class ByMessage:
    rank: Series
    ranked: list[tuple[Message, dict[Series, float]]]
    keys: list[Series]


def read_by_message(session: Session, campaign: Campaign, days: DayRange, view: ReachView, rank: Series) -> ByMessage:
    values: dict[int, dict[Series, float]] = defaultdict(dict)
    for row in reach_by_message_seen_from(session, campaign, days, view.area):
        values[row.message_id][(row.metric, row.kind)] = row.value
    top = sorted((mid for mid, v in values.items() if rank in v), key=lambda mid: (-values[mid][rank], mid))
    top = top[:TOP_MESSAGES]
    messages = {m.id: m for m in session.scalars(select(Message).where(Message.id.in_(top)))} if top else {}
    keys = series_order(k for mid in top for k in values[mid])
    return ByMessage(rank, [(messages[mid], values[mid]) for mid in top], keys)


def messages_table(by_message: ByMessage) -> FigureTable:
    others = [s for s in by_message.keys if s != by_message.rank]
    rows: list[list[Value | Cell]] = []
    for n, (message, values) in enumerate(by_message.ranked, start=1):
        rows.append([n, Cell(message.title, href=url_for("reach.message_reach_page", message_id=message.id)),
                     *(Cell(values.get(s), hint=series_method(s)) for s in [by_message.rank, *others])])
    return figure_table("messages", _("Tin nổi bật, xếp theo %(series)s", series=series_label(by_message.rank)),
                        [Column(_("Hạng"), ColumnKind.NUMBER), Column(_("Tin"))]
                        + [series_column(s) for s in [by_message.rank, *others]], rows,
                        notes=(_("Xếp theo một chỉ số và một loại số liệu, không cộng các chỉ số với nhau; "
                                 "tối đa %(n)s tin.", n=TOP_MESSAGES),) + method_notes([by_message.rank, *others]))


def platform_table(session: Session, campaign: Campaign, days: DayRange, view: ReachView, zone: ZoneInfo) -> FigureTable:
    upto = datetime.combine(days.last, time.max, tzinfo=zone).astimezone(timezone.utc)
    totals, silent = latest_campaign_platform_metrics(session, campaign, upto=upto, within=view.area)
    names = {c.id: c.name for c in session.scalars(select(Channel).where(Channel.id.in_({x.channel_id for x in totals})))}
    reported = t(KIND_LABELS[ReachSource.REPORTED])
    rows: list[list[Value | Cell]] = [
        [f"{names[x.channel_id]} ({CHANNEL_KIND_LABELS.get(x.kind.value, x.kind.value)})",
         Cell(t(metric_label(x.metric, ReachSource.REPORTED).name), hint=t(metric_label(x.metric, ReachSource.REPORTED).method)),
         reported, Cell(x.value, hint=t(KIND_METHODS[ReachSource.REPORTED])), x.messages,
         Cell(x.read_at.date()), ", ".join(x.api_versions) or "—"] for x in totals]
    rows += [[f"{c.name} ({CHANNEL_KIND_LABELS.get(c.kind.value, c.kind.value)})", _("Nền tảng không cung cấp số liệu"),
              reported, None, None, None, "—"] for c in silent]
    return figure_table("platforms", _("Số liệu nền tảng báo cáo (lần đọc mới nhất của mỗi tin)"),
                        [Column(_("Kênh")), Column(_("Chỉ số")), Column(_("Loại số liệu")),
                         Column(_("Giá trị"), ColumnKind.NUMBER), Column(_("Số tin"), ColumnKind.NUMBER),
                         Column(_("Đọc lần cuối"), ColumnKind.DATE), Column(_("Phiên bản API"))],
                        rows,
                        notes=(t(KIND_METHODS[ReachSource.REPORTED]),
                               _("Mỗi tin lấy lần đọc mới nhất đến hết ngày %(last)s; giá trị là tổng các lần đọc "
                                 "mới nhất đó trên cùng một kênh và cùng một chỉ số.",
                                 last=days.last.strftime("%d/%m/%Y"))))


@dataclass(frozen=True)
class TargetLine:
    target: Target
    name: str
    kind_label: str
    progress: Progress
    measure: str  # what current and goal count, in the reader's language
    verdict: str


@dataclass(frozen=True)
class Targets:
    lines: list[TargetLine]
    hidden: int  # targets over a wider area than the viewer's: one figure for all of it, so not shown
    as_of: date


def read_targets(session: Session, campaign: Campaign, view: ReachView, *, today: date, zone: ZoneInfo) -> Targets:
    lines = []
    visible = [target for target in campaign.targets if is_target_visible(view, scope_of(target))]
    for target in visible:
        kind_label = str(TARGET_KIND_LABELS.get(target.kind.value, target.kind.value))
        result = progress(session, target, today=today, zone=zone)
        lines.append(TargetLine(target, target.description or kind_label, kind_label, result, t(result.measure),
                                t(result.verdict)))
    return Targets(lines, len(campaign.targets) - len(visible), today)


def targets_table(targets: Targets) -> FigureTable:
    rows: list[list[Value | Cell]] = []
    for line in targets.lines:
        p = line.progress
        rows.append([line.name, line.kind_label,
                     Cell(p.current, hint=line.measure), Cell(p.goal, hint=line.measure), line.measure,
                     None if p.share_done is None else round(100 * p.share_done, 1),
                     round(100 * p.expected_share, 1), line.verdict,
                     None if p.pace_needed_per_week is None else round(p.pace_needed_per_week, 1),
                     Cell(p.starts_on), Cell(p.ends_on)])
    notes = [_("Tiến độ tính đến hết ngày %(day)s, từ số liệu Loa ghi nhận; không nhập tay.",
               day=targets.as_of.strftime("%d/%m/%Y")),
             _("Tiến độ kỳ vọng: phần thời gian của chỉ tiêu đã trôi qua; đúng tiến độ khi tỉ lệ hoàn thành "
               "không thấp hơn nó. Cần mỗi tuần: phần còn thiếu chia cho số tuần còn lại.")]
    if targets.hidden:
        notes.append(_("%(n)s chỉ tiêu tính trên địa bàn rộng hơn địa bàn của bạn nên không hiển thị ở đây.",
                       n=targets.hidden))
    return figure_table("targets", _("Chỉ tiêu và tiến độ"),
                        [Column(_("Chỉ tiêu")), Column(_("Loại chỉ tiêu")), Column(_("Hiện đạt"), ColumnKind.NUMBER),
                         Column(_("Mục tiêu"), ColumnKind.NUMBER), Column(_("Đơn vị đo")),
                         Column(_("Tỉ lệ hoàn thành"), ColumnKind.PERCENT),
                         Column(_("Tiến độ kỳ vọng"), ColumnKind.PERCENT), Column(_("Đánh giá")),
                         Column(_("Cần thêm mỗi tuần"), ColumnKind.NUMBER),
                         Column(_("Từ ngày"), ColumnKind.DATE), Column(_("Đến ngày"), ColumnKind.DATE)],
                        rows, notes=notes)
