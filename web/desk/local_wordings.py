"""A message's own wording for one station or area: the list on the message page, the form, removal."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.local_wording_models import LocalWording
from campaigns.local_wordings import remove_local_wording, set_local_wording, spoken_wording
from campaigns.models import Station
from campaigns.planning import plannable_stations
from content.areas import is_within, list_administrative_areas
from content.errors import InvalidInput
from content.models import Area, Message
from content.permissions import Action, authorize
from content.public_forms import spoken_for
from content.spoken.dictionary import load_rules
from web.auth import actor
from web.database import get_db, now
from web.desk.messages import desk_message
from web.desk.planning import STATION_PICKER


def _may_schedule(message: Message) -> Message:
    authorize(actor(), Action.MESSAGE_SCHEDULE, message.area, object_type="message", object_id=message.id)
    return message


def _wording(message: Message, wording_id: int) -> LocalWording:
    wording = get_db().get(LocalWording, wording_id)
    if wording is None or wording.message_id != message.id:
        abort(404)
    return wording


def _place(value: str) -> dict[str, Station | Area]:
    """"station-12" or "area-5" from the form; anything else is no place, which the domain refuses in words."""
    kind, _sep, number = value.partition("-")
    if not number.isdigit() or len(number) > 9:  # ids are 32-bit: a longer one names nothing (and PostgreSQL refuses it)
        return {}
    row = get_db().get(Station, int(number)) if kind == "station" else get_db().get(Area, int(number)) if kind == "area" else None
    return {kind: row} if row is not None else {}


def _form(message: Message, wording: LocalWording | None, text: str, place: str, errors: dict[str, str],
          status: int = 200) -> ResponseReturnValue:
    db = get_db()
    # What the saved wording sounds like (not what is being typed, which the page cannot read aloud yet).
    preview = spoken_wording(message, wording.text, rules=load_rules(db)) if wording is not None else ""
    stations = [] if wording else plannable_stations(db, actor(), limit=STATION_PICKER + 1)
    too_many = len(stations) > STATION_PICKER
    if too_many:
        # Too many to list: only the station the officer came from (its row in the message's deliveries).
        stations = [s for s in _place(place).values() if isinstance(s, Station) and is_within(s.area, actor().area)]
    return render_template(
        "desk/local_wording.html", message=message, wording=wording, text=text, place=place, errors=errors,
        preview=preview, stations=stations, too_many=too_many, picker_limit=STATION_PICKER,
        areas=[] if wording else list_administrative_areas(db, actor().area)), status


@login_required
def new_wording(message_id: int) -> ResponseReturnValue:
    message = _may_schedule(desk_message(message_id))
    if request.method == "GET":
        # Starts from what the stations read now: the officer changes a name or a number, not the whole text.
        return _form(message, None, spoken_for(message), request.args.get("place", ""), {})
    text, place = request.form.get("text", ""), request.form.get("place", "")
    try:
        wording = set_local_wording(get_db(), message, text, actor=actor(), now=now(), remote_addr=request.remote_addr,
                                    **_place(place))  # type: ignore[arg-type]  # keys are "station" or "area"
    except InvalidInput as error:
        get_db().rollback()
        return _form(desk_message(message_id), None, text, place, error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu bản riêng cho %(place)s.", place=wording.place_name), "success")
    return redirect(url_for("desk.message", message_id=message.id) + "#local-wordings")


@login_required
def edit_wording(message_id: int, wording_id: int) -> ResponseReturnValue:
    message = _may_schedule(desk_message(message_id))
    wording = _wording(message, wording_id)
    if request.method == "GET":
        return _form(message, wording, wording.text, "", {})
    text = request.form.get("text", "")
    try:
        set_local_wording(get_db(), message, text, actor=actor(), now=now(), remote_addr=request.remote_addr,
                          station=wording.station, area=wording.area if wording.station is None else None)
    except InvalidInput as error:
        get_db().rollback()
        message = desk_message(message_id)
        return _form(message, _wording(message, wording_id), text, "", error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu bản riêng cho %(place)s.", place=wording.place_name), "success")
    return redirect(url_for("desk.message", message_id=message.id) + "#local-wordings")


@login_required
def delete_wording(message_id: int, wording_id: int) -> ResponseReturnValue:
    message = _may_schedule(desk_message(message_id))
    wording = _wording(message, wording_id)
    name = wording.place_name
    remove_local_wording(get_db(), wording, actor=actor(), now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã xoá bản riêng cho %(place)s; nơi đó đọc lời chung của tin.", place=name), "success")
    return redirect(url_for("desk.message", message_id=message.id) + "#local-wordings")
