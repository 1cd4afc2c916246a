"""Good-deed nominations: received from the public or an officer, listed by area, turned into story drafts.

A nomination names a person and a deed; nobody has asked that person anything yet, so a story made from
it starts without consent and the portal, feeds and radio show the person by initials only
(content.consent_masking) until an officer records the consent (campaigns.nomination_consent).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.nomination_models import Nomination, NominationSource, NominationStatus
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import Conflict, InvalidInput
from content.messages import MessageInput, StoryFields, create_message
from content.models import Area, AreaKind, Message, MessageKind, User
from content.permissions import Action, authorize
from content.wording import Text

MAX_PERSON_CHARS = 200
MAX_DEED_CHARS = 4000
MAX_NOMINATOR_CHARS = 200
MAX_CONTACT_CHARS = 200
LIST_LIMIT = 200


@dataclass(frozen=True)
class NominationInput:
    person_name: str
    area_id: int | None
    deed: str
    deed_on: date | None = None
    nominator_name: str = ""
    nominator_contact: str = ""


def _too_long(text: str, limit: int) -> str:
    return Text("Nội dung dài %(count)s ký tự, quá giới hạn %(limit)s ký tự của ô này.").fill(count=len(text), limit=limit)


def nomination_errors(session: Session, data: NominationInput, *, today: date) -> dict[str, str]:
    """Every rule the nomination breaks, keyed by form field; empty when it may be saved."""
    errors: dict[str, str] = {}
    person, deed = data.person_name.strip(), data.deed.strip()
    if not person:
        errors["person_name"] = Text("Hãy ghi tên người được đề cử.")
    elif len(person) > MAX_PERSON_CHARS:
        errors["person_name"] = _too_long(person, MAX_PERSON_CHARS)
    if not deed:
        errors["deed"] = Text("Hãy kể việc tốt người ấy đã làm.")
    elif len(deed) > MAX_DEED_CHARS:
        errors["deed"] = _too_long(deed, MAX_DEED_CHARS)
    area = session.get(Area, data.area_id) if data.area_id is not None else None
    if area is None or area.retired_at is not None or area.kind is AreaKind.PROVINCE:
        errors["area_id"] = Text("Hãy chọn xã, phường hoặc thôn, tổ dân phố nơi có việc tốt.")
    if data.deed_on is not None and data.deed_on > today:
        errors["deed_on"] = Text("Ngày làm việc tốt không thể ở sau hôm nay.")
    if len(data.nominator_name.strip()) > MAX_NOMINATOR_CHARS:
        errors["nominator_name"] = _too_long(data.nominator_name.strip(), MAX_NOMINATOR_CHARS)
    if len(data.nominator_contact.strip()) > MAX_CONTACT_CHARS:
        errors["nominator_contact"] = _too_long(data.nominator_contact.strip(), MAX_CONTACT_CHARS)
    return errors


def submit_nomination(session: Session, data: NominationInput, *, now: datetime, today: date,
                      officer: User | None = None, remote_addr: str | None = None) -> Nomination:
    """Record a nomination: from the public when `officer` is None, else written down by that officer.

    Nothing about the sender's connection is kept: a public nomination's only trace of its sender is the
    name and contact they chose to give.
    """
    errors = nomination_errors(session, data, today=today)
    if errors:
        raise InvalidInput(errors)
    area = session.get(Area, data.area_id)
    if officer is not None:
        authorize(officer, Action.MESSAGE_WRITE, area, object_type="area", object_id=data.area_id)
    nomination = Nomination(
        person_name=data.person_name.strip(), area_id=data.area_id, deed=data.deed.strip(), deed_on=data.deed_on,
        nominator_name=data.nominator_name.strip() or None, nominator_contact=data.nominator_contact.strip() or None,
        source=NominationSource.OFFICER if officer is not None else NominationSource.PUBLIC,
        entered_by_id=officer.id if officer is not None else None, status=NominationStatus.NEW, created_at=now)
    session.add(nomination)
    session.flush()
    if officer is not None:
        record_audit(session, actor=officer, action="nomination.create", object_type="nomination",
                     object_id=nomination.id, now=now, remote_addr=remote_addr)
    return nomination


def nominations_for(session: Session, user: User, *, status: NominationStatus | None = None) -> list[Nomination]:
    """The nominations of the user's area and every area under it, newest first."""
    authorize(user, Action.MESSAGE_WRITE, user.area, object_type="nomination")
    query = select(Nomination).order_by(Nomination.created_at.desc(), Nomination.id.desc()).limit(LIST_LIMIT)
    if user.area is not None:
        query = query.where(Nomination.area_id.in_(select_subtree(user.area).with_only_columns(Area.id)))
    if status is not None:
        query = query.where(Nomination.status == status)
    return list(session.scalars(query))


def authorize_nomination(user: User, nomination: Nomination) -> None:
    authorize(user, Action.MESSAGE_WRITE, nomination.area, object_type="nomination", object_id=nomination.id)


def story_area(nomination: Nomination) -> Area:
    """A story belongs to a commune's desk: a village's nomination makes its commune's story."""
    area = nomination.area
    return area.parent if area.kind is AreaKind.RESIDENTIAL and area.parent is not None else area


def draft_story(session: Session, nomination: Nomination, *, editor: User, now: datetime,
                remote_addr: str | None = None) -> Message:
    """A story draft keeping the nomination's facts, linked both ways; named only once consent is recorded."""
    authorize_nomination(editor, nomination)
    if nomination.message_id is not None:
        raise Conflict(Text("Đề cử này đã có bản nháp câu chuyện."))
    area = story_area(nomination)
    deed = nomination.deed
    when = f" ({nomination.deed_on:%d/%m/%Y})" if nomination.deed_on else ""
    # The story's own words, stored like any editor's text: Vietnamese, as the portal publishes it.
    body = f"{deed}\n\n*Câu chuyện từ đề cử người tốt, việc tốt số {nomination.id}{when}.*"
    data = MessageInput(
        kind=MessageKind.STORY, title=f"Người tốt, việc tốt: {nomination.person_name}"[:300],
        body_md=body, area_id=area.id, summary=deed[:300],
        story=StoryFields(person_name=nomination.person_name, deed=deed, person_area_id=nomination.area_id,
                          deed_on=nomination.deed_on, name_consent=nomination.has_consent))
    message = create_message(session, editor, data, now=now, remote_addr=remote_addr)
    nomination.message_id = message.id
    nomination.status = NominationStatus.STORY
    session.flush()
    record_audit(session, actor=editor, action="nomination.story", object_type="nomination",
                 object_id=nomination.id, now=now, remote_addr=remote_addr, detail={"message_id": message.id})
    return message


def set_aside(session: Session, nomination: Nomination, *, editor: User, now: datetime,
              remote_addr: str | None = None) -> None:
    authorize_nomination(editor, nomination)
    if nomination.status is NominationStatus.STORY:
        raise Conflict(Text("Đề cử này đã thành câu chuyện; hãy lưu trữ câu chuyện thay vì gác đề cử lại."))
    nomination.status = NominationStatus.SET_ASIDE
    record_audit(session, actor=editor, action="nomination.set_aside", object_type="nomination",
                 object_id=nomination.id, now=now, remote_addr=remote_addr)


def nomination_of_message(session: Session, message: Message) -> Nomination | None:
    return session.scalar(select(Nomination).where(Nomination.message_id == message.id))


def with_recorded_consent(session: Session, message: Message, data: MessageInput) -> tuple[MessageInput, bool]:
    """A story made from a nomination names its person by recorded consent only, never by the editor's tick.

    :returns: the input with the consent the record gives, and whether the editor's tick said otherwise.
    """
    nomination = nomination_of_message(session, message)
    if nomination is None or data.story is None or data.story.name_consent == nomination.has_consent:
        return data, False
    return replace(data, story=replace(data.story, name_consent=nomination.has_consent)), True
