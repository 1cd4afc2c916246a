"""The register of self-management models (mô hình tự quản): list, add, correct, and the messages featuring one."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.model_register import (
    ModelInput,
    add_model,
    featurable_messages,
    get_model,
    list_models,
    registrable_areas,
    set_featured,
    update_model,
)
from campaigns.model_stats import model_figures
from campaigns.selfmanaged_models import ModelKind, ModelStatus, SelfModel
from content.errors import InvalidInput
from content.permissions import Action, authorize, is_allowed
from web.auth import actor
from web.database import get_db, now, zone
from web.formatting import MODEL_KIND_LABELS, MODEL_STATUS_LABELS
from web.params import read_date, read_int


def _today():
    return now().astimezone(zone()).date()


def _choice(enum_type, value: str | None):
    """A filter from the query string: an unknown value shows everything, as a filter only narrows."""
    return next((member for member in enum_type if member.value == value), None)


@login_required
def models():
    user = actor()
    authorize(user, Action.CAMPAIGN_VIEW, user.area)
    kind, status = _choice(ModelKind, request.args.get("kind")), _choice(ModelStatus, request.args.get("status"))
    today = _today()
    return render_template(
        "desk/self_models.html", models=list_models(get_db(), user.area, kind=kind, status=status),
        figures=model_figures(get_db(), user.area, today.replace(month=1, day=1), today), year=today.year,
        kind=kind, status=status, kinds=MODEL_KIND_LABELS, statuses=MODEL_STATUS_LABELS,
        may_write=is_allowed(user, Action.CAMPAIGN_WRITE, user.area))


def _input(form) -> ModelInput:
    """The form as typed; a number or a date that cannot be read is refused with the other fields' errors."""
    errors: dict[str, str] = {}
    area_id = started_on = None
    try:
        area_id = read_int(form.get("area_id"), "area_id")
    except InvalidInput as refused:
        errors.update(refused.errors)
    try:
        started_on = read_date(form.get("started_on"), "started_on")
    except InvalidInput as refused:
        errors.update(refused.errors)
    data = ModelInput(area_id=area_id, name=form.get("name", ""), kind=form.get("kind", ""), started_on=started_on,
                      members=form.get("members", "")[:40], households=form.get("households", "")[:40],
                      status=form.get("status", ""), note=form.get("note", "")[:8000])
    if errors:
        raise InvalidInput(errors)
    return data


def _form(model: SelfModel | None, form, errors: dict[str, str], status: int = 200):
    user = actor()
    return render_template(
        "desk/self_model.html", model=model, form=form, errors=errors, areas=registrable_areas(get_db(), user),
        kinds=MODEL_KIND_LABELS, statuses=MODEL_STATUS_LABELS,
        messages=featurable_messages(get_db(), user, model) if model else [],
        may_write=model is None or is_allowed(user, Action.CAMPAIGN_WRITE, model.area)), status


def _as_form(model: SelfModel) -> dict[str, str]:
    return {"area_id": str(model.area_id), "name": model.name, "kind": model.kind.value,
            "started_on": model.started_on.isoformat(), "members": "" if model.members is None else str(model.members),
            "households": "" if model.households is None else str(model.households), "status": model.status.value,
            "note": model.note}


@login_required
def new_model():
    user = actor()
    authorize(user, Action.CAMPAIGN_WRITE, user.area)
    if request.method == "GET":
        return _form(None, {"status": ModelStatus.ACTIVE.value}, {})
    try:
        model = add_model(get_db(), user, _input(request.form), now=now(), today=_today(),
                          remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(None, request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã thêm mô hình vào sổ."), "success")
    return redirect(url_for("desk.self_model", model_id=model.id))


@login_required
def self_model(model_id: int):
    model = get_model(get_db(), actor(), model_id)
    if request.method == "GET":
        return _form(model, _as_form(model), {})
    try:
        update_model(get_db(), actor(), model, _input(request.form), now=now(), today=_today(),
                     remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(get_model(get_db(), actor(), model_id), request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu mô hình."), "success")
    return redirect(url_for("desk.self_model", model_id=model_id))


@login_required
def feature(model_id: int):
    model = get_model(get_db(), actor(), model_id)
    featured = request.form.get("action") != "remove"
    try:
        message_id = read_int(request.form.get("message_id"), "message_id")
        if message_id is None:
            raise InvalidInput({"message_id": _("Hãy chọn một tin.")})
        set_featured(get_db(), actor(), model, message_id, featured=featured, now=now(),
                     remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(get_model(get_db(), actor(), model_id), _as_form(model), error.errors, 400)
    get_db().commit()
    flash(_("Đã gắn tin với mô hình.") if featured else _("Đã bỏ tin khỏi mô hình."), "success")
    return redirect(url_for("desk.self_model", model_id=model_id))
