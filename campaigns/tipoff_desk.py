"""The officers' side of tip-offs: who may read them, the queue of an area, opening one (audited), handling it.

Reading is a grant of its own (`users.reads_tipoffs`, set by an admin), never a role: an editor who writes
the commune's news is not thereby shown who denounced a neighbour. The grant covers the officer's area
subtree, so a tip-off about a village lands with its commune's officers and every level above them.
Every opening is written to the audit log (who, which, when) before the text is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.tipoff_history_models import TipoffEvent, TipoffStep
from campaigns.tipoff_models import Tipoff, TipoffAddition, TipoffNote, TipoffPhoto, TipoffStatus
from campaigns.tipoff_sealing import seal_text, unseal_text
from content.areas import is_within
from content.audit import record_audit
from content.errors import InvalidInput, NotFound, PermissionDenied
from content.models import Area, User
from content.paging import Page, paginate
from content.permissions import Action, authorize_scope
from content.text import clean_text
from content.wording import Text

MAX_NOTE = 4000
NOT_GRANTED = Text("Bạn chưa được cấp quyền đọc phản ánh, tố giác. Quản trị viên cấp quyền này cho từng người.")
OUTSIDE = Text("Phản ánh này thuộc địa bàn ngoài phạm vi của bạn.")
UNKNOWN = Text("Không có phản ánh này.")


@dataclass(frozen=True)
class OpenedTipoff:
    """A tip-off as an officer reads it: the sealed texts opened, the history beside them."""

    tipoff: Tipoff
    body: str
    contact: str | None
    additions: tuple[tuple[TipoffAddition, str], ...]
    notes: tuple[tuple[TipoffNote, str], ...]
    history: tuple[TipoffEvent, ...]


def may_read_tipoffs(user: User, area: Area | None = None) -> bool:
    """True when `user` holds the grant, and `area` (if given) is within their own."""
    return user.is_active and user.reads_tipoffs and (area is None or is_within(area, user.area))


def _authorize(user: User, tipoff: Tipoff | None = None) -> None:
    if not user.reads_tipoffs or not user.is_active:
        raise PermissionDenied(NOT_GRANTED, attempted="tipoff.read", object_type="tipoff",
                               object_id=tipoff.id if tipoff else None)
    if tipoff is not None and not is_within(tipoff.area, user.area):
        raise PermissionDenied(OUTSIDE, attempted="tipoff.read", object_type="tipoff", object_id=tipoff.id)


def tipoff_queue(session: Session, user: User, *, status: TipoffStatus | None = None, mine: bool = False,
                 page: int, per_page: int) -> Page[Tipoff]:
    """The tip-offs about the officer's area and below, newest first; the list shows no text, only facts."""
    _authorize(user)
    query = select(Tipoff).join(Area, Area.id == Tipoff.area_id)
    if user.area is not None:
        query = query.where(Area.path.startswith(user.area.path, autoescape=True))
    if status is not None:
        query = query.where(Tipoff.status == status)
    if mine:
        query = query.where(Tipoff.assignee_id == user.id)
    return paginate(session, query.order_by(Tipoff.received_at.desc(), Tipoff.id.desc()), page=page,
                    per_page=per_page)


def find_tipoff(session: Session, user: User, tipoff_id: int) -> Tipoff:
    """The tip-off, if this officer may handle it; opening its text is `open_tipoff`."""
    tipoff = session.get(Tipoff, tipoff_id)
    if tipoff is None:
        _authorize(user)  # someone without the grant learns nothing, not even that the number is free
        raise NotFound(UNKNOWN)
    _authorize(user, tipoff)
    return tipoff


def open_tipoff(session: Session, user: User, tipoff: Tipoff, *, key: str | bytes, now: datetime,
                remote_addr: str | None = None) -> OpenedTipoff:
    """Unseal a tip-off for `user`, recording the read in the audit log first."""
    _authorize(user, tipoff)
    record_audit(session, actor=user, action="tipoff.read", object_type="tipoff", object_id=tipoff.id, now=now,
                 remote_addr=remote_addr)
    history = tuple(session.scalars(select(TipoffEvent).where(TipoffEvent.tipoff_id == tipoff.id)
                                    .order_by(TipoffEvent.at, TipoffEvent.id)))
    return OpenedTipoff(
        tipoff, unseal_text(key, tipoff.body_ciphertext),
        unseal_text(key, tipoff.contact_ciphertext) if tipoff.contact_ciphertext is not None else None,
        tuple((a, unseal_text(key, a.body_ciphertext)) for a in tipoff.additions),
        tuple((n, unseal_text(key, n.body_ciphertext)) for n in tipoff.notes),
        history)


def open_photo(session: Session, user: User, tipoff: Tipoff, photo_id: int, *, now: datetime,
               remote_addr: str | None = None) -> TipoffPhoto:
    """One of the tip-off's photos, its viewing audited like a read."""
    _authorize(user, tipoff)
    photo = next((p for p in tipoff.photos if p.id == photo_id), None)
    if photo is None:
        raise NotFound(Text("Không có ảnh này."))
    record_audit(session, actor=user, action="tipoff.photo", object_type="tipoff", object_id=tipoff.id, now=now,
                 remote_addr=remote_addr, detail={"photo": photo.id})
    return photo


def possible_assignees(session: Session, tipoff: Tipoff) -> list[User]:
    """Active officers holding the grant whose area covers the tip-off's."""
    users = session.scalars(select(User).where(User.is_active.is_(True), User.reads_tipoffs.is_(True))
                            .order_by(User.full_name, User.username))
    return [u for u in users if is_within(tipoff.area, u.area)]


def change_status(session: Session, tipoff: Tipoff, user: User, status: TipoffStatus, *, now: datetime) -> None:
    _authorize(user, tipoff)
    if status is tipoff.status:
        return
    _step(session, tipoff, user, TipoffStep.STATUS, tipoff.status.value, status.value, now)
    tipoff.status, tipoff.status_changed_at = status, now


def assign_tipoff(session: Session, tipoff: Tipoff, user: User, assignee: User | None, *, now: datetime) -> None:
    """Give the tip-off to an officer who may read it (None: to nobody)."""
    _authorize(user, tipoff)
    if assignee is not None and not may_read_tipoffs(assignee, tipoff.area):
        raise InvalidInput({"assignee": Text("Người này không có quyền đọc phản ánh ở địa bàn này.")})
    if (assignee.id if assignee else None) == tipoff.assignee_id:
        return
    _step(session, tipoff, user, TipoffStep.ASSIGNEE, _text_id(tipoff.assignee_id),
          _text_id(assignee.id if assignee else None), now)
    tipoff.assignee = assignee


def add_note(session: Session, tipoff: Tipoff, user: User, text: str, *, key: str | bytes,
             now: datetime) -> TipoffNote:
    """An internal note, sealed like the tip-off; never shown to the sender."""
    _authorize(user, tipoff)
    body = clean_text(text).strip()
    if not body:
        raise InvalidInput({"note": Text("Hãy viết nội dung ghi chú.")})
    if len(body) > MAX_NOTE:
        raise InvalidInput({"note": Text("Ghi chú dài %(count)s ký tự, tối đa %(limit)s ký tự.", count=len(body),
                                         limit=MAX_NOTE)})
    note = TipoffNote(tipoff_id=tipoff.id, author_id=user.id, body_ciphertext=seal_text(key, body), created_at=now)
    session.add(note)
    _step(session, tipoff, user, TipoffStep.NOTE, None, None, now)
    session.flush()
    session.expire(tipoff, ["notes"])
    return note


def _step(session: Session, tipoff: Tipoff, user: User, step: TipoffStep, old: str | None, new: str | None,
          now: datetime) -> None:
    session.add(TipoffEvent(tipoff_id=tipoff.id, actor_id=user.id, step=step, old_value=old, new_value=new, at=now))
    if tipoff.first_handled_at is None:
        tipoff.first_handled_at = now
    record_audit(session, actor=user, action=f"tipoff.{step.value}", object_type="tipoff", object_id=tipoff.id,
                 now=now, detail={"from": old, "to": new} if step is not TipoffStep.NOTE else {})
    session.flush()


def _text_id(user_id: int | None) -> str | None:
    return str(user_id) if user_id is not None else None


def set_tipoff_reader(session: Session, user: User, *, actor: User, allowed: bool, now: datetime,
                      remote_addr: str | None = None) -> None:
    """An admin grants or withdraws the reading of tip-offs; never their own, which another admin decides."""
    authorize_scope(actor, Action.USER_MANAGE, user.area, object_type="user", object_id=user.id)
    if actor.id == user.id:
        raise PermissionDenied(Text("Không tự cấp hay bỏ quyền đọc phản ánh cho chính mình; hãy nhờ quản trị viên khác."),
                               attempted="user.tipoffs", object_type="user", object_id=user.id)
    if user.reads_tipoffs == allowed:
        return
    user.reads_tipoffs = allowed
    record_audit(session, actor=actor, action="user.tipoffs", object_type="user", object_id=user.id, now=now,
                 remote_addr=remote_addr, detail={"reads_tipoffs": allowed})
    session.flush()
