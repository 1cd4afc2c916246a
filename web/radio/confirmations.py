"""Airing confirmations over HTTP: a form for signed-in staff, and a JSON endpoint for a station's token.

The JSON endpoint takes the token only, never the login cookie: it is exempt from CSRF so a box can
post to it, and a cookie-authenticated endpoint without CSRF could be triggered from any web page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from campaigns.airings import AiringInput, airings_by_delivery, confirm_airing
from campaigns.models import Airing, Station
from campaigns.station_tokens import find_station_by_token
from content.errors import InvalidInput, LoaError
from content.permissions import Action, authorize
from scheduler.radio_scripts.building import build_daily_script
from web.database import get_db, get_or_404, now, zone
from web.errors import describe, discard_and_audit, json_problem, status_of
from web.i18n.locale import translate_all
from web.params import path_date, read_int, read_json_int, read_local_datetime
from web.radio.players import page_audio_format
from web.radio.refusals import TokenRefused
from web.radio.slots import default_aired_at
from web.radio.station_access import station_token


def _station(station_id: int) -> Station:
    return get_or_404(Station, station_id, _("Không có đài này."))


def _local_time(value: str) -> datetime | None:
    """A datetime-local field read in the configured zone; blank means "now"."""
    return read_local_datetime(value, "aired_at", zone())


def _form_input(form: MultiDict[str, str]) -> AiringInput:
    return AiringInput(delivery_id=read_int(form.get("delivery_id"), "delivery_id"), status=form.get("status", ""),
                       aired_at=_local_time(form.get("aired_at", "")), operator_name=form.get("operator_name", ""),
                       note=form.get("note", ""), reason=form.get("reason", ""))


def render_day(station: Station, day: date, errors: Mapping[str, str] | None = None,
               sent: MultiDict[str, str] | None = None, *, status: int = 200, slot_failed: str | None = None,
               slot_errors: Mapping[str, str] | None = None, slot_sent: MultiDict[str, str] | None = None):
    """The day's confirmation page; a refused item form (errors, sent) or slot form (slot_*) shows its input again."""
    script = build_daily_script(get_db(), station, day, zone=zone())
    ids = [item.delivery_id for slot in script.slots for item in slot.items]
    return render_template("stations/confirm.html", station=station, script=script, day=day,
                           airings=airings_by_delivery(get_db(), ids), errors=errors or {}, sent=sent,
                           slot_failed=slot_failed, slot_errors=slot_errors or {}, slot_sent=slot_sent,
                           audio_fmt=page_audio_format(), default_aired_at=default_aired_at, today=now().astimezone(zone()).date(),
                           one_day=timedelta(days=1)), status


def confirmable(station_id: int) -> Station:
    station = _station(station_id)
    authorize(current_user.user, Action.AIRING_CONFIRM, station.area, object_type="station", object_id=station.id)
    return station


@login_required
def day_page(station_id: int, day: str):
    return render_day(confirmable(station_id), path_date(day))


@login_required
def confirm_on_page(station_id: int, day: str):
    station, when = confirmable(station_id), path_date(day)
    try:
        airing = confirm_airing(get_db(), station, _form_input(request.form), now=now(), actor=current_user.user,
                                remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return render_day(station, when, error.errors, request.form, status=400)
    get_db().commit()
    # Read out in a commune office and kept in the browser's history: the title as the public sees it.
    message = airing.delivery.message
    flash(_("Đã ghi nhận tin “%(title)s”.", title=message.current_revision.public_title), "success")
    return redirect(url_for("airings.day_page", station_id=station.id, day=when.isoformat(),
                            _anchor=f"item-{airing.delivery_id}"))


def _token_station(station_id: int) -> Station:
    station = _station(station_id)
    holder = find_station_by_token(get_db(), station_token())
    if holder is None or holder.id != station.id:
        raise TokenRefused(_("Mã truy cập của đài không hợp lệ."), attempted=Action.AIRING_CONFIRM.value,
                           object_type="station", object_id=station_id)
    return station


def _json_input() -> AiringInput:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidInput({"body": _("Cần gửi một đối tượng JSON (Content-Type: application/json).")})
    delivery_id = read_json_int(body.get("delivery_id"), "delivery_id")
    texts = {key: body.get(key) or "" for key in ("status", "operator", "note", "reason", "aired_at")}
    if wrong := [key for key, value in texts.items() if not isinstance(value, str)]:
        raise InvalidInput({key: _("Trường này phải là chuỗi ký tự.") for key in wrong})
    return AiringInput(delivery_id=delivery_id, status=texts["status"], aired_at=_local_time(texts["aired_at"]),
                       operator_name=texts["operator"], note=texts["note"], reason=texts["reason"])


def _airing_json(airing: Airing) -> dict[str, Any]:
    def local(moment: datetime | None) -> str | None:
        return moment.astimezone(zone()).isoformat() if moment else None

    return {"delivery_id": airing.delivery_id, "station_id": airing.station_id, "status": airing.status.value,
            "aired_at": local(airing.aired_at), "operator": airing.operator_name, "note": airing.note,
            "reason": airing.reason, "recorded_at": local(airing.recorded_at)}


def confirm(station_id: int):
    """Confirm one item; sending it again for the same delivery corrects the record (200), never adds one."""
    station = _token_station(station_id)
    data = _json_input()
    existed = bool(airings_by_delivery(get_db(), [data.delivery_id] if data.delivery_id else []))
    airing = confirm_airing(get_db(), station, data, now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    return jsonify(_airing_json(airing)), 200 if existed else 201


def problem(error: LoaError) -> Response:
    """Always a JSON problem here, whatever the client's Accept header says: the callers are boxes and scripts.

    A refusal is audited with no user: this endpoint answers to the token, never to a login cookie.
    """
    discard_and_audit(error, actor=None)
    if isinstance(error, InvalidInput):
        return json_problem(status_of(error), describe(error), errors=translate_all(error.errors))
    return json_problem(status_of(error), describe(error))
