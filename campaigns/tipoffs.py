"""The citizen's side of tip-offs: check what the public form sent, store it sealed, give a receipt code, and
let whoever holds the code see the status and add information — no account, nothing that identifies them.

The receipt code is 80 random bits, shown once and stored only as its SHA-256: the look-up hashes what was
typed and finds the row by an index on the hash, so neither a copy of the table nor the time a wrong code takes
tells anything about a right one.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.tipoff_models import Tipoff, TipoffAddition, TipoffKind, TipoffStatus
from campaigns.tipoff_photos import CleanPhoto, write_photo
from campaigns.tipoff_sealing import seal_text
from content.errors import InvalidInput
from content.models import Area, AreaKind
from content.wording import Text

MAX_BODY_CHARS = 5000
MAX_CONTACT_CHARS = 300
MAX_ADDITION_CHARS = 3000
MAX_ADDITIONS = 20
# Crockford's base32: no I, L, O or U, so a code read out over the phone or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 16  # 80 bits
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class TipoffInput:
    """The public form as typed; every field a string, so a refused form is given back exactly."""

    kind: str = ""
    commune: str = ""  # area codes
    village: str = ""
    occurred_on: str = ""  # YYYY-MM-DD, local
    occurred_time: str = ""  # HH:MM, local
    body: str = ""
    anonymous: bool = True
    contact: str = ""
    trap: str = ""  # the honeypot: a field people never see


@dataclass(frozen=True)
class Checked:
    kind: TipoffKind
    area: Area
    occurred_on: date | None
    occurred_time: time | None
    body: str
    contact: str | None


@dataclass(frozen=True)
class SenderStatus:
    """What the holder of a code may see: never the text, the contact or the photos (a code found on a lost
    phone must not hand over what was reported), nor the officers' judgement of its value."""

    kind: TipoffKind
    area_name: str
    received_at: datetime
    stage: str  # one of STAGES
    additions: list[datetime] = field(default_factory=list)
    photos: int = 0
    can_add: bool = True


# The sender's view of the officers' statuses: "valuable" or not is an internal judgement.
STAGES = {TipoffStatus.NEW: "received", TipoffStatus.CHECKING: "checking", TipoffStatus.VALUABLE: "handled",
          TipoffStatus.NOT_VALUABLE: "handled", TipoffStatus.FORWARDED: "forwarded", TipoffStatus.CLOSED: "handled"}

TRAPPED = Text("Biểu mẫu có một ô ẩn dành để chặn phần mềm gửi tự động, và ô đó đã bị điền (có thể do trình duyệt "
               "tự điền). Hệ thống chưa lưu gì. Hãy xóa ô “Trang web” ở cuối biểu mẫu, hoặc tắt tự điền, rồi gửi lại.")


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARS))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_CHARS, 4))


def normalize_code(typed: str) -> str | None:
    """The code as generated, from what a person typed (any case, spaces, dashes, O for 0); None if it cannot be one."""
    raw = "".join(ch for ch in typed.upper() if ch not in " -\t").translate(_LOOKALIKES)
    if len(raw) != CODE_CHARS or any(ch not in ALPHABET for ch in raw):
        return None
    return "-".join(raw[i:i + 4] for i in range(0, CODE_CHARS, 4))


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def check_tipoff(session: Session, data: TipoffInput, *, today: date) -> Checked:
    """Every field checked at once; an InvalidInput names each wrong field in words a citizen can act on."""
    errors: dict[str, str] = {}
    if data.trap.strip():
        errors["website"] = TRAPPED
    kind = next((k for k in TipoffKind if k.value == data.kind), None)
    if kind is None:
        errors["kind"] = Text("Hãy chọn loại: phản ánh, tố giác hay góp ý.")
    area = _check_area(session, data, errors)
    occurred_on, occurred_time = _check_when(data, today, errors)
    body = data.body.strip()
    if not body:
        errors["body"] = Text("Hãy viết điều bạn muốn báo: chuyện gì đã xảy ra, ai, ở đâu.")
    elif len(body) > MAX_BODY_CHARS:
        errors["body"] = Text("Nội dung dài %(count)s ký tự, tối đa %(limit)s ký tự. Hãy rút gọn, phần còn lại "
                              "có thể bổ sung sau bằng mã tra cứu.", count=len(body), limit=MAX_BODY_CHARS)
    contact = None if data.anonymous else data.contact.strip()
    if contact == "":
        errors["contact"] = Text("Bạn chọn để lại liên lạc nhưng chưa ghi số điện thoại hoặc địa chỉ. Hãy ghi vào, "
                                 "hoặc chọn “Gửi ẩn danh”.")
    elif contact is not None and len(contact) > MAX_CONTACT_CHARS:
        errors["contact"] = Text("Thông tin liên lạc dài %(count)s ký tự, tối đa %(limit)s ký tự.",
                                 count=len(contact), limit=MAX_CONTACT_CHARS)
    if errors:
        raise InvalidInput(errors)
    assert kind is not None and area is not None
    return Checked(kind, area, occurred_on, occurred_time, body, contact)


def submit_tipoff(session: Session, checked: Checked, photos: list[CleanPhoto], *, key: str | bytes,
                  photo_root: Path, now: datetime) -> tuple[Tipoff, str]:
    """Store a checked tip-off sealed, with its photos; returns it and the receipt code, which exists nowhere else."""
    code = new_code()
    tipoff = Tipoff(receipt_hash=code_hash(code), kind=checked.kind, area_id=checked.area.id,
                    occurred_on=checked.occurred_on, occurred_time=checked.occurred_time,
                    body_ciphertext=seal_text(key, checked.body),
                    contact_ciphertext=seal_text(key, checked.contact) if checked.contact is not None else None,
                    received_at=_to_the_hour(now), status=TipoffStatus.NEW)
    for photo in photos:
        tipoff.photos.append(write_photo(photo_root, key, photo, now=_to_the_hour(now)))
    session.add(tipoff)
    session.flush()
    return tipoff, code


def find_by_code(session: Session, typed: str) -> Tipoff | None:
    code = normalize_code(typed)
    if code is None:
        return None
    return session.scalar(select(Tipoff).where(Tipoff.receipt_hash == code_hash(code)))


def sender_status(session: Session, tipoff: Tipoff) -> SenderStatus:
    additions = list(session.scalars(select(TipoffAddition.received_at).where(TipoffAddition.tipoff_id == tipoff.id)
                                     .order_by(TipoffAddition.id)))
    return SenderStatus(kind=tipoff.kind, area_name=_area_label(tipoff.area), received_at=tipoff.received_at,
                        stage=STAGES[tipoff.status], additions=additions, photos=len(tipoff.photos),
                        can_add=len(additions) < MAX_ADDITIONS)


def add_information(session: Session, tipoff: Tipoff, body: str, photos: list[CleanPhoto], *, key: str | bytes,
                    photo_root: Path, trap: str = "", now: datetime) -> TipoffAddition:
    """More information from the holder of the code; it reaches the officers beside the tip-off."""
    text = body.strip()
    errors: dict[str, str] = {}
    if trap.strip():
        errors["website"] = TRAPPED
    count = session.scalar(select(func.count()).select_from(TipoffAddition)
                           .where(TipoffAddition.tipoff_id == tipoff.id)) or 0
    if count >= MAX_ADDITIONS:
        errors["body"] = Text("Phản ánh này đã có %(limit)s lần bổ sung, là mức tối đa. Nếu còn điều quan trọng, "
                              "hãy gửi một phản ánh mới.", limit=MAX_ADDITIONS)
    elif not text and not photos:
        errors["body"] = Text("Hãy viết điều bạn muốn bổ sung, hoặc chọn ảnh.")
    elif len(text) > MAX_ADDITION_CHARS:
        errors["body"] = Text("Phần bổ sung dài %(count)s ký tự, tối đa %(limit)s ký tự.",
                              count=len(text), limit=MAX_ADDITION_CHARS)
    if errors:
        raise InvalidInput(errors)
    addition = TipoffAddition(tipoff_id=tipoff.id, body_ciphertext=seal_text(key, text),
                              received_at=_to_the_hour(now))
    session.add(addition)
    session.flush()
    for photo in photos:
        stored = write_photo(photo_root, key, photo, now=_to_the_hour(now))
        stored.addition_id = addition.id
        tipoff.photos.append(stored)
    session.flush()
    return addition


def _check_area(session: Session, data: TipoffInput, errors: dict[str, str]) -> Area | None:
    commune = session.scalar(select(Area).where(Area.code == data.commune, Area.kind == AreaKind.COMMUNE,
                                                Area.retired_at.is_(None))) if data.commune else None
    if commune is None:
        errors["commune"] = Text("Hãy chọn xã, phường nơi xảy ra sự việc trong danh sách.")
        return None
    if not data.village:
        return commune
    village = session.scalar(select(Area).where(Area.code == data.village, Area.parent_id == commune.id,
                                                Area.kind == AreaKind.RESIDENTIAL, Area.retired_at.is_(None)))
    if village is None:
        errors["village"] = Text("Thôn, tổ dân phố đã chọn không thuộc %(commune)s. Hãy chọn lại, hoặc để trống "
                                 "nếu không rõ.", commune=commune.name)
        return None
    return village


def _check_when(data: TipoffInput, today: date, errors: dict[str, str]) -> tuple[date | None, time | None]:
    occurred_on = occurred_time = None
    if data.occurred_on:
        try:
            occurred_on = date.fromisoformat(data.occurred_on)
        except ValueError:
            errors["occurred_on"] = Text("Ngày xảy ra không đọc được; hãy chọn ngày trên lịch (ngày/tháng/năm).")
        else:
            if occurred_on > today:
                errors["occurred_on"] = Text("Ngày xảy ra ở sau hôm nay; hãy chọn lại ngày.")
            elif occurred_on < today - timedelta(days=3660):
                errors["occurred_on"] = Text("Ngày xảy ra đã quá mười năm; hãy kiểm tra lại năm.")
    if data.occurred_time:
        try:
            occurred_time = time.fromisoformat(data.occurred_time)
        except ValueError:
            errors["occurred_time"] = Text("Giờ xảy ra không đọc được; hãy ghi theo dạng giờ:phút, ví dụ 21:30.")
        else:
            occurred_time = occurred_time.replace(second=0, microsecond=0, tzinfo=None)
    return occurred_on, occurred_time


def _area_label(area: Area) -> str:
    if area.kind is AreaKind.RESIDENTIAL and area.parent is not None:
        return f"{area.name}, {area.parent.name}"
    return area.name


def _to_the_hour(now: datetime) -> datetime:
    # An exact time could be matched against a web server's access log, which has the sender's address.
    return now.replace(minute=0, second=0, microsecond=0)
