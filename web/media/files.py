"""Media files: where they are kept, the one address of each, and serving it to whoever may see it.

A file is public once it illustrates a message the public can read (the portal and feed rule in
campaigns.publication). Until then it may hold a tip-off or a draft story's photo, so only desk
users who may read messages can fetch it, and everyone else hears that there is no such file.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Response, current_app, send_file, url_for
from flask_babel import lazy_gettext
from flask_login import current_user

from campaigns.publication import image_is_public
from content.errors import NotFound
from content.media import find_media, media_file_name, media_path
from content.models import MediaItem
from content.permissions import Action, is_allowed
from web.auth import actor
from web.data_dir import data_path
from web.database import get_db

FILE_NAME = re.compile(r"(?P<sha256>[0-9a-f]{64})(?P<thumbnail>-thumb)?\.[a-z]+")
# A file's URL names its bytes, which never change; once public, anyone may keep them.
PUBLIC_CACHE = "public, max-age=31536000, immutable"
# Checked again on every use (a 304 costs little): on a shared commune office computer, a draft's
# photo must not outlive the login that fetched it.
PRIVATE_CACHE = "private, no-cache"
# The same words whether the file is missing or merely not public: its existence is not told.
NO_SUCH_IMAGE = lazy_gettext("Không tìm thấy ảnh này.")


def media_root() -> Path:
    return data_path(current_app, "MEDIA_ROOT", "media")


def media_url(item: MediaItem, thumbnail: bool = False) -> str:
    """Where a page links an image or its thumbnail: by content hash, so portal and desk share one URL."""
    return url_for("media.file", name=media_file_name(item, thumbnail=thumbnail))


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
