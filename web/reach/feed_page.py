"""The site's feeds: how many times they were polled and by how many clients a day (measured), and how many
subscribers feed services say they have (platform-reported), each figure with its kind and method.

The feeds are the whole site's, no area's: only those who may read figures across a province or the country
(reach.view with a province-wide or nationwide account) see them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.feed_counts import FEED_CLIENT, FEED_FETCH, FEED_SUBSCRIBERS
from campaigns.feed_reach import feed_days, latest_subscribers
from campaigns.models import ReachSource
from campaigns.reach_labels import KIND_LABELS, metric_label
from campaigns.reach_reads import reach_period
from content.errors import PermissionDenied
from content.permissions import DENIED, Action, is_allowed, is_install_wide
from web.auth import actor
from web.database import get_db, now, zone
from web.i18n.locale import translate
from web.params import read_day
from web.reach.exports import export_response
from web.reach.tables import Cell, Column, ColumnKind, FigureTable, Value, figure_table

DEFAULT_DAYS = 30
FEED_NAMES = {"/feed.rss": "RSS", "/feed.atom": "Atom"}


def _t(text: str) -> str:
    return str(translate(text))


def _authorize() -> None:
    user = actor()
    if not (is_allowed(user, Action.REACH_VIEW, None) and is_install_wide(user)):
        raise PermissionDenied(DENIED, attempted=Action.REACH_VIEW.value, object_type="feeds")


def _period(today: date) -> tuple[date, date]:
    last = read_day(request.args.get("to"), "to", default=today) or today
    first = read_day(request.args.get("from"), "from", default=last - timedelta(days=DEFAULT_DAYS - 1)) or last
    days = reach_period(first, last)  # backwards, or past a year: refused in the words every reach page uses
    return days.first, days.last


def _feed_name(path: str) -> str:
    return f"{FEED_NAMES.get(path, path)} ({path})"


def _labelled(metric: str, kind: ReachSource) -> tuple[Column, str]:
    """A column named with its metric and kind, and the hover text of its cells (the kind's and metric's method)."""
    label = metric_label(metric, kind)
    column = Column(f"{_t(label.name)} — {_t(KIND_LABELS[kind])}", ColumnKind.NUMBER)
    return column, f"{_t(KIND_LABELS[kind])}: {_t(label.method)}"


def _tables(first: date, last: date) -> list[FigureTable]:
    fetch_column, fetch_hint = _labelled(FEED_FETCH, ReachSource.MEASURED)
    client_column, client_hint = _labelled(FEED_CLIENT, ReachSource.MEASURED)
    days: list[list[Value | Cell]] = [
        [d.day, _feed_name(d.feed), Cell(d.fetches, hint=fetch_hint), Cell(d.clients, hint=client_hint)]
        for d in feed_days(get_db(), first=first, last=last, zone=zone())]
    subscriber_column, subscriber_hint = _labelled(FEED_SUBSCRIBERS, ReachSource.REPORTED)
    until = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone())
    reports: list[list[Value | Cell]] = [
        [r.service, _feed_name(r.feed), Cell(r.subscribers, hint=subscriber_hint), r.seen_at.astimezone(zone()).date()]
        for r in latest_subscribers(get_db(), until=until)]
    return [
        figure_table("feed-days", _("Lượt tải và máy đọc tin theo ngày"),
                     [Column(_("Ngày"), ColumnKind.DATE), Column(_("Nguồn tin")), fetch_column, client_column], days,
                     [fetch_hint, client_hint,
                      _("Cộng máy đọc tin của nhiều ngày là lượt máy-ngày, không phải số máy.")]),
        figure_table("feed-subscribers", _("Người theo dõi theo dịch vụ đọc tin (lần báo mới nhất)"),
                     [Column(_("Dịch vụ")), Column(_("Nguồn tin")), subscriber_column,
                      Column(_("Ngày báo"), ColumnKind.DATE)], reports,
                     [subscriber_hint, _("Các dịch vụ khác nhau có thể có cùng một người theo dõi: không cộng lại.")]),
    ]


def _read() -> tuple[date, date, list[FigureTable]]:
    _authorize()
    first, last = _period(now().astimezone(zone()).date())
    return first, last, _tables(first, last)


@login_required
def feed_reach() -> ResponseReturnValue:
    first, last, tables = _read()
    return render_template("reach/feeds.html", first=first, last=last, tables=tables,
                           export_query={"from": first.isoformat(), "to": last.isoformat()})


@login_required
def feed_reach_export(table: str, fmt: str) -> ResponseReturnValue:
    _first, _last, tables = _read()
    return export_response(tables, table, fmt, filename_stem="nguon-tin")
