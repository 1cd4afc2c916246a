"""Recording the year's commendations and reading them back by year and area.

An officer records a commendation over an area of their own (campaign.write there), optionally naming the good-deed
story it came from; every record and correction goes to the audit log with the decision it cites.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from campaigns.commendation_models import Commendation, CommendationLevel
from campaigns.nomination_models import Nomination
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, Message, MessageKind, User
from content.permissions import Action, authorize, is_allowed
from content.wording import Text

LEVEL_LABELS: dict[CommendationLevel, Text] = {
    CommendationLevel.COMMUNE: Text("Giấy khen của Chủ tịch UBND cấp xã"),
    CommendationLevel.PROVINCIAL_POLICE: Text("Giấy khen của Giám đốc Công an tỉnh"),
    CommendationLevel.PROVINCE: Text("Bằng khen của Chủ tịch UBND tỉnh"),
    CommendationLevel.MINISTRY: Text("Bằng khen của Bộ trưởng Bộ Công an"),
    CommendationLevel.GOVERNMENT: Text("Bằng khen của Thủ tướng Chính phủ"),
}

RECIPIENT_MAX, DECISION_MAX, REASON_MAX = 300, 120, 4000


@dataclass(frozen=True)
class CommendationInput:
    area_id: int
    recipient: str
    reason: str
    level: str
    decision_number: str
    decided_on: date
    is_collective: bool = False
    message_id: int | None = None
    nomination_id: int | None = None


@dataclass(frozen=True)
class Checked:
    area: Area
    level: CommendationLevel
    message: Message | None
    nomination: Nomination | None


def _check(session: Session, user: User, data: CommendationInput, today: date) -> Checked:
    errors: dict[str, str] = {}
    area = session.get(Area, data.area_id)
    if area is None or not is_allowed(user, Action.CAMPAIGN_WRITE, area):
        errors["area_id"] = Text("Hãy chọn một địa bàn thuộc phạm vi của bạn.")
    if not data.recipient.strip():
        errors["recipient"] = Text("Hãy nhập người hoặc tập thể được khen thưởng.")
    elif len(data.recipient.strip()) > RECIPIENT_MAX:
        errors["recipient"] = Text("Tên dài quá %(n)s ký tự.", n=RECIPIENT_MAX)
    if not data.reason.strip():
        errors["reason"] = Text("Hãy ghi khen thưởng về thành tích gì.")
    elif len(data.reason.strip()) > REASON_MAX:
        errors["reason"] = Text("Nội dung thành tích dài quá %(n)s ký tự.", n=REASON_MAX)
    level = next((member for member in CommendationLevel if member.value == data.level), None)
    if level is None:
        errors["level"] = Text("Hãy chọn hình thức khen thưởng.")
    if not data.decision_number.strip():
        errors["decision_number"] = Text("Hãy nhập số quyết định khen thưởng.")
    elif len(data.decision_number.strip()) > DECISION_MAX:
        errors["decision_number"] = Text("Số quyết định khen thưởng dài quá %(n)s ký tự.", n=DECISION_MAX)
    if data.decided_on > today:
        errors["decided_on"] = Text("Ngày quyết định không được ở tương lai.")
    message = session.get(Message, data.message_id) if data.message_id is not None else None
    if data.message_id is not None and (message is None or not is_allowed(user, Action.MESSAGE_VIEW, message.area)):
        # The same words whether it does not exist or is out of reach: an id says nothing about other areas.
        errors["message_id"] = Text("Không tìm thấy tin số %(id)s trong phạm vi của bạn.", id=data.message_id)
    elif message is not None and message.kind is not MessageKind.STORY:
        errors["message_id"] = Text("Tin số %(id)s không phải là gương người tốt, việc tốt.", id=message.id)
    nomination = session.get(Nomination, data.nomination_id) if data.nomination_id is not None else None
    if data.nomination_id is not None and (nomination is None
                                           or not is_allowed(user, Action.MESSAGE_VIEW, nomination.area)):
        errors["nomination_id"] = Text("Không tìm thấy đề cử số %(id)s trong phạm vi của bạn.", id=data.nomination_id)
    if errors or area is None or level is None:
        raise InvalidInput(errors)
    if message is None and nomination is not None and nomination.message is not None:
        message = nomination.message  # the nomination's own story, when the officer named only the nomination
    return Checked(area, level, message, nomination)


def _fill(commendation: Commendation, data: CommendationInput, checked: Checked, now: datetime) -> None:
    commendation.area_id, commendation.level = checked.area.id, checked.level
    commendation.recipient, commendation.reason = data.recipient.strip(), data.reason.strip()
    commendation.is_collective = data.is_collective
    commendation.decision_number, commendation.decided_on = data.decision_number.strip(), data.decided_on
    commendation.year = data.decided_on.year
    commendation.message_id = checked.message.id if checked.message else None
    commendation.nomination_id = checked.nomination.id if checked.nomination else None
    commendation.updated_at = now


def _audit(session: Session, user: User, action: str, commendation: Commendation, now: datetime,
           remote_addr: str | None) -> None:
    record_audit(session, actor=user, action=action, object_type="commendation", object_id=commendation.id, now=now,
                 detail={"area_id": commendation.area_id, "level": commendation.level.value,
                         "decision_number": commendation.decision_number,
                         "decided_on": commendation.decided_on.isoformat(), "message_id": commendation.message_id,
                         "nomination_id": commendation.nomination_id},
                 remote_addr=remote_addr)


def record_commendation(session: Session, user: User, data: CommendationInput, *, now: datetime, today: date,
                        remote_addr: str | None = None) -> Commendation:
    """Record a commendation over an area the officer may write for."""
    authorize(user, Action.CAMPAIGN_WRITE, user.area, object_type="commendation")
    checked = _check(session, user, data, today)
    commendation = Commendation(recorded_by_id=user.id, recorded_at=now)
    _fill(commendation, data, checked, now)
    session.add(commendation)
    session.flush()
    _audit(session, user, "commendation.record", commendation, now, remote_addr)
    return commendation


def update_commendation(session: Session, user: User, commendation: Commendation, data: CommendationInput, *,
                        now: datetime, today: date, remote_addr: str | None = None) -> Commendation:
    """Correct a commendation; both its old and its new area must be the officer's."""
    authorize(user, Action.CAMPAIGN_WRITE, commendation.area, object_type="commendation", object_id=commendation.id)
    checked = _check(session, user, data, today)
    _fill(commendation, data, checked, now)
    session.flush()
    _audit(session, user, "commendation.update", commendation, now, remote_addr)
    return commendation


def _within(query: Select[Any], area: Area | None) -> Select[Any]:
    if area is None:
        return query
    return query.join(Area, Area.id == Commendation.area_id).where(Area.path.startswith(area.path, autoescape=True))


def commendations_of(session: Session, *, year: int, within: Area | None) -> list[Commendation]:
    """The year's commendations in an area's subtree (None: everywhere), highest level first, then by date."""
    order = {level: rank for rank, level in enumerate(reversed(CommendationLevel))}
    rows = session.scalars(_within(select(Commendation), within).where(Commendation.year == year)
                           .options(selectinload(Commendation.area), selectinload(Commendation.message),
                                    selectinload(Commendation.nomination))
                           .order_by(Commendation.decided_on, Commendation.id))
    return sorted(rows, key=lambda c: order[c.level])


def years_with_commendations(session: Session, within: Area | None) -> list[int]:
    """The years that have at least one commendation in the subtree, newest first."""
    query = _within(select(Commendation.year), within).group_by(Commendation.year).order_by(Commendation.year.desc())
    return list(session.scalars(query))


def count_by_level(commendations: list[Commendation]) -> dict[CommendationLevel, int]:
    """How many of each level, every level present (0 when none), lowest level first."""
    counts = Counter(c.level for c in commendations)
    return {level: counts[level] for level in CommendationLevel}


def is_commendation_visible(user: User, commendation: Commendation) -> bool:
    return is_allowed(user, Action.CAMPAIGN_VIEW, commendation.area)
