"""The media library page: editors upload images once and reuse them (web.media.files serves them)."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from content.errors import InvalidInput
from content.media import DEFAULT_MAX_BYTES, format_size, page_media, store_image, thumbnail_size
from content.permissions import Action, authorize, is_allowed
from web.auth import actor
from web.database import get_db, now
from web.media.files import media_root
from web.params import query_page


def _library(errors: dict[str, str], alt_text: str, status: int = 200):
    # The library shows unpublished photos, so it asks what fetching them asks.
    authorize(actor(), Action.MESSAGE_VIEW, None, object_type="media")
    page = page_media(get_db(), page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    return render_template("media/library.html", page=page, errors=errors,
                           alt_text=alt_text, can_upload=is_allowed(actor(), Action.MEDIA_UPLOAD, None),
                           max_size=format_size(DEFAULT_MAX_BYTES), thumb_size=thumbnail_size,
                           file_size=format_size), status


@login_required
def library() -> ResponseReturnValue:
    return _library({}, "")


@login_required
def upload() -> ResponseReturnValue:
    image = request.files.get("image")
    alt_text = request.form.get("alt_text", "")
    # Bounded by MAX_CONTENT_LENGTH: a bigger request is refused (413) before this view runs.
    data, name = (image.read(), image.filename or "") if image else (b"", "")
    try:
        # store_image checks media.upload itself; a refusal is a 403, audited like any other.
        store_image(get_db(), data=data, original_name=name, alt_text=alt_text, uploader=actor(),
                    media_root=media_root(), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _library(error.errors, alt_text, 400)
    get_db().commit()
    flash(_("Đã tải ảnh lên."), "success")
    return redirect(url_for("media.library"))
