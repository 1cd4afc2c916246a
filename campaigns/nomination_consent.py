"""Consent to name a nominated person: how and when it was given, who recorded it, and a scanned form.

Recording it is what lets the story show the name: the story's `name_consent` follows, and its stored
public forms are derived again, so the portal, feeds and radio name the person from then on.

A scanned form is private (a signature, an address): it never enters the public media library. An image
is cleaned exactly as the library cleans one (content.media: re-saved without EXIF, XMP or comments); a
PDF is accepted only if its bytes say it is one. Files sit in a private folder, named by their hash.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from campaigns.nomination_models import ConsentMethod, Nomination
from campaigns.nominations import authorize_nomination
from content.audit import record_audit
from content.errors import Conflict, InvalidInput
from content.media import _clean, _write_once, clean_file_name, format_size
from content.models import User
from content.public_forms import refresh_public_forms
from content.wording import Text

MAX_SCAN_BYTES = 8 * 1024 * 1024
MAX_NOTE_CHARS = 500
PDF_MIME = "application/pdf"
_SHA256 = re.compile(r"[0-9a-f]{64}")
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", PDF_MIME: "pdf"}


@dataclass(frozen=True)
class ScanUpload:
    data: bytes
    original_name: str


@dataclass(frozen=True)
class ConsentInput:
    method: ConsentMethod | None
    given_on: date | None
    note: str = ""
    scan: ScanUpload | None = None


def _checked_scan(scan: ScanUpload) -> tuple[bytes, str]:
    """The bytes to store and their type; an image is cleaned of its metadata first."""
    name = clean_file_name(scan.original_name)
    if len(scan.data) > MAX_SCAN_BYTES:
        raise InvalidInput({"scan": Text("Bản quét nặng %(size)s, vượt giới hạn %(limit)s.").fill(
            size=format_size(len(scan.data)), limit=format_size(MAX_SCAN_BYTES))})
    if scan.data.startswith(b"%PDF-"):
        if b"%%EOF" not in scan.data[-1024:]:
            raise InvalidInput({"scan": Text("Tệp PDF “%(name)s” bị hỏng hoặc chưa được tải lên trọn vẹn.").fill(
                name=name)})
        return scan.data, PDF_MIME
    try:
        image = _clean(scan.data, name)
    except InvalidInput as refused:
        raise InvalidInput({"scan": Text("Tệp “%(name)s” không phải tệp PDF hay ảnh JPEG, PNG hoặc WebP đọc được.")
                            .fill(name=name or "?")}) from refused
    return image.original, image.kind.mime_type


def scan_path(consent_root: Path, sha256: str, mime: str) -> Path:
    if not _SHA256.fullmatch(sha256) or mime not in EXTENSIONS:
        raise ValueError("not a stored scan")
    return consent_root / sha256[:2] / f"{sha256}.{EXTENSIONS[mime]}"


def record_consent(session: Session, nomination: Nomination, data: ConsentInput, *, officer: User, now: datetime,
                   today: date, consent_root: Path | None, remote_addr: str | None = None) -> None:
    """Record the consent once; the story made from the nomination names the person from now on.

    :param consent_root: the private folder for scanned forms; None where no scan can be given (the demo).
    """
    authorize_nomination(officer, nomination)
    if nomination.has_consent:
        raise Conflict(Text("Sự đồng ý của người này đã được ghi nhận."))
    errors: dict[str, str] = {}
    if data.method is None:
        errors["method"] = Text("Hãy chọn cách người được đề cử đã đồng ý.")
    if data.given_on is None:
        errors["given_on"] = Text("Hãy nhập ngày người được đề cử đồng ý.")
    elif data.given_on > today:
        errors["given_on"] = Text("Ngày đồng ý không thể ở sau hôm nay.")
    note = data.note.strip()
    if len(note) > MAX_NOTE_CHARS:
        errors["note"] = Text("Nội dung dài %(count)s ký tự, quá giới hạn %(limit)s ký tự của ô này.").fill(count=len(note),
                                                                                  limit=MAX_NOTE_CHARS)
    stored: tuple[bytes, str] | None = None
    if data.scan is not None and data.scan.data:
        try:
            stored = _checked_scan(data.scan)
        except InvalidInput as refused:
            errors.update(refused.errors)
    if data.method is ConsentMethod.SIGNED_FORM and stored is None and "scan" not in errors:
        errors["scan"] = Text("Đồng ý bằng văn bản ký tên: hãy tải lên bản quét của văn bản.")
    if errors:
        raise InvalidInput(errors)
    if stored is not None and data.scan is not None:
        if consent_root is None:
            raise ValueError("a scanned form needs a folder to be kept in")
        content, mime = stored
        digest = hashlib.sha256(content).hexdigest()
        # The file first: a crash between the two leaves an unused file, never a row pointing at nothing.
        _write_once(scan_path(consent_root, digest, mime), content)
        nomination.consent_scan_sha256, nomination.consent_scan_mime = digest, mime
        nomination.consent_scan_name = clean_file_name(data.scan.original_name) or None
    nomination.consent_method, nomination.consent_given_on = data.method, data.given_on
    nomination.consent_note = note or None
    nomination.consent_recorded_at, nomination.consent_recorded_by_id = now, officer.id
    message = nomination.message
    if message is not None and not message.name_consent:
        message.name_consent = True
        session.flush()
        refresh_public_forms(session, message)
    session.flush()
    record_audit(session, actor=officer, action="nomination.consent", object_type="nomination",
                 object_id=nomination.id, now=now, remote_addr=remote_addr,
                 detail={"method": data.method.value if data.method else None,
                         "message_id": message.id if message is not None else None,
                         "scan": nomination.consent_scan_sha256})
