"""The radio API: a station's daily script for a date, for a box polling it or a person printing it."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, jsonify, render_template, request
from flask_login import current_user

from campaigns.models import Station
from campaigns.stations import find_station_by_token
from content.errors import InvalidInput, NotFound, PermissionDenied
from content.permissions import Action, authorize
from scheduler.scripts import DailyScript, build_daily_script, render_script_text
from web.database import get_db, zone

bp = Blueprint("radio", __name__, url_prefix="/radio")


def _authorized_station(station_id: int) -> Station:
    station = get_db().get(Station, station_id)
    if station is None:
        raise NotFound("Không có đài này.")
    if current_user.is_authenticated:
        authorize(current_user.user, Action.SCRIPT_VIEW, station.area, object_type="station", object_id=station.id)
        return station
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else request.args.get("token", "")
    holder = find_station_by_token(get_db(), token)
    if holder is None or holder.id != station.id:
        raise PermissionDenied("Mã truy cập của đài không hợp lệ.", attempted="radio.script",
                               object_type="station", object_id=station_id)
    return station


def _script_json(script: DailyScript) -> dict:
    return {
        "station": {"id": script.station_id, "name": script.station_name},
        "date": script.day.isoformat(),
        "slots": [
            {
                "starts_at": slot.starts_at.strftime("%H:%M") if slot.starts_at else None,
                "minutes": slot.minutes,
                "total_seconds": slot.total_seconds,
                "is_over": slot.is_over,
                "items": [
                    {"number": n, "delivery_id": i.delivery_id, "message_id": i.message_id, "title": i.title,
                     "text": i.text, "priority": i.priority.value, "seconds": i.seconds}
                    for n, i in enumerate(slot.items, 1)
                ],
            }
            for slot in script.slots
        ],
    }


@bp.get("/stations/<int:station_id>/scripts/<day>.<fmt>")
def script(station_id: int, day: str, fmt: str):
    if fmt not in ("txt", "json", "html"):
        abort(404)
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise InvalidInput({"day": f"Ngày '{day}' không hợp lệ (định dạng năm-tháng-ngày)."}) from None
    station = _authorized_station(station_id)
    built = build_daily_script(get_db(), station, when, zone=zone())
    if fmt == "txt":
        return Response(render_script_text(built), mimetype="text/plain")
    if fmt == "json":
        return jsonify(_script_json(built))
    return render_template("radio/script.html", script=built)
