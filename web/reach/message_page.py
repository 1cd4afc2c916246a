"""A message's reach page: per channel, per day (charts and their tables), per area, with every figure's kind,
and the same tables as CSV and XLSX downloads."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required
from markupsafe import Markup

from campaigns.combined_reach import PEOPLE_METRICS
from campaigns.links import CLICK
from campaigns.loudspeaker_reach import LISTENERS
from campaigns.message_reach import (
    MessageReachReport,
    area_root,
    default_period,
    message_reach,
)
from campaigns.models import ReachSource
from campaigns.reach_labels import KIND_LABELS, KIND_METHODS
from campaigns.reach_reads import reach_period
from campaigns.reach_rollups import local_day
from campaigns.reach_scope import reach_scope
from campaigns.visits import VISITOR
from content.errors import InvalidInput
from content.models import Area, Message
from content.permissions import Action, is_allowed
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.formatting import CHANNEL_KIND_LABELS
from web.i18n.locale import translate
from web.params import query_int, read_day
from web.reach.charts import Series, line_chart
from web.reach.exports import export_response
from web.reach.message_tables import channel_name, message_tables, metric_method, metric_name
from web.reach.tables import FigureTable


@login_required
def message_reach_page(message_id: int) -> ResponseReturnValue:
    report, query = _report(message_id)
    tables = {t.name: t for t in _tables(report, query)}
    return render_template(
        "reach/message.html", report=report, message=report.message, tables=tables, query=query,
        charts=_charts(report), names={c.key: channel_name(c) for c in report.channels},
        kinds=[(str(translate(KIND_LABELS[k])), str(translate(KIND_METHODS[k]))) for k in ReachSource],
        kinds_enum=ReachSource, kind_labels={k.value: str(translate(KIND_LABELS[k])) for k in ReachSource},
        kind_methods={k.value: str(translate(KIND_METHODS[k])) for k in ReachSource},
        metric_name=metric_name, metric_method=metric_method,
        metrics=_metrics_shown(report), people_methods=_people_methods(),
        parent=_parent(report), may_open_message=is_allowed(actor(), Action.MESSAGE_VIEW, report.message.area),
        may_set_coverage={s.id for s in report.loudspeaker.stations_without_coverage
                          if is_allowed(actor(), Action.STATION_MANAGE, s.area)})


@login_required
def message_reach_export(message_id: int, table: str, fmt: str) -> ResponseReturnValue:
    report, query = _report(message_id)
    return export_response(_tables(report, query), table, fmt, filename_stem=f"tin-{message_id}-tiep-can")


def _report(message_id: int) -> tuple[MessageReachReport, dict[str, str]]:
    db, local = get_db(), zone()
    message = get_or_404(Message, message_id, _("Không tìm thấy tin này."))
    scope = reach_scope(actor(), message.area, object_type="message", object_id=message.id)
    default = default_period(db, message, today=local_day(now(), local), zone=local)
    first = read_day(request.args.get("from"), "from", default=default.first) or default.first
    last = read_day(request.args.get("to"), "to", default=default.last) or default.last
    days = reach_period(first, last)
    area_id = query_int("area")
    requested = db.get(Area, area_id) if area_id is not None else None
    if area_id is not None and requested is None:
        raise InvalidInput({"area": _("Không có địa bàn mang mã số %(id)s.", id=area_id)})
    root = area_root(scope, message, requested)
    query = {"from": days.first.isoformat(), "to": days.last.isoformat()}
    if requested is not None:
        query["area"] = str(requested.id)
    return message_reach(db, message, days, scope=scope, root=root, zone=local), query


def _tables(report: MessageReachReport, query: dict[str, str]) -> list[FigureTable]:
    period = {key: value for key, value in query.items() if key != "area"}

    def link(area_id: int) -> str:
        return url_for("reach.message_reach_page", message_id=report.message.id, area=area_id,
                       **period)  # type: ignore[arg-type]  # query values, not url_for's own options

    return message_tables(report, link)


def _charts(report: MessageReachReport) -> list[Markup]:
    """People reached per day (portal visitors, loudspeaker listeners), then tracked-link clicks per channel."""
    names = {c.key: channel_name(c) for c in report.channels}
    people = [Series(_short(names.get(s.channel_key, "")), s.points, s.kind)
              for s in report.series if s.metric in (VISITOR, LISTENERS)]
    clicks = [Series(_short(names.get(s.channel_key, "")), s.points, s.kind)
              for s in report.series if s.metric == CLICK]
    period = (report.days.first, report.days.last)
    charts = [line_chart(people, title=_("Người được tiếp cận mỗi ngày"), unit=_("người"), period=period)]
    if clicks:
        charts.append(line_chart(clicks, title=_("Lượt bấm liên kết mỗi ngày, theo kênh"), unit=_("lượt bấm"),
                                 period=period))
    return charts


def _short(label: str) -> str:
    # A chart labels each line at its right end, in a margin of about 22 characters.
    return label if len(label) <= 22 else label[:21] + "…"


def _metrics_shown(report: MessageReachReport) -> list[tuple[str, str, str]]:
    """Every metric on the page with its kind and method, for the "Phương pháp" section."""
    seen = {(f.metric, f.kind) for c in report.channels for f in c.figures}
    seen |= {(s.metric, s.kind) for s in report.series}
    seen |= {(r.metric, r.kind) for r in report.areas.rows} | {(f.metric, f.kind) for f in report.areas.totals}
    return sorted((metric_name(m, k), str(translate(KIND_LABELS[k])), metric_method(m, k)) for m, k in seen)


def _people_methods() -> list[tuple[str, str]]:
    """Which figure each channel contributes to the combined range, as the page states it."""
    names = []
    for kind, metric in PEOPLE_METRICS.items():
        if kind is None:
            source, channel = ReachSource.ESTIMATED, _("Loa truyền thanh")
        else:
            source = ReachSource.MEASURED if metric == VISITOR else ReachSource.REPORTED
            channel = str(CHANNEL_KIND_LABELS.get(kind.value, kind.value))
        names.append((channel, f"{metric_name(metric, source)} ({translate(KIND_LABELS[source])})"))
    return names


def _parent(report: MessageReachReport) -> Area | None:
    """The area one level up from the area table's, when the viewer may see it; None at the top."""
    root = report.areas.root
    if root is None or root.parent is None:
        return None
    limit = report.scope.limit
    return root.parent if limit is None or root.parent.path.startswith(limit.path) else None

