"""The outbox by hand: retry a failed delivery, move or cancel one not yet sent, settle an uncertain one, the board."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.channel_pauses import may_resume, paused_destinations, resume_channel
from campaigns.deliveries import cancel_delivery, move_delivery, recent_failures, retry_delivery, sweep
from campaigns.links import CODE_LENGTH
from campaigns.models import Channel, Delivery
from campaigns.uncertain_sends import confirm_posted, send_again, uncertain_deliveries
from campaigns.variants import SOCIAL, set_variant, social_variant, text_limit
from content.errors import InvalidInput, NotFound
from content.permissions import Action, authorize
from web.addresses import public_base_url
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.desk.forms import parse_local_datetime
from web.i18n.locale import translate
from web.paths import local_target

FAILED_SHOWN = 200
UNCERTAIN_SHOWN = 100


def _delivery(delivery_id: int) -> Delivery:
    delivery = get_or_404(Delivery, delivery_id, _("Không tìm thấy lượt phát này."))
    authorize(actor(), Action.MESSAGE_VIEW, delivery.message.area, object_type="delivery", object_id=delivery.id)
    return delivery


def _back(delivery: Delivery):
    # Back to where the button was pressed: the board or the message page (same site only).
    return redirect(local_target(request.form.get("back"), url_for("desk.message", message_id=delivery.message_id)))


def _apply(delivery_id: int, change, done: str):
    delivery = _delivery(delivery_id)
    try:
        change(delivery)
    except InvalidInput as error:
        get_db().rollback()
        for text in error.errors.values():
            flash(str(translate(text)), "error")
        return _back(delivery)
    get_db().commit()
    flash(done, "success")
    return _back(delivery)


@login_required
def retry(delivery_id: int):
    return _apply(delivery_id, lambda d: retry_delivery(get_db(), d, actor=actor(), now=now(),
                                                         remote_addr=request.remote_addr),
                  _("Đã xếp lượt phát vào hàng gửi lại."))


@login_required
def move(delivery_id: int):
    return _apply(delivery_id, lambda d: move_delivery(
        get_db(), d, due_at=parse_local_datetime(request.form.get("due_at"), zone()), actor=actor(), now=now(),
        remote_addr=request.remote_addr), _("Đã dời giờ phát."))


@login_required
def cancel(delivery_id: int):
    return _apply(delivery_id, lambda d: cancel_delivery(get_db(), d, actor=actor(), now=now(),
                                                          remote_addr=request.remote_addr),
                  _("Đã hủy lượt phát."))


@login_required
def posted(delivery_id: int):
    return _apply(delivery_id, lambda d: confirm_posted(get_db(), d, actor=actor(), now=now(),
                                                         external_id=request.form.get("external_id"),
                                                         remote_addr=request.remote_addr),
                  _("Đã ghi nhận: bài đã lên, sẽ không gửi lại."))


@login_required
def resend(delivery_id: int):
    return _apply(delivery_id, lambda d: send_again(get_db(), d, actor=actor(), now=now(),
                                                     remote_addr=request.remote_addr),
                  _("Đã xếp lượt phát vào hàng gửi lại."))


@login_required
def resume(channel_id: int):
    """End a destination's pause early, from the board."""
    channel = get_or_404(Channel, channel_id, _("Không tìm thấy kênh này."))
    try:
        resume_channel(get_db(), actor(), channel, now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        for text in error.errors.values():
            flash(str(translate(text)), "error")
    else:
        get_db().commit()
        flash(_("Kênh %(name)s sẽ gửi lại từ lượt tới.", name=channel.name), "success")
    return redirect(url_for("desk.dispatch_board"))


def _link_length() -> int:
    return len(public_base_url(current_app)) + len("/r/") + CODE_LENGTH


@login_required
def variant(delivery_id: int):
    """The wording one platform gets, shown as it would be sent and editable until it is sent."""
    delivery = _delivery(delivery_id)
    if delivery.channel is None or delivery.channel.kind not in SOCIAL:
        raise NotFound(_("Lượt phát này không có nội dung riêng cho kênh."))
    with_image = delivery.message.image_id is not None
    limit = text_limit(delivery.channel.kind, with_image=with_image, link_length=_link_length())
    errors: dict[str, str] = {}
    text = delivery.variant or social_variant(delivery.message, delivery.channel.kind, with_image=with_image,
                                              link_length=_link_length())
    if request.method == "POST":
        text = request.form.get("variant", "")
        try:
            set_variant(get_db(), delivery, text, actor=actor(), now=now(), link_length=_link_length(),
                        remote_addr=request.remote_addr)
        except InvalidInput as error:
            get_db().rollback()
            errors = error.errors
        else:
            get_db().commit()
            flash(_("Đã lưu nội dung cho kênh %(name)s.", name=delivery.channel.name), "success")
            return redirect(url_for("desk.message", message_id=delivery.message_id))
    return render_template("desk/variant.html", delivery=delivery, text=text, limit=limit, errors=errors,
                           saved=delivery.variant is not None), 400 if errors else 200


@login_required
def dispatch_board():
    authorize(actor(), Action.MESSAGE_VIEW, None)
    within = actor().area
    paused = paused_destinations(get_db(), now=now(), within=within)
    return render_template("desk/dispatch.html", failed=recent_failures(get_db(), within=within, limit=FAILED_SHOWN),
                           uncertain=uncertain_deliveries(get_db(), within=within, limit=UNCERTAIN_SHOWN),
                           paused=paused, resumable={c.id for c in paused if may_resume(actor(), c)},
                           today=now().astimezone(zone()).date(), backlog=sweep(get_db(), now=now(), within=within))
