"""What the message editor pages share: reading the form (with an optional image upload), showing it again,
and the page for an edit that lost a race with another save."""

from __future__ import annotations

from dataclasses import replace

from flask import g, render_template, request
from flask_babel import gettext as _

from campaigns.campaign_records import campaign_of, list_campaigns
from campaigns.message_lists import list_topics
from campaigns.models import Campaign
from content.areas import list_administrative_areas
from content.errors import InvalidInput
from content.media import DEFAULT_MAX_BYTES, format_size, list_media, store_image
from content.messages import MessageInput, message_errors
from content.models import MediaItem, Message, MessageKind, Priority
from content.revisions import diff_text
from web.auth import actor
from web.database import get_db, now
from web.desk.forms import parse_message_form
from web.media.files import media_root
from web.params import read_int

PICKER_SIZE = 24  # the newest images; older ones are one search away in the library


def read_message_form() -> MessageInput:
    """The editor's input, with any attached image stored first; every problem at once, or none.

    An uploaded image is committed to the library before the message is checked: a browser cannot
    refill a file field, so a message refused for another reason must not take the image with it.
    """
    data, errors = parse_message_form(request.form)
    upload = request.files.get("image_file")
    if upload is not None and upload.filename:
        try:
            item = store_image(get_db(), data=upload.read(), original_name=upload.filename,
                               alt_text=request.form.get("image_alt", ""), uploader=actor(),
                               media_root=media_root(), now=now(), remote_addr=request.remote_addr)
        except InvalidInput as refusal:
            get_db().rollback()
            errors.update({f"image_{field}": text for field, text in refusal.errors.items()})
        else:
            get_db().commit()
            g.stored_image_id = item.id  # so a refused form shows it picked
            data = replace(data, image_id=item.id)
    if errors:
        raise InvalidInput({**message_errors(get_db(), data), **errors})
    return data


def chosen_campaign() -> Campaign | None:
    raw = request.form.get("campaign_id") or ""
    try:
        campaign_id = read_int(raw, "campaign_id")
    except InvalidInput:
        campaign_id = None
    campaign = get_db().get(Campaign, campaign_id) if campaign_id else None
    if raw and (campaign is None or campaign not in list_campaigns(get_db(), actor())):
        raise InvalidInput({"campaign_id": _("Chiến dịch không tồn tại hoặc ngoài địa bàn của bạn.")})
    return campaign


def _images(chosen: int | None) -> list[MediaItem]:
    images = list_media(get_db(), limit=PICKER_SIZE)
    picked = get_db().get(MediaItem, chosen) if chosen else None
    return images + [picked] if picked is not None and picked not in images else images


def form_context(message: Message | None, form, errors: dict[str, str]) -> dict:
    picked_image_id = g.get("stored_image_id")
    if picked_image_id is None:
        raw = form.get("image_id") if "image_id" in form else (message.image_id if message else None)
        try:
            picked_image_id = read_int(str(raw or ""), "image_id")
        except InvalidInput:
            picked_image_id = None  # the form's own check reports it
    topics = list_topics(get_db())
    return dict(message=message, form=form, errors=errors, topics=topics, areas=list_administrative_areas(get_db(), actor().area),
                kinds=MessageKind, priorities=Priority, campaigns=list_campaigns(get_db(), actor()),
                current_campaign=campaign_of(get_db(), message) if message else None,
                images=_images(picked_image_id), picked_image_id=picked_image_id,
                max_image_bytes=DEFAULT_MAX_BYTES, max_image_size=format_size(DEFAULT_MAX_BYTES))


def show_form(message: Message | None, form, errors: dict[str, str], status: int = 200):
    return render_template("desk/form.html", **form_context(message, form, errors)), status


def show_conflict(message: Message):
    """Someone saved first: show what they saved beside what this editor typed, and lose neither."""
    latest = message.revisions[-1]
    theirs = f"{message.title}\n\n{message.body_md}"
    mine = f"{request.form.get('title', '')}\n\n{request.form.get('body_md', '')}"
    form = request.form.copy()
    # Re-submitting from this page is a deliberate overwrite of the version shown on it.
    form["version"] = str(message.version)
    return render_template("desk/conflict.html", latest=latest, diff=diff_text(theirs, mine),
                           **form_context(message, form, {})), 409
