"""Model communes: criteria per campaign, assessments with evidence and decision, fed into the milestones target."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from campaigns.milestones import milestones_of
from campaigns.model_assessments import AssessmentInput, add_criterion, assessments_of, record_assessment
from campaigns.models import TargetKind
from campaigns.target_progress import progress
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from tests.campaigns.target_world import ZONE, add_target, target_world
from tests.factories import make_user

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)


def with_criteria(session, w):  # type: ignore[no-untyped-def]
    return [add_criterion(session, w.editor, w.campaign, title, now=NOW) for title in (
        "Không có tụ điểm ma túy", "Trên 70% hộ gia đình có camera", "Không để xảy ra trọng án")]


def test_an_area_meeting_every_criterion_becomes_the_targets_milestone(session):
    w = target_world(session)
    criteria = with_criteria(session, w)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 13, unit="phường kiểu mẫu")
    assessment = record_assessment(session, w.editor, w.campaign, AssessmentInput(
        area_id=w.commune_a.id, assessed_on=date(2026, 11, 10), decision_number="88/QĐ-UBND",
        evidence="Biên bản kiểm tra", met=frozenset(c.id for c in criteria),
        evidence_of={criteria[1].id: "Danh sách 812 hộ lắp camera"}, target_id=target.id), now=NOW, today=TODAY)
    assert assessment.meets_standard
    assert [(r.criterion_id, r.met, r.evidence) for r in assessment.results][1] == (
        criteria[1].id, True, "Danh sách 812 hộ lắp camera")
    assert [(m.area_id, m.decision_number, m.reached_on) for m in milestones_of(session, target)] == [
        (w.commune_a.id, "88/QĐ-UBND", date(2026, 11, 10))]
    assert progress(session, target, today=TODAY, zone=ZONE).current == 1


def test_missing_one_criterion_is_recorded_but_not_a_recognition(session):
    w = target_world(session)
    criteria = with_criteria(session, w)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 13)
    assessment = record_assessment(session, w.editor, w.campaign, AssessmentInput(
        area_id=w.commune_b.id, assessed_on=TODAY, met=frozenset({criteria[0].id}), target_id=target.id),
        now=NOW, today=TODAY)
    assert not assessment.meets_standard and milestones_of(session, target) == []
    assert [a.area_id for a in assessments_of(session, w.campaign)] == [w.commune_b.id]


def test_a_failed_reassessment_withdraws_the_milestone_of_its_decision(session):
    w = target_world(session)
    criteria = with_criteria(session, w)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 13)
    every = frozenset(c.id for c in criteria)
    record_assessment(session, w.editor, w.campaign, AssessmentInput(
        area_id=w.commune_a.id, assessed_on=date(2026, 11, 1), decision_number="88/QĐ-UBND", met=every,
        target_id=target.id), now=NOW, today=TODAY)
    record_assessment(session, w.editor, w.campaign, AssessmentInput(
        area_id=w.commune_a.id, assessed_on=date(2026, 11, 18), met=every - {criteria[2].id}), now=NOW, today=TODAY)
    assert milestones_of(session, target) == []
    assert len(assessments_of(session, w.campaign)) == 1  # corrected, not duplicated
    actions = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions[-2:] == ["model_assessment.update", "target.milestone.withdraw"]


@pytest.mark.parametrize(("overrides", "field"), [
    ({"area_id": None}, "area_id"), ({"assessed_on": None}, "assessed_on"),
    ({"assessed_on": date(2026, 12, 1)}, "assessed_on"), ({"decision_number": "  "}, "decision_number"),
    ({"decision_number": "9" * 121}, "decision_number"), ({"evidence": "x" * 4001}, "evidence"),
    ({"target_id": 999_999}, "target_id"), ({"met": frozenset({999_999})}, "criteria"),
])
def test_each_bad_assessment_field_is_refused(session, overrides, field):
    w = target_world(session)
    criteria = with_criteria(session, w)
    values = {"area_id": w.commune_a.id, "assessed_on": TODAY, "decision_number": "88/QĐ-UBND",
              "met": frozenset(c.id for c in criteria)} | overrides
    with pytest.raises(InvalidInput) as refused:
        record_assessment(session, w.editor, w.campaign, AssessmentInput(**values), now=NOW, today=TODAY)
    assert field in refused.value.errors


def test_no_assessment_before_the_campaign_has_criteria(session):
    w = target_world(session)
    with pytest.raises(InvalidInput) as refused:
        record_assessment(session, w.editor, w.campaign, AssessmentInput(area_id=w.commune_a.id, assessed_on=TODAY),
                          now=NOW, today=TODAY)
    assert "criteria" in refused.value.errors


def test_an_area_outside_the_campaign_or_the_officer_is_refused(session):
    w = target_world(session)
    with_criteria(session, w)
    commune_editor = make_user(session, role=Role.EDITOR, area=w.commune_a)
    for user, area in ((w.editor, w.other_commune), (commune_editor, w.commune_b), (w.editor, w.province)):
        with pytest.raises((InvalidInput, PermissionDenied)):
            record_assessment(session, user, w.campaign, AssessmentInput(area_id=area.id, assessed_on=TODAY),
                              now=NOW, today=TODAY)


@pytest.mark.parametrize("title", ["", "   ", "t" * 301])
def test_a_blank_or_overlong_criterion_is_refused(session, title):
    w = target_world(session)
    with pytest.raises(InvalidInput):
        add_criterion(session, w.editor, w.campaign, title, now=NOW)
