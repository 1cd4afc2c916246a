"""Uploaded images: sniffed from their bytes, cleaned of metadata, stored once by content hash.

The file name and the browser's Content-Type are whatever the uploader's machine says, so neither
is trusted: only a JPEG, PNG or WebP that Pillow can actually decode is accepted, and it is served
back with the type found here. What is stored is not the upload itself but the picture re-saved
upright without EXIF, XMP, comments or text chunks: a phone photo of a good deed or a tip-off
otherwise tells anyone who downloads it where it was taken, when, and on whose phone. Files live
under a media root passed in by the caller (the web layer uses the instance folder), named by the
SHA-256 of those cleaned bytes, so an image uploaded twice is stored once and its URL never changes.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import struct
import tempfile
import warnings
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError
from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from content.audit import record_audit
from content.errors import InvalidInput
from content.models import MediaItem, User
from content.paging import Page, paginate
from content.permissions import Action, authorize
from content.wording import Text

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 5 * MB
# Well below Pillow's own alarm (~89 MP); a 40 MP image is already bigger than any phone photo,
# and decoding one takes ~160 MB of memory as RGBA.
MAX_PIXELS = 40_000_000
THUMBNAIL_EDGE = 320
# All that survives of what a file carries besides its pixels. The colour profile: without it a
# wide-gamut photo (most phones now) shows washed out. Which colour is transparent: without it a
# palette logo gets a box around it. Neither says anything about a person or a place.
KEPT_INFO = ("icc_profile", "transparency")
MAX_ALT_CHARS = 500  # media_items.alt_text is String(500)
MAX_NAME_CHARS = 255  # media_items.original_name is String(255)
# Owner and group (a front web server may be in it), never the world.
MEDIA_DIR_MODE, MEDIA_FILE_MODE = 0o750, 0o640


@dataclass(frozen=True)
class ImageKind:
    """One accepted format: Pillow's name for it, what it is served as, and its file extension."""

    pillow_format: str
    mime_type: str
    extension: str


KINDS = {kind.pillow_format: kind for kind in (
    ImageKind("JPEG", "image/jpeg", "jpg"),
    ImageKind("PNG", "image/png", "png"),
    ImageKind("WEBP", "image/webp", "webp"),
)}
# Many phones save a JPEG with more pictures after the photo (a depth map, a preview); Pillow's JPEG
# decoder opens it as MPO. The photo comes first, and only it is kept.
SAME_KIND = {"MPO": "JPEG"}
EXTENSIONS = {kind.mime_type: kind.extension for kind in KINDS.values()}
# Pillow raises a variety of these on hostile or broken input; each means "not an image we can use".
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, Image.DecompressionBombError)
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class CleanImage:
    """An accepted upload as it will be stored: metadata-free, upright, with its thumbnail."""

    kind: ImageKind
    width: int
    height: int
    original: bytes
    thumbnail: bytes


NOT_AN_IMAGE = Text("Tệp “%(name)s” không phải ảnh JPEG, PNG hoặc WebP. Hệ thống xét nội dung tệp chứ không "
                    "xét đuôi tên tệp; hãy chọn một ảnh chụp hoặc ảnh xuất ra từ phần mềm đồ họa.")
BROKEN_IMAGE = Text("Ảnh “%(name)s” bị hỏng hoặc chưa được tải lên trọn vẹn, nên không đọc được. "
                    "Hãy mở ảnh trên máy, lưu (xuất) lại rồi tải lên lần nữa.")
TOO_MANY_PIXELS = Text("Ảnh %(width)s × %(height)s điểm ảnh (%(megapixels)s megapixel), vượt giới hạn %(limit)s "
                       "megapixel. Hãy thu nhỏ ảnh rồi tải lên lại.")
WAY_TOO_MANY_PIXELS = Text("Ảnh có quá nhiều điểm ảnh, vượt xa giới hạn %(limit)s megapixel. "
                           "Hãy thu nhỏ ảnh rồi tải lên lại.")
TOO_HEAVY = Text("Ảnh nặng %(size)s, vượt giới hạn %(limit)s.")
NO_FILE = Text("Hãy chọn một ảnh để tải lên.")
NO_ALT = Text("Hãy nhập mô tả ảnh: người khiếm thị nghe mô tả này, và nó hiện ra khi ảnh không tải được.")
LONG_ALT = Text("Mô tả ảnh dài %(count)s ký tự, tối đa %(limit)s ký tự.")


def store_image(
    session: Session,
    *,
    data: bytes,
    original_name: str,
    alt_text: str,
    uploader: User,
    media_root: Path,
    now: datetime,
    max_bytes: int = DEFAULT_MAX_BYTES,
    remote_addr: str | None = None,
) -> MediaItem:
    """Check an upload, store it cleaned with its thumbnail, and record it; the same image again reuses the first.

    Every refusal is an InvalidInput keyed by form field, raised before anything is written, so a
    refused upload leaves neither a row nor a file. A duplicate keeps the first upload's alt text:
    the library entry is shared, and whoever reuses it can see what it says. Duplicates are found
    by the hash of the cleaned bytes, which the same upload always gives again (the encoders are
    deterministic), so they cost a decode but never a second copy.

    :param media_root: where files go; the caller decides (the web app uses its instance folder).
    """
    authorize(uploader, Action.MEDIA_UPLOAD, None, object_type="media")
    name = clean_file_name(original_name)
    alt = " ".join(alt_text.split())
    errors: dict[str, str] = {}
    if not alt:
        errors["alt_text"] = NO_ALT
    elif len(alt) > MAX_ALT_CHARS:
        errors["alt_text"] = LONG_ALT.fill(count=len(alt), limit=MAX_ALT_CHARS)
    if not data:
        errors["image"] = NO_FILE
    elif len(data) > max_bytes:
        errors["image"] = TOO_HEAVY.fill(size=format_size(len(data)), limit=format_size(max_bytes))
    if "image" in errors:
        raise InvalidInput(errors)

    # Decoding comes after the cheap checks: it is the expensive, attack-facing part. It still runs
    # when only the alt text is wrong, so the editor hears about both problems at once.
    try:
        image = _clean(data, name)
    except InvalidInput as refusal:
        raise InvalidInput({**errors, **refusal.errors}) from refusal
    if errors:
        raise InvalidInput(errors)

    digest = hashlib.sha256(image.original).hexdigest()
    existing = _find_by_hash(session, digest)
    if existing is not None and all(media_path(existing, media_root, thumbnail=t).is_file() for t in (False, True)):
        return existing
    item = existing or MediaItem(sha256=digest, mime_type=image.kind.mime_type, width=image.width,
                                 height=image.height, byte_size=len(image.original), original_name=name,
                                 alt_text=alt, uploaded_by_id=uploader.id, created_at=now)
    # Files first: a crash between the two leaves an unused file, never a row pointing at nothing.
    _write_once(media_path(item, media_root), image.original)
    _write_once(media_path(item, media_root, thumbnail=True), image.thumbnail)
    if existing is not None:
        return existing  # its files had gone missing (e.g. a database restored without them)

    try:
        with session.begin_nested():
            session.add(item)
    except IntegrityError:
        # Someone stored the same bytes between our look-up and our insert (PostgreSQL, two web
        # processes): theirs is as good as ours, and the files are the same files.
        winner = _find_by_hash(session, digest)
        if winner is None:
            raise
        return winner
    record_audit(session, actor=uploader, action="media.upload", object_type="media", object_id=item.id,
                 now=now, remote_addr=remote_addr,
                 detail={"sha256": digest, "mime_type": image.kind.mime_type, "byte_size": len(image.original),
                         "uploaded_bytes": len(data), "name": name})
    return item


def clean_image(data: bytes, name: str) -> CleanImage:
    """An upload checked and re-saved without metadata, for callers that store it their own way (tip-off photos)."""
    return _clean(data, clean_file_name(name))


def media_path(item: MediaItem, media_root: Path, *, thumbnail: bool = False) -> Path:
    """Where an item's file lives: fanned out by hash so no directory grows to millions of entries."""
    digest = item.sha256
    if not _SHA256.fullmatch(digest):
        # The hash becomes a path; never let a bad value walk out of the media root.
        raise ValueError(f"media item {item.id} has a malformed sha256: {digest!r}")
    base = media_root / "thumbs" if thumbnail else media_root
    return base / digest[:2] / digest[2:4] / f"{digest}.{EXTENSIONS[item.mime_type]}"


def media_file_name(item: MediaItem, *, thumbnail: bool = False) -> str:
    """The last part of a file's URL ("<sha256>.png", "<sha256>-thumb.png"), for pages and for connectors alike."""
    return f"{item.sha256}{'-thumb' if thumbnail else ''}.{EXTENSIONS[item.mime_type]}"


def find_media(session: Session, sha256: str) -> MediaItem | None:
    """The item stored under this hash, if any: files are addressed by hash, never by a countable id."""
    return _find_by_hash(session, sha256) if _SHA256.fullmatch(sha256) else None


def list_media(session: Session, *, limit: int) -> list[MediaItem]:
    """The newest items: what was uploaded last is what an editor is most likely looking for."""
    return list(session.scalars(_newest_first().limit(limit)))


def page_media(session: Session, *, page: int, per_page: int) -> Page[MediaItem]:
    """The library, newest first, a page at a time."""
    return paginate(session, _newest_first(), page=page, per_page=per_page)


def _newest_first() -> Select[MediaItem]:
    return select(MediaItem).order_by(MediaItem.created_at.desc(), MediaItem.id.desc())


def thumbnail_size(width: int, height: int, edge: int = THUMBNAIL_EDGE) -> tuple[int, int]:
    """The thumbnail's size for an image of this size, the way Pillow's Image.thumbnail rounds it.

    Pages put it in <img width height>, so the grid does not jump about while thumbnails load on a
    slow connection.
    """
    if width <= edge and height <= edge:
        return width, height
    aspect = width / height
    if aspect >= 1:
        return edge, _round_aspect(edge / aspect, lambda n: 0 if n == 0 else abs(aspect - edge / n))
    return _round_aspect(edge * aspect, lambda n: abs(aspect - n / edge)), edge


def format_size(byte_count: int) -> str:
    """A size as Vietnamese readers write it: a decimal comma, no trailing ",0" ("7,2 MB", "5 MB")."""
    for unit, factor in (("MB", MB), ("KB", 1024)):
        if byte_count >= factor:
            return f"{byte_count / factor:.1f}".replace(".", ",").removesuffix(",0") + f" {unit}"
    return f"{byte_count} byte"


def clean_file_name(original_name: str) -> str:
    """Only the last part of the name (old browsers send "C:\\fakepath\\..."), printable, bounded."""
    base = re.split(r"[\\/]", original_name)[-1]
    printable = "".join(ch for ch in base if ch.isprintable()).strip()
    return printable[:MAX_NAME_CHARS]


def _find_by_hash(session: Session, digest: str) -> MediaItem | None:
    return session.scalar(select(MediaItem).where(MediaItem.sha256 == digest))


def _round_aspect(number: float, key: Callable[[int], float]) -> int:
    return max(min(math.floor(number), math.ceil(number), key=key), 1)


def _open(data: bytes) -> Image.Image:
    """Open with only the accepted decoders, so hostile bytes never reach an obscure format plugin."""
    with warnings.catch_warnings():
        # Our own, lower pixel limit (checked by the caller) decides; Pillow's warning would only
        # repeat it, and must not escape as a warning (or, under pytest, an error).
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(BytesIO(data), formats=list(KINDS))


def _clean(data: bytes, name: str) -> CleanImage:
    """Sniff, bound and fully decode the image; return it re-saved upright without metadata, and a thumbnail.

    Decoding the whole image is also what catches a truncated file: Pillow's verify() checks a PNG's
    checksums but reads nothing of a JPEG's picture data. Re-saving drops whatever a file carries
    beyond its picture, bytes appended after it included. Of an animated image the first frame is kept.
    """
    label = name or Text("không tên")
    try:
        with _open(data) as probe:
            probe.verify()
    except Image.DecompressionBombError as error:
        # Past twice Pillow's own limit it refuses before telling us the size.
        raise InvalidInput({"image": WAY_TOO_MANY_PIXELS.fill(limit=MAX_PIXELS // 1_000_000)}) from error
    except UnidentifiedImageError as error:
        raise InvalidInput({"image": NOT_AN_IMAGE.fill(name=label)}) from error
    except DECODE_ERRORS as error:
        raise InvalidInput({"image": BROKEN_IMAGE.fill(name=label)}) from error

    try:
        with _open(data) as image:
            kind = KINDS[SAME_KIND.get(image.format or "", image.format or "")]
            width, height = image.size
            if width * height > MAX_PIXELS:
                megapixels = f"{width * height / 1_000_000:.1f}".replace(".", ",")
                raise InvalidInput({"image": TOO_MANY_PIXELS.fill(
                    width=width, height=height, megapixels=megapixels, limit=MAX_PIXELS // 1_000_000)})
            options = _original_options(image, kind, data)
            # In place: a turned copy would hold a second 40 MP picture in memory.
            ImageOps.exif_transpose(image, in_place=True)
            image.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
            original = _encode(image, kind, **options)
            width, height = image.size
            thumbnail = _make_thumbnail(image, kind)
    except DECODE_ERRORS as error:
        raise InvalidInput({"image": BROKEN_IMAGE.fill(name=label)}) from error
    return CleanImage(kind, width, height, original, thumbnail)


def _original_options(image: Image.Image, kind: ImageKind, data: bytes) -> dict[str, object]:
    """How to re-save an original so that nobody can see it was re-saved."""
    if kind.pillow_format == "JPEG":
        # The photo's own quantization tables and chroma subsampling: the quality its camera chose,
        # so one more decode and encode is invisible, and the file neither grows (a quality-60 photo
        # re-saved at a fixed 90 comes out half again as heavy or more) nor softens (a fixed 85 blurs
        # a finer one). It is what quality="keep" does, which Pillow allows only on the untouched
        # file, not on one turned upright.
        assert isinstance(image, JpegImagePlugin.JpegImageFile)  # the file as opened, before it is turned upright
        return {"qtables": image.quantization, "subsampling": JpegImagePlugin.get_sampling(image), "optimize": True}
    if kind.pillow_format == "WEBP":
        # Lossless stays lossless (screenshots, logos); a lossy photo at 90 is visually unchanged.
        return {"lossless": True} if _is_lossless_webp(data) else {"quality": 90}
    return {"optimize": True}  # PNG is lossless whatever we do


def _is_lossless_webp(data: bytes) -> bool:
    """Whether the first picture chunk in the RIFF container is VP8L (lossless) rather than VP8 (lossy)."""
    offset = 12  # past "RIFF", the size and "WEBP"
    while offset + 8 <= len(data):
        fourcc, size = data[offset:offset + 4], int.from_bytes(data[offset + 4:offset + 8], "little")
        if fourcc in (b"VP8L", b"VP8 "):
            return fourcc == b"VP8L"
        # An animation frame holds its picture chunks after a 16-byte frame header; step inside it.
        offset += 8 + 16 if fourcc == b"ANMF" else 8 + size + (size & 1)
    return False


def _make_thumbnail(image: Image.Image, kind: ImageKind) -> bytes:
    """A small copy of an upright, already cleaned image, in the same format; the image is resized in place."""
    if kind.pillow_format != "JPEG" and image.mode not in ("L", "LA", "RGB", "RGBA"):
        # Palette and 16-bit images resample badly (nearest neighbour) or not at all.
        has_alpha = "transparency" in image.info or image.mode in ("PA", "RGBa", "La")
        image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    if image.mode not in ("L", "LA", "RGB", "RGBA"):
        image = image.convert("RGB")  # e.g. a CMYK JPEG, which browsers render unreliably
    if kind.pillow_format == "JPEG":
        return _encode(image, kind, quality=85, optimize=True, progressive=True)
    if kind.pillow_format == "WEBP":
        return _encode(image, kind, quality=80, method=4)
    return _encode(image, kind, optimize=True)


def _encode(image: Image.Image, kind: ImageKind, **options: object) -> bytes:
    """Save an image whose info holds only KEPT_INFO; JPEG and WebP take the colour profile only if handed it."""
    if "icc_profile" in image.info:
        options["icc_profile"] = image.info["icc_profile"]
    out = BytesIO()
    image.save(out, kind.pillow_format, **options)
    return out.getvalue()


def _make_dirs(directory: Path) -> None:
    # mkdir(parents=True) would give the missing parents (the media root itself) the default mode.
    for missing in [d for d in (*reversed(directory.parents), directory) if not d.exists()]:
        missing.mkdir(mode=MEDIA_DIR_MODE, exist_ok=True)


def _write_once(path: Path, data: bytes) -> None:
    """Write a content-addressed file atomically; if it is already there it already holds these bytes."""
    if path.is_file():
        return
    _make_dirs(path.parent)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes 0600; a front web server (nginx) may serve these directly, as another user in
        # Loa's group. Never the world: until published, a file may be a draft's or a tip-off's photo.
        os.chmod(temporary, MEDIA_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
