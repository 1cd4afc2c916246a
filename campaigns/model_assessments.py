"""Model communes and wards: a campaign's set of criteria (bộ tiêu chí) and each area's assessment against it.

An area meets the standard when it met every criterion on record, and the decision that recognised it is
numbered. The pace towards "13 model wards by 2030" is the campaign's milestones target: an assessment that
meets the standard records (or corrects) the area's milestone on the target the officer names, through
campaigns.milestones, so the count, the pace and the dashboard stay the ones targets already have. An area
assessed again as not meeting the standard loses the milestone that this assessment's decision had given it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from campaigns.milestones import MilestoneInput, record_milestone
from campaigns.models import Campaign, Target, TargetKind
from campaigns.selfmanaged_models import ModelAssessment, ModelAssessmentResult, ModelCriterion
from campaigns.target_models import TargetMilestone
from content.areas import is_within
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, AreaKind, User
from content.permissions import Action, authorize
from content.wording import Text

MAX_TITLE = 300
MAX_CRITERIA = 60
MAX_EVIDENCE = 4000


def criteria_of(session: Session, campaign: Campaign) -> list[ModelCriterion]:
    return list(session.scalars(select(ModelCriterion).where(ModelCriterion.campaign_id == campaign.id)
                                .order_by(ModelCriterion.position, ModelCriterion.id)))


def add_criterion(session: Session, user: User, campaign: Campaign, title: str, *, now: datetime,
                  remote_addr: str | None = None) -> ModelCriterion:
    """Append a criterion to the campaign's set; assessments already made keep what they met then."""
    authorize(user, Action.CAMPAIGN_WRITE, campaign.owner_area, object_type="campaign", object_id=campaign.id)
    title = " ".join(title.split())
    count = session.scalar(select(func.count(ModelCriterion.id)).where(ModelCriterion.campaign_id == campaign.id)) or 0
    if not title:
        raise InvalidInput({"title": Text("Hãy nhập nội dung tiêu chí.")})
    if len(title) > MAX_TITLE:
        raise InvalidInput({"title": Text("Tiêu chí dài quá %(n)s ký tự.", n=MAX_TITLE)})
    if count >= MAX_CRITERIA:
        raise InvalidInput({"title": Text("Bộ tiêu chí đã có %(n)s tiêu chí, không thêm được nữa.", n=MAX_CRITERIA)})
    position = (session.scalar(select(func.max(ModelCriterion.position))
                               .where(ModelCriterion.campaign_id == campaign.id)) or 0) + 1
    criterion = ModelCriterion(campaign_id=campaign.id, position=position, title=title)
    session.add(criterion)
    session.flush()
    record_audit(session, actor=user, action="model_criterion.create", object_type="campaign", object_id=campaign.id,
                 now=now, remote_addr=remote_addr, detail={"criterion_id": criterion.id, "title": title})
    return criterion


@dataclass(frozen=True)
class AssessmentInput:
    area_id: int | None
    assessed_on: date | None
    decision_number: str = ""
    evidence: str = ""
    met: frozenset[int] = frozenset()  # ids of the criteria met
    evidence_of: dict[int, str] = field(default_factory=dict)  # per criterion
    target_id: int | None = None  # the milestones target a recognition counts towards


def assessable_areas(session: Session, campaign: Campaign, user: User) -> list[Area]:
    """Communes of the campaign's areas that the officer works over: only a commune or ward is "model"."""
    roots = list(campaign.areas) or [campaign.owner_area]
    query = select(Area).where(Area.kind == AreaKind.COMMUNE, Area.retired_at.is_(None)).order_by(Area.path)
    return [a for a in session.scalars(query) if any(is_within(a, r) for r in roots) and is_within(a, user.area)]


def milestone_targets(campaign: Campaign) -> list[Target]:
    return [t for t in campaign.targets if t.kind is TargetKind.MILESTONES]


def _check(session: Session, user: User, campaign: Campaign, data: AssessmentInput,
           criteria: list[ModelCriterion], today: date) -> tuple[Area, date, Target | None]:
    errors: dict[str, str] = {}
    if not criteria:
        errors["criteria"] = Text("Chiến dịch chưa có bộ tiêu chí; hãy thêm tiêu chí trước khi đánh giá.")
    area = session.get(Area, data.area_id) if data.area_id is not None else None
    if area is None or area not in assessable_areas(session, campaign, user):
        errors["area_id"] = Text("Hãy chọn một xã, phường thuộc chiến dịch và trong phạm vi của bạn.")
    if data.assessed_on is None:
        errors.setdefault("assessed_on", Text("Hãy nhập ngày đánh giá."))
    elif data.assessed_on > today:
        errors["assessed_on"] = Text("Ngày đánh giá không được ở tương lai.")
    known = {c.id for c in criteria}
    if data.met - known:
        errors["criteria"] = Text("Tiêu chí không thuộc bộ tiêu chí của chiến dịch.")
    meets = bool(criteria) and known <= data.met
    if meets and not data.decision_number.strip():
        errors["decision_number"] = Text("Địa bàn đạt đủ tiêu chí: hãy nhập số quyết định công nhận.")
    if len(data.decision_number) > 120:
        errors["decision_number"] = Text("Số quyết định dài quá %(n)s ký tự.", n=120)
    if len(data.evidence) > MAX_EVIDENCE or any(len(e) > MAX_EVIDENCE for e in data.evidence_of.values()):
        errors["evidence"] = Text("Minh chứng dài quá %(n)s ký tự.", n=MAX_EVIDENCE)
    target = None
    if data.target_id is not None:
        target = next((t for t in milestone_targets(campaign) if t.id == data.target_id), None)
        if target is None:
            errors["target_id"] = Text("Chỉ tiêu này không ghi nhận địa bàn đạt chuẩn.")
    if errors or area is None or data.assessed_on is None:
        raise InvalidInput(errors)
    return area, data.assessed_on, target


def record_assessment(session: Session, user: User, campaign: Campaign, data: AssessmentInput, *, now: datetime,
                      today: date, remote_addr: str | None = None) -> ModelAssessment:
    """Record (or correct) an area's assessment; a recognition also becomes the area's milestone (docstring)."""
    authorize(user, Action.CAMPAIGN_WRITE, campaign.owner_area, object_type="campaign", object_id=campaign.id)
    criteria = criteria_of(session, campaign)
    area, assessed_on, target = _check(session, user, campaign, data, criteria, today)
    authorize(user, Action.CAMPAIGN_WRITE, area, object_type="area", object_id=area.id)
    assessment = session.scalar(select(ModelAssessment).where(ModelAssessment.campaign_id == campaign.id,
                                                              ModelAssessment.area_id == area.id))
    action = "model_assessment.update" if assessment else "model_assessment.record"
    previous_decision = assessment.decision_number if assessment else ""
    if assessment is None:
        assessment = ModelAssessment(campaign_id=campaign.id, area_id=area.id)
        session.add(assessment)
    met = {c.id for c in criteria} & data.met
    assessment.assessed_on, assessment.meets_standard = assessed_on, len(met) == len(criteria)
    assessment.decision_number, assessment.evidence = data.decision_number.strip(), data.evidence.strip()
    assessment.recorded_by_id, assessment.recorded_at = user.id, now
    assessment.results = [ModelAssessmentResult(criterion_id=c.id, met=c.id in met,
                                                evidence=data.evidence_of.get(c.id, "").strip()) for c in criteria]
    session.flush()
    record_audit(session, actor=user, action=action, object_type="campaign", object_id=campaign.id, now=now,
                 remote_addr=remote_addr, detail={"area_id": area.id, "assessed_on": assessed_on.isoformat(),
                                                  "met": sorted(met), "meets_standard": assessment.meets_standard,
                                                  "decision_number": assessment.decision_number})
    if assessment.meets_standard and target is not None:
        record_milestone(session, user, target, MilestoneInput(
            area_id=area.id, reached_on=assessed_on, decision_number=assessment.decision_number,
            note=Text("Đạt bộ tiêu chí của chiến dịch")), now=now, today=today, remote_addr=remote_addr)
    elif not assessment.meets_standard and previous_decision:
        _withdraw(session, user, campaign, area, previous_decision, now=now, remote_addr=remote_addr)
    return assessment


def _withdraw(session: Session, user: User, campaign: Campaign, area: Area, decision: str, *, now: datetime,
              remote_addr: str | None) -> None:
    """Drop the milestones this area got from the decision a new assessment no longer upholds."""
    target_ids = [t.id for t in milestone_targets(campaign)]
    gone = session.scalars(select(TargetMilestone.target_id).where(
        TargetMilestone.target_id.in_(target_ids), TargetMilestone.area_id == area.id,
        TargetMilestone.decision_number == decision)).all()
    if not gone:
        return
    session.execute(delete(TargetMilestone).where(TargetMilestone.target_id.in_(gone),
                                                  TargetMilestone.area_id == area.id))
    for target_id in gone:
        record_audit(session, actor=user, action="target.milestone.withdraw", object_type="target",
                     object_id=target_id, now=now, remote_addr=remote_addr,
                     detail={"area_id": area.id, "decision_number": decision})


def assessments_of(session: Session, campaign: Campaign) -> list[ModelAssessment]:
    return list(session.scalars(select(ModelAssessment).join(Area, ModelAssessment.area_id == Area.id)
                                .where(ModelAssessment.campaign_id == campaign.id).order_by(Area.path)))
