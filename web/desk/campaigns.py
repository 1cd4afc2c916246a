"""Campaign pages of the desk: list, create, edit, and one campaign's messages by status."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.campaign_records import (
    authorize_campaign_view,
    create_campaign,
    list_campaigns,
    messages_by_status,
    update_campaign,
)
from campaigns.message_lists import list_topics
from campaigns.models import Campaign
from content.areas import list_administrative_areas
from content.errors import InvalidInput
from content.permissions import Action, authorize, is_allowed, is_install_wide
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.desk.forms import parse_campaign_form
from web.formatting import KIND_LABELS, TARGET_KIND_LABELS


def _campaign(campaign_id: int) -> Campaign:
    campaign = get_or_404(Campaign, campaign_id, _("Không tìm thấy chiến dịch này."))
    authorize_campaign_view(actor(), campaign)
    return campaign


def _form(campaign: Campaign | None, form, errors: dict[str, str], status: int = 200):
    return render_template("desk/campaign_form.html", campaign=campaign, form=form, errors=errors,
                           areas=list_administrative_areas(get_db(), actor().area), topics=list_topics(get_db()),
                           target_kinds=TARGET_KIND_LABELS, message_kinds=KIND_LABELS), status


@login_required
def campaigns():
    authorize(actor(), Action.CAMPAIGN_VIEW, None)
    user = actor()
    return render_template("desk/campaigns.html", campaigns=list_campaigns(get_db(), user),
                           may_write=is_allowed(user, Action.CAMPAIGN_WRITE, user.area),
                           may_see_feeds=is_allowed(user, Action.REACH_VIEW, None) and is_install_wide(user))


@login_required
def new_campaign():
    authorize(actor(), Action.CAMPAIGN_WRITE, actor().area)
    if request.method == "GET":
        return _form(None, {}, {})
    try:
        campaign = create_campaign(get_db(), actor(), parse_campaign_form(request.form), now=now(), zone=zone(),
                                   remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(None, request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã tạo chiến dịch."), "success")
    return redirect(url_for("desk.campaign", campaign_id=campaign.id))


@login_required
def edit_campaign(campaign_id: int):
    campaign = _campaign(campaign_id)
    authorize(actor(), Action.CAMPAIGN_WRITE, campaign.owner_area, object_type="campaign", object_id=campaign.id)
    if request.method == "GET":
        return _form(campaign, {}, {})
    try:
        update_campaign(get_db(), campaign, actor(), parse_campaign_form(request.form), now=now(), zone=zone(),
                        remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(get_db().get(Campaign, campaign_id), request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu chiến dịch."), "success")
    return redirect(url_for("desk.campaign", campaign_id=campaign.id))


@login_required
def campaign(campaign_id: int):
    campaign = _campaign(campaign_id)
    return render_template("desk/campaign.html", campaign=campaign, grouped=messages_by_status(get_db(), campaign, actor()),
                           may_edit=is_allowed(actor(), Action.CAMPAIGN_WRITE, campaign.owner_area))
