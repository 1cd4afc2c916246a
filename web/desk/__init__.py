"""The editorial desk: sign in, write, review, approve and plan deliveries.

Every blueprint in web/ is built this way: its package's `__init__` creates it and lists every address it
answers; the views are plain functions in the package's modules, which never import the package.
"""

from __future__ import annotations

from flask import Blueprint

from web.desk import (
    account,
    calendar,
    campaigns,
    commendations,
    deliveries,
    history,
    local_wordings,
    messages,
    milestones,
    model_areas,
    nominations,
    planning,
    preview,
    programme_planning,
    self_models,
    tipoffs,
)
from web.nomination_form import register_nomination_filters

GET_POST = ["GET", "POST"]
POST = ["POST"]

bp = Blueprint("desk", __name__, url_prefix="/desk")
bp.add_url_rule("/login", view_func=account.login, methods=GET_POST)
bp.add_url_rule("/logout", view_func=account.logout, methods=POST)
bp.add_url_rule("/password", view_func=account.password, methods=GET_POST)
bp.add_url_rule("/sessions/end-all", view_func=account.end_all_sessions, methods=POST)

bp.add_url_rule("/", view_func=messages.index)
bp.add_url_rule("/messages/new", view_func=messages.new_message, methods=GET_POST)
bp.add_url_rule("/messages/<int:message_id>", view_func=messages.message)
bp.add_url_rule("/messages/<int:message_id>/edit", view_func=messages.edit_message, methods=GET_POST)
bp.add_url_rule("/messages/<int:message_id>/<action>", view_func=messages.transition, methods=POST)
bp.add_url_rule("/messages/<int:message_id>/revisions", view_func=history.revisions)
bp.add_url_rule("/messages/<int:message_id>/revisions/<int:number>", view_func=history.revision)
bp.add_url_rule("/messages/<int:message_id>/plan", view_func=planning.plan, methods=GET_POST)
bp.add_url_rule("/messages/<int:message_id>/wordings/new", view_func=local_wordings.new_wording, methods=GET_POST)
bp.add_url_rule("/messages/<int:message_id>/wordings/<int:wording_id>", view_func=local_wordings.edit_wording,
                methods=GET_POST)
bp.add_url_rule("/messages/<int:message_id>/wordings/<int:wording_id>/delete", view_func=local_wordings.delete_wording,
                methods=POST)
bp.add_url_rule("/messages/<int:message_id>/plan/programmes", view_func=programme_planning.plan_programmes,
                methods=GET_POST)
bp.add_url_rule("/preview", view_func=preview.preview, methods=POST)

bp.add_url_rule("/deliveries/<int:delivery_id>/retry", view_func=deliveries.retry, methods=POST)
bp.add_url_rule("/deliveries/<int:delivery_id>/move", view_func=deliveries.move, methods=POST)
bp.add_url_rule("/deliveries/<int:delivery_id>/cancel", view_func=deliveries.cancel, methods=POST)
bp.add_url_rule("/deliveries/<int:delivery_id>/variant", view_func=deliveries.variant, methods=GET_POST)
bp.add_url_rule("/deliveries/<int:delivery_id>/posted", view_func=deliveries.posted, methods=POST)
bp.add_url_rule("/deliveries/<int:delivery_id>/resend", view_func=deliveries.resend, methods=POST)
bp.add_url_rule("/dispatch", view_func=deliveries.dispatch_board)
bp.add_url_rule("/dispatch/channels/<int:channel_id>/resume", view_func=deliveries.resume, methods=POST)
bp.add_url_rule("/calendar", view_func=calendar.calendar)

bp.add_url_rule("/tipoffs/", endpoint="tipoffs", view_func=tipoffs.queue)
bp.add_url_rule("/tipoffs/<int:tipoff_id>", endpoint="tipoff", view_func=tipoffs.tipoff)
bp.add_url_rule("/tipoffs/<int:tipoff_id>/status", endpoint="tipoff_status", view_func=tipoffs.set_status, methods=POST)
bp.add_url_rule("/tipoffs/<int:tipoff_id>/assignee", endpoint="tipoff_assignee", view_func=tipoffs.set_assignee,
                methods=POST)
bp.add_url_rule("/tipoffs/<int:tipoff_id>/notes", endpoint="tipoff_note", view_func=tipoffs.new_note, methods=POST)
bp.add_url_rule("/tipoffs/<int:tipoff_id>/photos/<int:photo_id>", endpoint="tipoff_photo", view_func=tipoffs.photo)

bp.add_url_rule("/campaigns/", view_func=campaigns.campaigns)
bp.add_url_rule("/campaigns/new", view_func=campaigns.new_campaign, methods=GET_POST)
bp.add_url_rule("/campaigns/<int:campaign_id>", view_func=campaigns.campaign)
bp.add_url_rule("/campaigns/<int:campaign_id>/edit", view_func=campaigns.edit_campaign, methods=GET_POST)
bp.add_url_rule("/campaigns/<int:campaign_id>/targets/<int:target_id>/milestones", view_func=milestones.milestones,
                methods=GET_POST)
bp.add_url_rule("/commendations/", view_func=commendations.commendations)
bp.add_url_rule("/commendations/new", view_func=commendations.new_commendation, methods=GET_POST)
bp.add_url_rule("/commendations/<int:commendation_id>/edit", view_func=commendations.edit_commendation,
                methods=GET_POST)

bp.add_url_rule("/nominations/", view_func=nominations.index, endpoint="nominations")
bp.add_url_rule("/nominations/new", "nomination_new", nominations.new_nomination, methods=GET_POST)
bp.add_url_rule("/nominations/<int:nomination_id>", "nomination", nominations.nomination)
bp.add_url_rule("/nominations/<int:nomination_id>/story", "nomination_story", nominations.story, methods=POST)
bp.add_url_rule("/nominations/<int:nomination_id>/set-aside", "nomination_set_aside", nominations.put_aside,
                methods=POST)
bp.add_url_rule("/nominations/<int:nomination_id>/consent", "nomination_consent", nominations.consent, methods=POST)
bp.add_url_rule("/nominations/<int:nomination_id>/consent-scan", "nomination_consent_scan", nominations.consent_scan)
register_nomination_filters(bp)
bp.add_url_rule("/models/", view_func=self_models.models)
bp.add_url_rule("/models/new", view_func=self_models.new_model, methods=GET_POST)
bp.add_url_rule("/models/<int:model_id>", view_func=self_models.self_model, methods=GET_POST)
bp.add_url_rule("/models/<int:model_id>/messages", view_func=self_models.feature, endpoint="feature_message",
                methods=POST)
bp.add_url_rule("/campaigns/<int:campaign_id>/model-areas", view_func=model_areas.model_areas, methods=GET_POST)
bp.add_url_rule("/campaigns/<int:campaign_id>/model-criteria", view_func=model_areas.new_criterion, methods=POST)
