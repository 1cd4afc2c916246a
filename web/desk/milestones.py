"""A milestones target's evidence: the areas that reached the standard, each recorded with its decision.

Progress on such a target is never typed in: it counts these records (campaigns.target_progress).
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.milestones import MilestoneInput, milestones_of, record_milestone
from campaigns.models import Campaign, Target, TargetKind
from campaigns.target_progress import progress, scope_of
from content.areas import is_within, list_administrative_areas
from content.errors import InvalidInput, NotFound
from content.permissions import Action, authorize, is_allowed
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.params import read_date, read_int


def today():
    return now().astimezone(zone()).date()


def _target(campaign_id: int, target_id: int) -> Target:
    campaign = get_or_404(Campaign, campaign_id, _("Không tìm thấy chiến dịch này."))
    authorize(actor(), Action.CAMPAIGN_VIEW, campaign.owner_area, object_type="campaign", object_id=campaign.id)
    target = next((t for t in campaign.targets if t.id == target_id), None)
    if target is None or target.kind is not TargetKind.MILESTONES:
        raise NotFound(_("Không tìm thấy chỉ tiêu này."))
    return target


def _page(target: Target, form, errors: dict[str, str], status: int = 200):
    user = actor()
    scope = scope_of(target)
    areas = [a for a in list_administrative_areas(get_db(), user.area) if a.parent_id is not None
             and any(is_within(a, root) for root in scope)]
    return render_template(
        "desk/milestones.html", target=target, campaign=target.campaign, form=form, errors=errors, areas=areas,
        milestones=milestones_of(get_db(), target), progress=progress(get_db(), target, today=today(), zone=zone()),
        may_record=is_allowed(user, Action.CAMPAIGN_WRITE, target.campaign.owner_area)), status


def _input(form) -> MilestoneInput:
    errors: dict[str, str] = {}
    area_id = reached_on = None
    try:
        area_id = read_int(form.get("area_id"), "area_id")
    except InvalidInput as refused:
        errors.update(refused.errors)
    try:
        reached_on = read_date(form.get("reached_on"), "reached_on")
    except InvalidInput as refused:
        errors.update(refused.errors)
    if area_id is None:
        errors.setdefault("area_id", _("Hãy chọn địa bàn."))
    if reached_on is None:
        errors.setdefault("reached_on", _("Hãy nhập ngày."))
    if errors or area_id is None or reached_on is None:
        raise InvalidInput(errors)
    return MilestoneInput(area_id=area_id, reached_on=reached_on,
                          decision_number=form.get("decision_number", "")[:120], note=form.get("note", "")[:2000])


@login_required
def milestones(campaign_id: int, target_id: int):
    target = _target(campaign_id, target_id)
    if request.method == "GET":
        return _page(target, {}, {})
    try:
        record_milestone(get_db(), actor(), target, _input(request.form), now=now(), today=today(),
                         remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(_target(campaign_id, target_id), request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã ghi nhận địa bàn đạt chuẩn."), "success")
    return redirect(url_for("desk.milestones", campaign_id=campaign_id, target_id=target_id))
