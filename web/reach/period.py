"""The period a reach page shows, from `from` and `to` in the query: bounded, so a figure is never asked for a
decade of days (every day is a row of a table, a point of a chart, a line of a report)."""

from __future__ import annotations

from datetime import date

from flask import request
from flask_babel import gettext as _

from campaigns.reach_reads import DayRange
from content.errors import InvalidInput
from web.params import read_day

MAX_DAYS = 3 * 366  # three years: a plan's whole term in one report


def query_period(starts_on: date, ends_on: date, today: date) -> DayRange:
    """`from`–`to` (both local days, included); by default the campaign's own period, cut at today."""
    first = read_day(request.args.get("from"), "from", default=starts_on) or starts_on
    last = read_day(request.args.get("to"), "to", default=max(first, min(ends_on, today))) or ends_on
    if first > last:
        raise InvalidInput({"from": _("Ngày bắt đầu (%(first)s) sau ngày kết thúc (%(last)s).",
                                      first=first.strftime("%d/%m/%Y"), last=last.strftime("%d/%m/%Y"))})
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput({"to": _("Khoảng thời gian quá dài: %(days)s ngày; tối đa %(most)s ngày (ba năm).",
                                    days=(last - first).days + 1, most=MAX_DAYS)})
    return DayRange(first, last)
