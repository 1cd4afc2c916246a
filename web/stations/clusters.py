"""A station's loudspeaker clusters (admins), shown and edited on the station's own page."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.clusters import ClusterInput, create_cluster, list_clusters, retire_cluster, update_cluster
from campaigns.models import Station
from campaigns.station_setup import list_communes
from campaigns.village_models import LoudspeakerCluster
from content.errors import InvalidInput
from content.permissions import Action, authorize
from content.villages import list_villages
from web.auth import actor
from web.database import get_db, get_or_404, now
from web.params import read_int
from web.stations.forms import form_values, slot_rows


def cluster_context(station: Station | None) -> dict[str, Any]:
    """What the station page's cluster section needs: its clusters (retired ones too) and its commune's villages."""
    if station is None:
        return {"clusters": [], "villages": []}
    return {"clusters": list_clusters(get_db(), station, with_retired=True),
            "villages": list_villages(get_db(), station.area)}


def _station(station_id: int) -> Station:
    station = get_or_404(Station, station_id, _("Không tìm thấy đài này."))
    authorize(actor(), Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    return station


def _cluster(cluster_id: int) -> LoudspeakerCluster:
    cluster = get_or_404(LoudspeakerCluster, cluster_id, _("Không tìm thấy cụm loa này."))
    authorize(actor(), Action.STATION_MANAGE, cluster.station.area, object_type="cluster", object_id=cluster.id)
    return cluster


def _form() -> ClusterInput:
    ids = []
    for value in request.form.getlist("village_ids"):
        try:
            number = read_int(value, "village_ids")
        except InvalidInput:
            number = 0  # names no village: the domain says so
        ids.append(number or 0)
    return ClusterInput(name=request.form.get("name", ""), village_ids=tuple(ids))


def _refused(station_id: int, errors: dict[str, str], cluster_id: int | None):
    """The station page again, the cluster form as sent and its errors beside it."""
    get_db().rollback()
    station = _station(station_id)
    values = form_values(station)
    return render_template("stations/form.html", station=station, form=values, slots=slot_rows(values), errors={},
                           communes=list_communes(get_db(), actor().area), cluster_errors=errors,
                           cluster_form=request.form, cluster_editing=cluster_id, **cluster_context(station)), 400


def _back(station_id: int):
    return redirect(url_for("stations.edit", station_id=station_id) + "#clusters")


@login_required
def new(station_id: int):
    station = _station(station_id)
    try:
        cluster = create_cluster(get_db(), actor(), station, _form(), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        return _refused(station_id, error.errors, None)
    get_db().commit()
    flash(_("Đã thêm %(name)s.", name=cluster.name), "success")
    return _back(station_id)


@login_required
def edit(cluster_id: int):
    cluster = _cluster(cluster_id)
    station_id = cluster.station_id
    try:
        update_cluster(get_db(), actor(), cluster, _form(), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        return _refused(station_id, error.errors, cluster_id)
    get_db().commit()
    flash(_("Đã lưu %(name)s.", name=cluster.name), "success")
    return _back(station_id)


@login_required
def retire(cluster_id: int):
    cluster = _cluster(cluster_id)
    station_id, restore = cluster.station_id, request.form.get("restore") == "1"
    try:
        retire_cluster(get_db(), actor(), cluster, now=now(), remote_addr=request.remote_addr, restore=restore)
    except InvalidInput as error:
        return _refused(station_id, error.errors, cluster_id)
    get_db().commit()
    flash(_("Đã dùng lại %(name)s.", name=cluster.name) if restore else _("Đã ngừng dùng %(name)s.", name=cluster.name),
          "success")
    return _back(station_id)
