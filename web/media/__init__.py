"""The media library: editors upload images once and reuse them; anyone may fetch a stored file."""

from __future__ import annotations

import math
from pathlib import Path

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required

from content.errors import InvalidInput, NotFound
from content.media import (DEFAULT_MAX_BYTES, count_media, format_size, list_media, media_path, store_image,
                           thumbnail_size)
from content.models import MediaItem, User
from content.permissions import Action, is_allowed
from web.database import get_db, now

bp = Blueprint("media", __name__, url_prefix="/desk/media")
# A file's URL names one item, and an item's bytes never change (they are named by their hash).
LONG_CACHE = "public, max-age=31536000, immutable"


def media_root() -> Path:
    configured = current_app.config.get("MEDIA_ROOT")
    return Path(configured) if configured else Path(current_app.instance_path) / "media"


def actor() -> User:
    return current_user.user


def _library(errors: dict[str, str], alt_text: str, status: int = 200):  # type: ignore[no-untyped-def]
    size = current_app.config["PAGE_SIZE"]
    pages = max(1, math.ceil(count_media(get_db()) / size))
    page = min(max(request.args.get("page", 1, type=int), 1), pages)
    items = list_media(get_db(), limit=size, offset=(page - 1) * size)
    return render_template("media/library.html", items=items, page=page, pages=pages, errors=errors,
                           alt_text=alt_text, can_upload=is_allowed(actor(), Action.MEDIA_UPLOAD, None),
                           max_size=format_size(DEFAULT_MAX_BYTES), thumb_size=thumbnail_size,
                           file_size=format_size), status


@bp.get("/")
@login_required
def library():
    return _library({}, "")


@bp.post("/")
@login_required
def upload():
    image = request.files.get("image")
    alt_text = request.form.get("alt_text", "")
    # Bounded by MAX_CONTENT_LENGTH: a bigger request is refused (413) before this view runs.
    data, name = (image.read(), image.filename or "") if image else (b"", "")
    try:
        store_image(get_db(), data=data, original_name=name, alt_text=alt_text, uploader=actor(),
                    media_root=media_root(), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _library(error.errors, alt_text, 400)
    get_db().commit()
    flash("Đã tải ảnh lên.", "success")
    return redirect(url_for("media.library"))


def _send(item_id: int, *, thumbnail: bool) -> Response:
    item = get_db().get(MediaItem, item_id)
    path = media_path(item, media_root(), thumbnail=thumbnail) if item else None
    if item is None or path is None or not path.is_file():
        raise NotFound("Không tìm thấy ảnh này.")
    # The stored type was sniffed from the bytes at upload; never let a browser guess another one.
    response = send_file(path, mimetype=item.mime_type, etag=f"{item.sha256}{'-thumb' if thumbnail else ''}")
    response.headers["Cache-Control"] = LONG_CACHE
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/<int:item_id>/file")
def original(item_id: int) -> Response:
    return _send(item_id, thumbnail=False)


@bp.get("/<int:item_id>/thumb")
def thumbnail(item_id: int) -> Response:
    return _send(item_id, thumbnail=True)
