"""Villages of a commune (admins): add, rename, set the population, retire and bring back."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.station_setup import list_communes
from content.errors import InvalidInput, NotFound
from content.models import Area, AreaKind
from content.permissions import Action, authorize
from content.villages import VillageInput, add_village, list_villages, retire_village, update_village
from web.auth import actor
from web.database import get_db, get_or_404, now
from web.params import query_int


def _page(commune: Area | None, errors: dict[str, str], *, form: dict[str, str] | None = None,
          editing: int | None = None, status: int = 200):
    communes = list_communes(get_db(), actor().area)
    villages = list_villages(get_db(), commune, with_retired=True) if commune is not None else []
    return render_template("stations/villages.html", communes=communes, commune=commune, villages=villages,
                           errors=errors, form=form or {}, editing=editing), status


def _commune(commune_id: int) -> Area:
    commune = get_or_404(Area, commune_id, _("Không tìm thấy xã, phường này."))
    if commune.kind is not AreaKind.COMMUNE:
        raise NotFound(_("Không tìm thấy xã, phường này."))
    authorize(actor(), Action.STATION_MANAGE, commune, object_type="area", object_id=commune.id)
    return commune


def _village(village_id: int) -> Area:
    village = get_or_404(Area, village_id, _("Không tìm thấy thôn, tổ dân phố này."))
    if village.kind is not AreaKind.RESIDENTIAL or village.parent is None:
        raise NotFound(_("Không tìm thấy thôn, tổ dân phố này."))
    authorize(actor(), Action.STATION_MANAGE, village, object_type="area", object_id=village.id)
    return village


def _form() -> VillageInput:
    return VillageInput(name=request.form.get("name", ""), population=request.form.get("population", ""))


@login_required
def index():
    """The commune picker, and the chosen commune's villages; a commune admin lands on their own."""
    authorize(actor(), Action.STATION_MANAGE, None, object_type="area")
    commune_id = query_int("commune")
    scope = actor().area
    if commune_id is None and scope is not None and scope.kind is AreaKind.COMMUNE:
        commune_id = scope.id
    return _page(_commune(commune_id) if commune_id is not None else None, {})


@login_required
def new(commune_id: int):
    commune = _commune(commune_id)
    try:
        village = add_village(get_db(), actor(), commune, _form(), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(_commune(commune_id), error.errors, form=dict(request.form), status=400)
    get_db().commit()
    flash(_("Đã thêm %(name)s vào %(commune)s.", name=village.name, commune=commune.name), "success")
    return redirect(url_for("stations.villages", commune=commune.id))


@login_required
def edit(village_id: int):
    village = _village(village_id)
    try:
        update_village(get_db(), actor(), village, _form(), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        village = _village(village_id)
        return _page(village.parent, error.errors, form=dict(request.form), editing=village.id, status=400)
    get_db().commit()
    flash(_("Đã lưu %(name)s.", name=village.name), "success")
    return redirect(url_for("stations.villages", commune=village.parent_id))


@login_required
def retire(village_id: int):
    village = _village(village_id)
    restore = request.form.get("restore") == "1"
    try:
        retire_village(get_db(), actor(), village, now=now(), remote_addr=request.remote_addr, restore=restore)
    except InvalidInput as error:
        get_db().rollback()
        village = _village(village_id)
        return _page(village.parent, error.errors, editing=village.id, status=400)
    get_db().commit()
    if restore:
        flash(_("Đã dùng lại %(name)s.", name=village.name), "success")
    else:
        flash(_("Đã ngừng dùng %(name)s: không lên lịch mới được cho thôn này, lịch cũ vẫn giữ nguyên.",
                name=village.name), "success")
    return redirect(url_for("stations.villages", commune=village.parent_id))
