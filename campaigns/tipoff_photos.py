"""Tip-off photos on disk: cleaned of metadata as the media library does, then sealed, under a random file name.

The files live in their own folder (`<root>/tipoffs/`) apart from the public media library: nothing serves
that folder, and a file is useless without LOA_TIPOFF_KEY. Deleting a tip-off deletes its files (see
campaigns.tipoff_retention); a file no row names (a crash between the two) is swept there too.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from campaigns.tipoff_models import TipoffPhoto
from campaigns.tipoff_sealing import seal_bytes, unseal_bytes
from content.errors import InvalidInput
from content.media import clean_image, format_size
from content.wording import Text

MAX_PHOTOS = 3
MAX_PHOTO_BYTES = 5 * 1024 * 1024
_FILE_NAME = re.compile(r"[A-Za-z0-9_-]{20,64}")
TOO_MANY = Text("Chỉ gửi được tối đa %(limit)s ảnh mỗi lần; bạn đã chọn %(count)s ảnh.")
TOO_HEAVY = Text("Ảnh “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s. Hãy thu nhỏ ảnh rồi chọn lại.")


@dataclass(frozen=True)
class Upload:
    data: bytes
    name: str


@dataclass(frozen=True)
class CleanPhoto:
    mime_type: str
    data: bytes


def clean_photos(uploads: list[Upload]) -> list[CleanPhoto]:
    """Every upload checked and stripped, or an InvalidInput under "photos" before anything is written."""
    uploads = [upload for upload in uploads if upload.data]
    if len(uploads) > MAX_PHOTOS:
        raise InvalidInput({"photos": TOO_MANY.fill(limit=MAX_PHOTOS, count=len(uploads))})
    cleaned = []
    for upload in uploads:
        if len(upload.data) > MAX_PHOTO_BYTES:
            raise InvalidInput({"photos": TOO_HEAVY.fill(name=upload.name, size=format_size(len(upload.data)),
                                                         limit=format_size(MAX_PHOTO_BYTES))})
        try:
            image = clean_image(upload.data, upload.name)
        except InvalidInput as refusal:  # the media library's field is "image"; the form's is "photos"
            raise InvalidInput({"photos": next(iter(refusal.errors.values()))}) from refusal
        cleaned.append(CleanPhoto(image.kind.mime_type, image.original))
    return cleaned


def photo_folder(root: Path) -> Path:
    return root / "tipoffs"


def photo_path(root: Path, file_name: str) -> Path:
    if not _FILE_NAME.fullmatch(file_name):
        raise ValueError("malformed tip-off photo file name")  # a stored name becomes a path: never let it walk out
    return photo_folder(root) / file_name


def write_photo(root: Path, key: str | bytes, photo: CleanPhoto, *, now: datetime) -> TipoffPhoto:
    """Seal and write one photo; the row is the caller's to attach. The file is written before the row exists.

    Under a fresh random name and closed before the row naming it is committed, so no server (they may share the
    folder through LOA_DATA_DIR) looks for it before it is whole; O_EXCL, so a name is never written twice.
    """
    folder = photo_folder(root)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = secrets.token_urlsafe(24)
    descriptor = os.open(photo_path(root, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(seal_bytes(key, photo.data))
    return TipoffPhoto(file_name=name, mime_type=photo.mime_type, byte_size=len(photo.data), received_at=now)


def read_photo(root: Path, key: str | bytes, photo: TipoffPhoto) -> bytes:
    """The photo's cleaned bytes, for an officer allowed to see it."""
    return unseal_bytes(key, photo_path(root, photo.file_name).read_bytes())


def remove_photo_file(root: Path, file_name: str) -> bool:
    try:
        photo_path(root, file_name).unlink()
    except FileNotFoundError:
        return False
    return True
