"""Milestones of a target, recorded by an officer with the decision that proves them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Target, TargetKind
from campaigns.target_models import TargetMilestone
from campaigns.target_progress import scope_of
from content.areas import is_within
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, User
from content.permissions import Action, authorize
from content.wording import Text


@dataclass(frozen=True)
class MilestoneInput:
    area_id: int
    reached_on: date
    decision_number: str
    note: str = ""


def _check(session: Session, target: Target, data: MilestoneInput, today: date) -> Area:
    errors: dict[str, str] = {}
    if target.kind is not TargetKind.MILESTONES:
        errors["target"] = Text("Chỉ tiêu này không ghi nhận theo từng địa bàn đạt chuẩn.")
    area = session.get(Area, data.area_id)
    if area is None or not any(is_within(area, root) for root in scope_of(target)):
        errors["area_id"] = Text("Địa bàn không thuộc phạm vi của chỉ tiêu.")
    if data.reached_on > today:
        errors["reached_on"] = Text("Ngày đạt chuẩn không được ở tương lai.")
    if not data.decision_number.strip():
        errors["decision_number"] = Text("Hãy nhập số quyết định công nhận.")
    if errors or area is None:  # a None area has its error above
        raise InvalidInput(errors)
    return area


def record_milestone(session: Session, user: User, target: Target, data: MilestoneInput, *, now: datetime,
                     today: date, remote_addr: str | None = None) -> TargetMilestone:
    """Record (or correct) that an area reached the target's standard; the officer must work over that area."""
    authorize(user, Action.CAMPAIGN_WRITE, target.campaign.owner_area, object_type="target", object_id=target.id)
    area = _check(session, target, data, today)
    authorize(user, Action.CAMPAIGN_WRITE, area, object_type="area", object_id=area.id)
    milestone = session.scalar(select(TargetMilestone).where(TargetMilestone.target_id == target.id,
                                                             TargetMilestone.area_id == area.id))
    action = "target.milestone.update" if milestone else "target.milestone.record"
    if milestone is None:
        milestone = TargetMilestone(target_id=target.id, area_id=area.id)
        session.add(milestone)
    milestone.reached_on, milestone.decision_number = data.reached_on, data.decision_number.strip()
    milestone.note, milestone.recorded_by_id, milestone.recorded_at = data.note.strip(), user.id, now
    session.flush()
    record_audit(session, actor=user, action=action, object_type="target", object_id=target.id, now=now,
                 detail={"area_id": area.id, "reached_on": data.reached_on.isoformat(),
                         "decision_number": milestone.decision_number}, remote_addr=remote_addr)
    return milestone


def milestones_of(session: Session, target: Target) -> list[TargetMilestone]:
    return list(session.scalars(select(TargetMilestone).where(TargetMilestone.target_id == target.id)
                                .order_by(TargetMilestone.reached_on, TargetMilestone.id)))
