"""The delivery calendar page: a week or a month of what goes out, filtered by area and destination."""

from __future__ import annotations

from datetime import date

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from campaigns.calendar import STATIONS, CalendarView, build_calendar
from campaigns.planning import plannable_channels
from content.areas import list_administrative_areas
from content.errors import InvalidInput
from content.models import Area
from web.auth import actor
from web.database import get_db, now, zone
from web.params import read_date, read_int


def _filters(args: MultiDict[str, str]) -> tuple[CalendarView, date, Area | None, str | int | None]:
    """The page's choices; a value that makes no sense is reported and dropped, never fatal."""
    try:
        view = CalendarView(args.get("view") or "week")
    except ValueError:
        flash(_("Không có kiểu xem “%(value)s”; đang hiện theo tuần.", value=args["view"]), "error")
        view = CalendarView.WEEK
    today = now().astimezone(zone()).date()
    try:
        anchor = read_date(args.get("day"), "day", default=today) or today
    except InvalidInput:
        flash(_("Ngày “%(value)s” không hợp lệ; đang hiện hôm nay.", value=args["day"]), "error")
        anchor = today
    area_id, destination_id = _id(args, "area_id"), _id(args, "destination")
    area = get_db().get(Area, area_id) if area_id else None
    if args.get("area_id") and area is None:
        flash(_("Bỏ qua bộ lọc địa bàn không hợp lệ."), "error")
    destination: str | int | None = STATIONS if args.get("destination") == STATIONS else destination_id
    return view, anchor, area, destination


def _id(args: MultiDict[str, str], name: str) -> int | None:
    try:
        return read_int(args.get(name), name)
    except InvalidInput:
        return None  # a filter that names nothing is dropped


@login_required
def calendar():
    view, anchor, area, destination = _filters(request.args)
    shown = build_calendar(get_db(), actor(), view=view, anchor=anchor, zone=zone(), area=area,
                           destination=destination)
    return render_template("desk/calendar.html", calendar=shown, area=area, destination=destination,
                           today=now().astimezone(zone()).date(), areas=list_administrative_areas(get_db(), actor().area),
                           channels=plannable_channels(get_db(), actor()), stations_value=STATIONS)
