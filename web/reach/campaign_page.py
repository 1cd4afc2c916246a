"""A campaign's dashboard: its targets and their pace, activity and reach over a period, the drill-down by area
and its top messages — the viewer's share of them only — and each table as CSV or XLSX."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from markupsafe import Markup
from sqlalchemy import select

from campaigns.models import Campaign, ReachSource
from campaigns.reach_labels import KIND_LABELS, METRICS, metric_label
from campaigns.reach_reads import DayRange
from campaigns.reach_scope import ReachView, campaign_reach_view
from content.errors import InvalidInput, NotFound
from content.models import Area
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.params import query_int
from web.reach.campaign_figures import (
    DEFAULT_RANK,
    ByArea,
    ByDay,
    ByMessage,
    Series,
    Targets,
    areas_table,
    crumbs_of,
    days_table,
    messages_table,
    platform_table,
    read_by_area,
    read_by_day,
    read_by_message,
    read_targets,
    series_label,
    t,
    targets_table,
    totals_table,
)
from web.reach.charts import Series as Line
from web.reach.charts import bar_chart, line_chart
from web.reach.exports import export_response
from web.reach.model_section import model_section
from web.reach.period import query_period
from web.reach.tables import FigureTable
from web.reach.tipoff_tables import tipoff_table


def load_campaign(campaign_id: int) -> tuple[Campaign, ReachView]:
    campaign = get_or_404(Campaign, campaign_id, _("Không tìm thấy chiến dịch này."))
    return campaign, campaign_reach_view(actor(), campaign)


def today_and_period(campaign: Campaign) -> DayRange:
    return query_period(campaign.starts_on, campaign.ends_on, now().astimezone(zone()).date())


def query_series(name: str, default: Series, known: list[Series]) -> Series:
    """A metric chosen in the query (`rank=portal_view`, with `<name>_kind=` if it has several kinds)."""
    metric = (request.args.get(name) or "").strip()
    if not metric:
        return default
    if metric not in METRICS and metric not in {m for m, _k in known}:
        raise InvalidInput({name: _("Không có chỉ số “%(metric)s”.", metric=metric[:40])})
    kind_text = (request.args.get(f"{name}_kind") or "").strip()
    if kind_text:
        if kind_text not in {k.value for k in ReachSource}:
            raise InvalidInput({f"{name}_kind": _("Không có loại số liệu “%(kind)s”.", kind=kind_text[:40])})
        return metric, ReachSource(kind_text)
    kinds = [k for m, k in known if m == metric]
    return metric, (ReachSource.MEASURED if ReachSource.MEASURED in kinds or not kinds else kinds[0])


def query_root(view: ReachView) -> Area:
    area_id = query_int("area")
    if area_id is None:
        return view.top
    root = get_db().get(Area, area_id)
    # An area outside the viewer's share reads as unknown: its existence is not the viewer's business either.
    if root is None or not view.includes(root):
        raise NotFound(_("Không tìm thấy địa bàn số %(id)s trong phạm vi bạn được xem của chiến dịch này.", id=area_id))
    return root


def charts_by_metric(by_day: ByDay, days: DayRange) -> list[tuple[str, Markup]]:
    """One chart per metric (its kinds as lines): counts of different metrics never share an axis."""
    charts = []
    for metric in dict.fromkeys(m for m, _k in by_day.keys):
        name = t(metric_label(metric, ReachSource.MEASURED).name)
        # The chart's title names the metric; each line is one kind of it, labelled by its kind alone.
        lines = [Line(t(KIND_LABELS[s[1]]), by_day.points(s), s[1]) for s in by_day.keys if s[0] == metric]
        charts.append((name, line_chart(lines, title=name, unit=name, period=(days.first, days.last))))
    return charts


def page_href(campaign_id: int, query: dict[str, str], **changes: object) -> str:
    """The dashboard's address with some query values changed (None drops one), the rest kept."""
    args = dict(query)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = str(value)
    return url_for("reach.campaign_reach", campaign_id=campaign_id) + ("?" + urlencode(args) if args else "")


def area_bar_chart(by_area: ByArea, bar: Series) -> Markup:
    """One metric of one kind across the areas below the root (an area without it: no data, not 0)."""
    bars = [(area.name, by_area.values[bar].get(area.id)) for area in by_area.areas]
    return bar_chart(bars, title=_("%(series)s theo địa bàn", series=t(metric_label(*bar).name)),
                     unit=t(KIND_LABELS[bar[1]]))


@dataclass(frozen=True)
class Dashboard:
    campaign: Campaign
    view: ReachView
    days: DayRange
    targets: Targets
    by_day: ByDay
    by_area: ByArea
    by_message: ByMessage
    crumbs: list[Area]
    bar: Series | None
    tables: dict[str, FigureTable]
    query: dict[str, str]

    def label(self, series: Series) -> str:
        return series_label(series)

    def href(self, **changes: object) -> str:
        return page_href(self.campaign.id, self.query, **changes)

    @property
    def export_base(self) -> str:
        return url_for("reach.campaign_reach", campaign_id=self.campaign.id)

    @property
    def export_query(self) -> str:
        """The page's own query, so a downloaded table has the page's period, area and ranking."""
        return urlencode(self.query)

    def charts(self) -> list[tuple[str, Markup]]:
        return charts_by_metric(self.by_day, self.days)

    def bar_chart(self) -> Markup | None:
        return area_bar_chart(self.by_area, self.bar) if self.bar is not None else None


def build_dashboard(campaign_id: int) -> Dashboard:
    campaign, view = load_campaign(campaign_id)
    session = get_db()
    days = today_and_period(campaign)
    root = query_root(view)
    by_day = read_by_day(session, campaign, days, view)
    rank = query_series("rank", DEFAULT_RANK, by_day.keys)
    by_area = read_by_area(session, campaign, days, root)
    bar: Series | None = query_series("bar", by_area.keys[0] if by_area.keys else DEFAULT_RANK, by_area.keys)
    if bar not in by_area.keys:
        bar = by_area.keys[0] if by_area.keys else None
    targets = read_targets(session, campaign, view, today=days.last, zone=zone())
    by_message = read_by_message(session, campaign, days, view, rank)
    query = {k: v for k, v in request.args.items() if k in ("from", "to", "area", "rank", "rank_kind", "bar", "bar_kind")}
    parents = set(session.scalars(select(Area.parent_id).where(Area.parent_id.in_([a.id for a in by_area.areas]))))
    links = {area.id: page_href(campaign.id, query, area=area.id) for area in by_area.areas if area.id in parents}
    tables = [targets_table(targets), totals_table(by_day), days_table(by_day, days), areas_table(by_area, links),
              messages_table(by_message), platform_table(session, campaign, days, view, zone()),
              tipoff_table(session, root, days)]
    return Dashboard(campaign, view, days, targets, by_day, by_area, by_message, crumbs_of(root, view.top), bar,
                     {table.name: table for table in tables}, query)


@login_required
def campaign_reach(campaign_id: int):
    dashboard = build_dashboard(campaign_id)
    return render_template("reach/campaign.html", d=dashboard,
                           models=model_section(dashboard.campaign, dashboard.view, dashboard.days))


@login_required
def campaign_reach_export(campaign_id: int, table: str, fmt: str):
    dashboard = build_dashboard(campaign_id)
    return export_response(list(dashboard.tables.values()), table, fmt, filename_stem=f"chien-dich-{campaign_id}")
