"""A message's own spoken wording for one station or one area, and which one each station reads.

An officer who plans a province's message for many communes may need one of them to hear a local name or
phone number. The wording belongs to the message and a place, not to a delivery, so every delivery of the
message to that place reads it, those planned later included. A station's own wording wins over its
area's, and a commune's over its province's.

A wording written for an older version of the message is not read: after an edit (which went back through
approval) it may still say what the message no longer says, and the approved text is the safer one to put
on air. The desk shows such a wording as out of date until someone saves it again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from campaigns.local_wording_models import LocalWording
from campaigns.models import Station
from content.areas import is_within
from content.audit import record_audit
from content.consent_masking import public_text
from content.errors import Conflict, InvalidInput, PermissionDenied
from content.models import Area, AreaKind, AuditLog, Message, MessageStatus, Revision, User
from content.permissions import DENIED, Action, authorize
from content.spoken.markup import remove_addresses, strip_symbols, tidy
from content.spoken.reading import speak_line
from content.spoken.rules import SpokenRules
from content.wording import Text

HISTORY_ACTIONS = ("message.local_wording", "message.local_wording_confirmed", "message.local_wording_removed")
MAX_WORDING_CHARS = 8000  # a long item is a few minutes on air; past this it is not a local variant any more


@dataclass(frozen=True)
class ChosenWording:
    """The wording one station reads for one message, and the place it was written for."""

    text: str  # as the officer wrote it
    place_name: str


def revision_number(message: Message) -> int:
    return message.current_revision.number if message.current_revision is not None else 0


def is_current(wording: LocalWording, message: Message) -> bool:
    """Whether the wording was written for the message as it stands, so it is read on air."""
    return wording.revision_number == revision_number(message)


def local_wordings_of(session: Session, message: Message) -> list[LocalWording]:
    """The message's wordings, stations' and areas' together, by place name."""
    rows = session.scalars(select(LocalWording).where(LocalWording.message_id == message.id)
                           .options(selectinload(LocalWording.station), selectinload(LocalWording.area)))
    return sorted(rows, key=lambda w: (w.place_name, w.id))


def wording_history(session: Session, message: Message) -> list[AuditLog]:
    """Every wording written, saved again or removed for this message, oldest first, with the words each time."""
    return list(session.scalars(select(AuditLog).where(
        AuditLog.object_type == "message", AuditLog.object_id == message.id,
        AuditLog.action.in_(HISTORY_ACTIONS)).order_by(AuditLog.at, AuditLog.id)))


def spoken_wording(message: Message, text: str, *, rules: SpokenRules) -> str:
    """The wording read aloud with the install's dictionary, each line as a title is (it is plain text, not
    Markdown), with an unconsented story name masked as everywhere the public hears the message."""
    lines = (speak_line(tidy(strip_symbols(remove_addresses(line, rules.link_pointer))), rules)
             for line in text.splitlines())
    return public_text(message, "\n".join(line for line in lines if line))


def _check(actor: User, message: Message, station: Station | None, area: Area | None, *, removing: bool = False) -> Area:
    authorize(actor, Action.MESSAGE_SCHEDULE, message.area, object_type="message", object_id=message.id)
    if (station is None) == (area is None):
        raise InvalidInput({"place": Text("Hãy chọn một đài hoặc một địa bàn.")})
    place = station.area if station is not None else area
    assert place is not None
    if not is_within(place, actor.area):
        raise PermissionDenied(DENIED, attempted=Action.MESSAGE_SCHEDULE.value,
                               object_type="station" if station is not None else "area",
                               object_id=station.id if station is not None else place.id)
    if area is not None and area.kind is AreaKind.RESIDENTIAL:
        raise InvalidInput({"place": Text("Đài truyền thanh thuộc xã, không thuộc thôn: hãy chọn xã hoặc đài của xã.")})
    if message.status is MessageStatus.ARCHIVED and not removing:
        raise InvalidInput({"text": Text("Tin đã lưu trữ; không thêm bản riêng được nữa.")})
    return place


def _clean(text: str) -> str:
    text = "\n".join(line.strip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    if not text:
        raise InvalidInput({"text": Text("Lời đọc riêng không được để trống; muốn đọc lời chung thì hãy xoá bản riêng.")})
    if len(text) > MAX_WORDING_CHARS:
        raise InvalidInput({"text": Text("Lời đọc riêng dài %(n)s ký tự, quá giới hạn %(limit)s ký tự.",
                                         n=f"{len(text):,}".replace(",", "."), limit=f"{MAX_WORDING_CHARS:,}".replace(",", "."))})
    return text


def _detail(wording: LocalWording, **more: object) -> dict[str, object]:
    place = {"station_id": wording.station_id} if wording.station_id is not None else {"area_id": wording.area_id}
    return {**place, "place": wording.place_name, "revision": wording.revision_number, **more}


def set_local_wording(session: Session, message: Message, text: str, *, actor: User, now: datetime,
                      station: Station | None = None, area: Area | None = None,
                      remote_addr: str | None = None) -> LocalWording:
    """Write (or rewrite) what one station, or every station of one area, reads for this message.

    The text is kept in the audit log too, so the message's history shows what each place heard and when.
    """
    where = _check(actor, message, station, area)
    text = _clean(text)
    place = (LocalWording.station_id == station.id) if station is not None else (LocalWording.area_id == where.id)
    wording = session.scalar(select(LocalWording).where(LocalWording.message_id == message.id, place))
    action = "message.local_wording"
    number = revision_number(message)
    if wording is None:
        wording = LocalWording(message_id=message.id, station=station, area=area, text=text, revision_number=number,
                               updated_at=now, updated_by_id=actor.id)
        try:
            with session.begin_nested():
                session.add(wording)
        except IntegrityError:
            # Another officer saved this place's wording a moment ago: theirs stays, this one is not lost silently.
            raise Conflict(Text("Vừa có người khác lưu bản riêng cho nơi này; hãy tải lại trang và xem lại.")) from None
    else:
        if wording.text == text:
            action = "message.local_wording_confirmed"  # saved again unchanged: read again for the new version
        wording.text, wording.revision_number, wording.updated_at, wording.updated_by_id = text, number, now, actor.id
    session.flush()
    record_audit(session, actor=actor, action=action, object_type="message", object_id=message.id, now=now,
                 remote_addr=remote_addr, detail=_detail(wording, text=text))
    return wording


def remove_local_wording(session: Session, wording: LocalWording, *, actor: User, now: datetime,
                         remote_addr: str | None = None) -> None:
    """The place reads the message's own spoken text again."""
    _check(actor, wording.message, wording.station, wording.area if wording.station is None else None, removing=True)
    detail = _detail(wording, text=wording.text)
    session.delete(wording)
    record_audit(session, actor=actor, action="message.local_wording_removed", object_type="message",
                 object_id=wording.message_id, now=now, remote_addr=remote_addr, detail=detail)


def chosen_wordings(session: Session, message_ids: Collection[int],
                    station_ids: Collection[int]) -> dict[tuple[int, int], ChosenWording]:
    """For each (message, station) pair that has one, the wording the station reads: its own, else the one
    of the nearest area above it; only wordings written for the message's current version.

    Three small queries whatever the number of stations: the wordings of these messages are few.
    """
    if not message_ids or not station_ids:
        return {}
    current = select(Revision.message_id, func.max(Revision.number).label("number")).group_by(
        Revision.message_id).where(Revision.message_id.in_(message_ids)).subquery()
    rows = list(session.scalars(
        select(LocalWording).join(current, (current.c.message_id == LocalWording.message_id)
                                  & (current.c.number == LocalWording.revision_number))
        .where(LocalWording.message_id.in_(message_ids),
               or_(LocalWording.station_id.in_(station_ids), LocalWording.area_id.is_not(None)))
        .options(selectinload(LocalWording.station), selectinload(LocalWording.area))))
    if not rows:
        return {}
    paths = {station_id: path for station_id, path in session.execute(
        select(Station.id, Area.path).join(Area, Station.area_id == Area.id).where(Station.id.in_(station_ids)))}
    chosen: dict[tuple[int, int], tuple[int, ChosenWording]] = {}
    for wording in rows:
        found = ChosenWording(text=wording.text, place_name=wording.place_name)
        if wording.station_id is not None:
            targets = [(wording.station_id, 10_000)] if wording.station_id in paths else []
        else:
            assert wording.area is not None
            depth = wording.area.path.count("/")
            targets = [(sid, depth) for sid, path in paths.items() if path.startswith(wording.area.path)]
        for station_id, rank in targets:
            key = (wording.message_id, station_id)
            if key not in chosen or chosen[key][0] < rank:
                chosen[key] = (rank, found)
    return {key: found for key, (_, found) in chosen.items()}
