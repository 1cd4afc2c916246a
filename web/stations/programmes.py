"""A station's weekly programmes (admins): add one, change it, retire it; never deleted."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from campaigns.models import Station
from campaigns.programme_models import Programme
from campaigns.programme_setup import ProgrammeInput, create_programme, update_programme
from content.errors import InvalidInput, NotFound
from web.auth import actor
from web.database import get_db, get_or_404, now
from web.stations.management import managed_station

FIELDS = ("name", "starts_at", "minutes", "opening", "closing")


def read_programme_form(form: MultiDict[str, str]) -> ProgrammeInput:
    return ProgrammeInput(**{key: form.get(key, "") for key in FIELDS}, weekdays=tuple(form.getlist("weekdays")),
                          skips_holidays=form.get("skips_holidays") == "on", is_active=form.get("is_active") == "on")


def _values(programme: Programme | None) -> dict[str, Any]:
    if programme is None:
        return {"minutes": "15", "weekdays": [], "skips_holidays": "on", "is_active": "on"}
    return {"name": programme.name, "starts_at": f"{programme.starts_at:%H:%M}", "minutes": str(programme.minutes),
            "opening": programme.opening, "closing": programme.closing, "weekdays": list(programme.weekdays),
            "skips_holidays": "on" if programme.skips_holidays else "",
            "is_active": "on" if programme.is_active else ""}


def _kept(form: MultiDict[str, str]) -> dict[str, Any]:
    return {**{key: form.get(key, "") for key in (*FIELDS, "skips_holidays", "is_active")},
            "weekdays": form.getlist("weekdays")}


def _page(station: Station, programme: Programme | None, values: dict[str, Any], errors: dict[str, str],
          status: int = 200):
    return render_template("stations/programme.html", station=station, programme=programme, form=values,
                           errors=errors), status


def _programme_of(station: Station, programme_id: int) -> Programme:
    programme = get_or_404(Programme, programme_id, _("Không tìm thấy chuyên mục này."))
    if programme.station_id != station.id:  # another station's programme under this station's address
        raise NotFound(_("Không tìm thấy chuyên mục này."))
    return programme


@login_required
def new_programme(station_id: int):
    station = managed_station(station_id)
    if request.method == "GET":
        return _page(station, None, _values(None), {})
    try:
        programme = create_programme(get_db(), actor(), station, read_programme_form(request.form), now=now(),
                                     remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(managed_station(station_id), None, _kept(request.form), error.errors, 400)
    get_db().commit()
    flash(_("Đã thêm chuyên mục “%(name)s”.", name=programme.name), "success")
    return redirect(url_for("stations.edit", station_id=station.id) + "#programmes")


@login_required
def edit_programme(station_id: int, programme_id: int):
    station = managed_station(station_id)
    programme = _programme_of(station, programme_id)
    if request.method == "GET":
        return _page(station, programme, _values(programme), {})
    try:
        update_programme(get_db(), actor(), programme, read_programme_form(request.form), now=now(),
                         remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        station = managed_station(station_id)
        return _page(station, _programme_of(station, programme_id), _kept(request.form), error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu chuyên mục “%(name)s”.", name=programme.name), "success")
    return redirect(url_for("stations.edit", station_id=station.id) + "#programmes")
