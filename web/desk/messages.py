"""The desk's message pages: the list, writing and editing, one message, and its review steps."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import login_required

from campaigns.campaign_records import attach_message, list_campaigns
from campaigns.compliance_notices import missed_last_week
from campaigns.deliveries import deliveries_of
from campaigns.local_wordings import chosen_wordings, is_current, local_wordings_of
from campaigns.message_feedback import feedback_summary
from campaigns.message_lists import VIEWS, list_messages, list_topics
from campaigns.review import review_message, save_revision
from content.areas import list_administrative_areas
from content.consent_masking import name_warnings
from content.errors import Conflict, InvalidInput
from content.messages import create_message
from content.models import Message, MessageKind, MessageStatus
from content.permissions import Action, authorize, is_allowed
from content.public_forms import spoken_for
from content.spoken import estimate_seconds
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.desk.forms import parse_message_filter
from web.desk.message_editor import chosen_campaign, read_message_form, show_conflict, show_form
from web.desk.privacy_warnings import describe_warnings
from web.params import query_page, read_int
from web.websub import announce_change

ACTIONS = {"submit": lazy_gettext("Đã gửi duyệt."), "approve": lazy_gettext("Đã duyệt."),
           "request_changes": lazy_gettext("Đã yêu cầu sửa."), "archive": lazy_gettext("Đã lưu trữ.")}


def desk_message(message_id: int) -> Message:
    message = get_or_404(Message, message_id, _("Không tìm thấy tin này."))
    authorize(actor(), Action.MESSAGE_VIEW, message.area, object_type="message", object_id=message.id)
    return message


@login_required
def index() -> ResponseReturnValue:
    if not is_allowed(actor(), Action.MESSAGE_VIEW, None) and is_allowed(actor(), Action.AIRING_CONFIRM, None):
        return redirect(url_for("stations.mine"))  # a radio operator's desk is their stations' page
    criteria, problems = parse_message_filter(request.args)
    for problem in problems:
        flash(problem, "error")
    db = get_db()
    page = list_messages(db, actor(), criteria, page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    missed = missed_last_week(db, actor(), today=now().astimezone(zone()).date(), zone=zone())
    return render_template("desk/index.html", page=page, criteria=criteria, views=VIEWS, topics=list_topics(db),
                           campaigns=list_campaigns(db, actor()), areas=list_administrative_areas(db, actor().area),
                           kinds=MessageKind, statuses=MessageStatus, missed_weeks=missed)


@login_required
def new_message() -> ResponseReturnValue:
    authorize(actor(), Action.MESSAGE_WRITE, actor().area, object_type="message")
    if request.method == "GET":
        return show_form(None, {"kind": request.args.get("kind", "article")}, {})
    try:
        message = create_message(get_db(), actor(), read_message_form(), now=now(),
                                 remote_addr=request.remote_addr)
        attach_message(get_db(), chosen_campaign(), message)
    except InvalidInput as error:
        get_db().rollback()
        return show_form(None, request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu bản nháp."), "success")
    return redirect(url_for("desk.message", message_id=message.id))


@login_required
def edit_message(message_id: int) -> ResponseReturnValue:
    message = desk_message(message_id)
    authorize(actor(), Action.MESSAGE_WRITE, message.area, object_type="message", object_id=message.id)
    if request.method == "GET":
        return show_form(message, {}, {})
    try:
        save_revision(get_db(), message, actor(), read_message_form(),
                       expected_version=read_int(request.form.get("version"), "version", default=0, minimum=0) or 0, now=now(),
                       remote_addr=request.remote_addr)
        attach_message(get_db(), chosen_campaign(), message)
        announce_change(message)
    except InvalidInput as error:
        get_db().rollback()
        return show_form(message, request.form, error.errors, 400)
    except Conflict:
        get_db().rollback()
        return show_conflict(desk_message(message_id))
    get_db().commit()
    flash(_("Đã lưu phiên bản mới."), "success")
    return redirect(url_for("desk.message", message_id=message.id))


@login_required
def message(message_id: int) -> ResponseReturnValue:
    db = get_db()
    message = desk_message(message_id)
    spoken = spoken_for(message)  # what the stations will read: the stored copy while the dictionary holds
    deliveries = deliveries_of(db, message)
    local = chosen_wordings(db, {message.id}, {d.station_id for d in deliveries if d.station_id is not None})
    return render_template(
        "desk/message.html", message=message, deliveries=deliveries, spoken=spoken,
        local={station_id: found.place_name for (_, station_id), found in local.items()},
        spoken_seconds=estimate_seconds(spoken), name_warnings=describe_warnings(name_warnings(message)),
        wordings=[(w, is_current(w, message)) for w in local_wordings_of(db, message)],
        may_schedule=is_allowed(actor(), Action.MESSAGE_SCHEDULE, message.area),
        feedback=feedback_summary(db, message),
    )


@login_required
def transition(message_id: int, action: str) -> ResponseReturnValue:
    if action not in ACTIONS:
        abort(404)
    found = desk_message(message_id)
    review_message(get_db(), found, action, actor=actor(), now=now(),
                       comment=request.form.get("comment"), remote_addr=request.remote_addr)
    announce_change(found)
    get_db().commit()
    flash(str(ACTIONS[action]), "success")
    return redirect(url_for("desk.message", message_id=message_id))
