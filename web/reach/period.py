"""The period a reach page shows, from `from` and `to` in the query: bounded, so a figure is never asked for a
decade of days (every day is a row of a table, a point of a chart, a line of a report)."""

from __future__ import annotations

from datetime import date

from flask import request

from campaigns.reach_reads import MAX_CAMPAIGN_DAYS, DayRange, reach_period
from web.params import read_day


def query_period(starts_on: date, ends_on: date, today: date) -> DayRange:
    """`from`–`to` (both local days, included); by default the campaign's own period, cut at today."""
    first = read_day(request.args.get("from"), "from", default=starts_on) or starts_on
    last = read_day(request.args.get("to"), "to", default=max(first, min(ends_on, today))) or ends_on
    return reach_period(first, last, most_days=MAX_CAMPAIGN_DAYS)
