"""Managing stations (admins): where they are, their daily slots, and their access token, shown once."""

from __future__ import annotations

from datetime import timedelta

from flask import Response, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.models import Station
from campaigns.programme_setup import station_programmes
from campaigns.station_setup import (
    create_station,
    list_communes,
    list_stations,
    revoke_station_token,
    rotate_station_token,
    update_station,
)
from content.errors import InvalidInput
from content.permissions import Action, authorize
from web.addresses import external_url
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.stations.clusters import cluster_context
from web.stations.forms import form_values, kept_values, read_station_form, slot_rows


def managed_station(station_id: int) -> Station:
    station = get_or_404(Station, station_id, _("Không tìm thấy đài này."))
    authorize(actor(), Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    return station


def _form_page(station: Station | None, values: dict, errors: dict[str, str], status: int = 200):
    return render_template("stations/form.html", station=station, form=values, slots=slot_rows(values),
                           errors=errors, communes=list_communes(get_db(), actor().area),
                           programmes=station_programmes(get_db(), station) if station else [],
                           **cluster_context(station)), status


@login_required
def index():
    authorize(actor(), Action.STATION_MANAGE, None, object_type="station")
    return render_template("stations/list.html", stations=list_stations(get_db(), actor().area))


@login_required
def new():
    authorize(actor(), Action.STATION_MANAGE, None, object_type="station")
    if request.method == "GET":
        return _form_page(None, form_values(None), {})
    try:
        station = create_station(get_db(), actor(), read_station_form(request.form), now=now(),
                                 remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form_page(None, kept_values(request.form), error.errors, 400)
    get_db().commit()
    flash(_("Đã thêm đài %(name)s. Hãy cấp mã truy cập để đài tải được kịch bản.", name=station.name), "success")
    return redirect(url_for("stations.edit", station_id=station.id))


@login_required
def edit(station_id: int):
    station = managed_station(station_id)
    if request.method == "GET":
        return _form_page(station, form_values(station), {})
    try:
        update_station(get_db(), actor(), station, read_station_form(request.form), now=now(),
                       remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form_page(station, kept_values(request.form), error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu đài %(name)s.", name=station.name), "success")
    return redirect(url_for("stations.index"))


@login_required
def token(station_id: int) -> Response:
    """The one page that ever shows the token: rendered from the POST, never flashed or stored."""
    station = managed_station(station_id)
    # Addresses first: a site without a configured address fails here, before the old token is replaced.
    tomorrow = now().astimezone(zone()).date() + timedelta(days=1)
    script_url = external_url("radio.script", station_id=station.id, day=tomorrow.isoformat(), fmt="txt")
    confirm_url = external_url("airings_api.confirm", station_id=station.id)
    secret = rotate_station_token(get_db(), actor(), station, now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    response = make_response(render_template("stations/token.html", station=station, token=secret,
                                             script_url=script_url, confirm_url=confirm_url))
    # Neither the browser's back button nor a proxy may keep a copy of the page.
    response.headers["Cache-Control"] = "no-store"
    return response


@login_required
def revoke(station_id: int):
    station = managed_station(station_id)
    revoke_station_token(get_db(), actor(), station, now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã thu hồi mã truy cập của %(name)s: không mã nào dùng được cho đến khi cấp mã mới.",
            name=station.name), "success")
    return redirect(url_for("stations.edit", station_id=station.id))
