"""The media library: editors upload images once and reuse them; files are served by content hash.

A file is public once it illustrates a message the public can read (the portal and feed rule in
campaigns.publication). Until then it may hold a tip-off or a draft story's photo, so only desk
users who may read messages can fetch it, and everyone else hears that there is no such file.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import current_user, login_required

from campaigns.publication import image_is_public
from content.errors import InvalidInput, NotFound
from content.media import (
    DEFAULT_MAX_BYTES,
    find_media,
    format_size,
    media_file_name,
    media_path,
    page_media,
    store_image,
    thumbnail_size,
)
from content.models import MediaItem
from content.permissions import Action, authorize, is_allowed
from web.auth import actor
from web.database import get_db, now
from web.params import query_page

bp = Blueprint("media", __name__)
FILE_NAME = re.compile(r"(?P<sha256>[0-9a-f]{64})(?P<thumbnail>-thumb)?\.[a-z]+")
# A file's URL names its bytes, which never change; once public, anyone may keep them.
PUBLIC_CACHE = "public, max-age=31536000, immutable"
# Checked again on every use (a 304 costs little): on a shared commune office computer, a draft's
# photo must not outlive the login that fetched it.
PRIVATE_CACHE = "private, no-cache"
# The same words whether the file is missing or merely not public: its existence is not told.
NO_SUCH_IMAGE = lazy_gettext("Không tìm thấy ảnh này.")


def media_root() -> Path:
    configured = current_app.config.get("MEDIA_ROOT")
    return Path(configured) if configured else Path(current_app.instance_path) / "media"



@bp.app_template_global()
def media_url(item: MediaItem, thumbnail: bool = False) -> str:
    """Where a page links an image or its thumbnail: by content hash, so portal and desk share one URL."""
    return url_for("media.file", name=media_file_name(item, thumbnail=thumbnail))


def _library(errors: dict[str, str], alt_text: str, status: int = 200):  # type: ignore[no-untyped-def]
    # The library shows unpublished photos, so it asks what fetching them asks.
    authorize(actor(), Action.MESSAGE_VIEW, None, object_type="media")
    page = page_media(get_db(), page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    return render_template("media/library.html", page=page, errors=errors,
                           alt_text=alt_text, can_upload=is_allowed(actor(), Action.MEDIA_UPLOAD, None),
                           max_size=format_size(DEFAULT_MAX_BYTES), thumb_size=thumbnail_size,
                           file_size=format_size), status


@bp.get("/desk/media/")
@login_required
def library():
    return _library({}, "")


@bp.post("/desk/media/")
@login_required
def upload():
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


@bp.get("/media/<name>")
def file(name: str) -> Response:
    match = FILE_NAME.fullmatch(name)
    item = find_media(get_db(), match["sha256"]) if match else None
    thumbnail = match is not None and match["thumbnail"] is not None
    # One address per file, the one media_url gives: any other spelling is not an alias.
    if item is None or name != media_file_name(item, thumbnail=thumbnail):
        raise NotFound(str(NO_SUCH_IMAGE))
    public = image_is_public(get_db(), item.id)
    path = media_path(item, media_root(), thumbnail=thumbnail)
    if not (public or _may_see_unpublished()) or not path.is_file():
        raise NotFound(str(NO_SUCH_IMAGE))
    # The stored type was sniffed from the bytes at upload; never let a browser guess another one.
    response = send_file(path, mimetype=item.mime_type, etag=name)
    response.headers["Cache-Control"] = PUBLIC_CACHE if public else PRIVATE_CACHE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _may_see_unpublished() -> bool:
    return current_user.is_authenticated and is_allowed(actor(), Action.MESSAGE_VIEW, None)
