"""Who has aired what: a radio operator's own stations, and the officers' view of a day in an area."""

from __future__ import annotations

from datetime import date, timedelta

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.airing_report import StationState, report_airings
from campaigns.airings import airings_by_delivery
from content.areas import list_administrative_areas
from content.errors import InvalidInput
from content.models import Area
from content.permissions import Action, authorize, is_allowed
from scheduler.radio_scripts.building import build_scripts
from web.auth import actor
from web.database import get_db, now, zone
from web.params import read_date, read_int
from web.radio.players import page_audio_format
from web.radio.slots import default_aired_at, has_begun


def _today() -> date:
    return now().astimezone(zone()).date()


def _chosen_day(value: str | None) -> date:
    if not value:
        return _today()
    try:
        return read_date(value, "day") or _today()
    except InvalidInput:
        flash(_("Ngày “%(value)s” không hợp lệ; đang hiện hôm nay.", value=value), "error")
        return _today()


def _chosen_area(value: str | None) -> Area | None:
    """The area asked for, or the viewer's own; one outside the viewer's subtree is refused by authorize()."""
    try:
        area_id = read_int(value, "area")
    except InvalidInput:
        area_id = None
    if area_id and (area := get_db().get(Area, area_id)) is not None:
        return area
    if value:
        flash(_("Không có địa bàn này; đang hiện địa bàn của bạn."), "error")
    return actor().area


def _areas(root: Area | None) -> list[Area]:
    return list_administrative_areas(get_db(), root)


@login_required
def mine():
    authorize(actor(), Action.AIRING_CONFIRM, None, object_type="station")
    today = _today()
    days = report_airings(get_db(), actor().area, today, zone=zone(), now=now())
    days.sort(key=lambda d: d.station.name)
    # Today's slots of every station in one build, to play and confirm right here.
    scripts = build_scripts(get_db(), [d.station for d in days], [today], zone=zone())
    ids = [item.delivery_id for script in scripts.values() for slot in script.slots for item in slot.items]
    return render_template("stations/mine.html", days=days, today=today, tomorrow=today + timedelta(days=1),
                           scripts={station_id: script for (station_id, _day), script in scripts.items()},
                           airings=airings_by_delivery(get_db(), ids), audio_fmt=page_audio_format(),
                           default_aired_at=default_aired_at, has_begun=has_begun)


@login_required
def airings():
    area, day = _chosen_area(request.args.get("area")), _chosen_day(request.args.get("day"))
    authorize(actor(), Action.AIRING_VIEW, area, object_type="area", object_id=area.id if area else None)
    days = report_airings(get_db(), area, day, zone=zone(), now=now())
    counts = {state: sum(1 for d in days if d.state is state) for state in StationState}
    return render_template("stations/airings.html", days=days, counts=counts, states=StationState, area=area,
                           day=day, areas=_areas(actor().area), can_confirm=is_allowed(actor(), Action.AIRING_CONFIRM, area))
