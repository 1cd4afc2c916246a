"""Model communes and wards of a campaign: its set of criteria, and each area's assessment against it."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.campaign_records import authorize_campaign_view
from campaigns.model_assessments import (
    AssessmentInput,
    add_criterion,
    assessable_areas,
    assessments_of,
    criteria_of,
    milestone_targets,
    record_assessment,
)
from campaigns.models import Campaign
from campaigns.target_progress import progress
from content.errors import InvalidInput
from content.permissions import Action, is_allowed
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.params import read_date, read_int

MAX_EVIDENCE_TYPED = 8000  # cut before checking, so a pasted book is refused by length, not stored


def _campaign(campaign_id: int) -> Campaign:
    campaign = get_or_404(Campaign, campaign_id, _("Không tìm thấy chiến dịch này."))
    authorize_campaign_view(actor(), campaign)
    return campaign


def _page(campaign: Campaign, form, errors: dict[str, str], status: int = 200):
    user, db = actor(), get_db()
    criteria = criteria_of(db, campaign)
    assessments = assessments_of(db, campaign)
    targets = milestone_targets(campaign)
    return render_template(
        "desk/model_areas.html", campaign=campaign, criteria=criteria, assessments=assessments, targets=targets,
        targets_progress=[(t, progress(db, t, today=now().astimezone(zone()).date(), zone=zone())) for t in targets],
        areas=assessable_areas(db, campaign, user), form=form, errors=errors,
        met_ids={str(i) for i in form.getlist("met")} if hasattr(form, "getlist") else set(form.get("met", ())),
        may_write=is_allowed(user, Action.CAMPAIGN_WRITE, campaign.owner_area),
        meeting=[a for a in assessments if a.meets_standard]), status


def _input(form, criterion_ids: list[int]) -> AssessmentInput:
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for name, reader in (("area_id", read_int), ("assessed_on", read_date), ("target_id", read_int)):
        try:
            values[name] = reader(form.get(name), name)
        except InvalidInput as refused:
            errors.update(refused.errors)
    met: set[int] = set()
    for text in form.getlist("met"):
        try:
            number = read_int(text, "criteria")
        except InvalidInput as refused:
            errors.update(refused.errors)
            continue
        if number is not None:
            met.add(number)
    if errors:
        raise InvalidInput(errors)
    return AssessmentInput(
        area_id=values["area_id"], assessed_on=values["assessed_on"],  # type: ignore[arg-type]
        target_id=values["target_id"], decision_number=form.get("decision_number", "")[:200],  # type: ignore[arg-type]
        evidence=form.get("evidence", "")[:MAX_EVIDENCE_TYPED], met=frozenset(met),
        evidence_of={i: form.get(f"evidence_{i}", "")[:MAX_EVIDENCE_TYPED] for i in criterion_ids})


@login_required
def model_areas(campaign_id: int):
    campaign = _campaign(campaign_id)
    if request.method == "GET":
        targets = milestone_targets(campaign)
        return _page(campaign, {"target_id": str(targets[0].id)} if len(targets) == 1 else {}, {})
    today = now().astimezone(zone()).date()
    try:
        data = _input(request.form, [c.id for c in criteria_of(get_db(), campaign)])
        record_assessment(get_db(), actor(), campaign, data, now=now(), today=today, remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(_campaign(campaign_id), request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu kết quả đánh giá."), "success")
    return redirect(url_for("desk.model_areas", campaign_id=campaign_id))


@login_required
def new_criterion(campaign_id: int):
    campaign = _campaign(campaign_id)
    try:
        add_criterion(get_db(), actor(), campaign, request.form.get("title", "")[:2000], now=now(),
                      remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(_campaign(campaign_id), {"title": request.form.get("title", "")},
                     {f"criterion_{k}": v for k, v in error.errors.items()}, 400)
    get_db().commit()
    flash(_("Đã thêm tiêu chí."), "success")
    return redirect(url_for("desk.model_areas", campaign_id=campaign_id))
