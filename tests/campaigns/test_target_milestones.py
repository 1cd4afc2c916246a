"""Milestones: an officer of the area records it with the decision's number; audited; progress counts them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from campaigns.campaign_records import CampaignInput, TargetInput, update_campaign
from campaigns.milestones import MilestoneInput, milestones_of, record_milestone
from campaigns.models import TargetKind
from campaigns.target_models import TargetMilestone
from campaigns.target_progress import FigureKind, progress
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from tests.campaigns.target_world import ENDS, STARTS, ZONE, add_target, target_world
from tests.factories import make_user

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)


def reached(area, on: date = date(2026, 11, 10), decision: str = "125/QĐ-UBND") -> MilestoneInput:  # type: ignore[no-untyped-def]
    return MilestoneInput(area_id=area.id, reached_on=on, decision_number=decision, note="Đạt chuẩn an toàn về ANTT")


def test_a_recorded_milestone_counts_as_recorded_progress_and_is_audited(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 2, unit="xã, phường")
    milestone = record_milestone(session, w.editor, target, reached(w.commune_a), now=NOW, today=TODAY)
    assert (milestone.decision_number, milestone.recorded_by_id, milestone.recorded_at) == ("125/QĐ-UBND", w.editor.id, NOW)
    result = progress(session, target, today=TODAY, zone=ZONE)
    assert (result.kind, result.current, result.goal, result.share_done) == (FigureKind.RECORDED, 1, 2, 0.5)
    assert progress(session, target, today=date(2026, 11, 9), zone=ZONE).current == 0  # not reached yet then
    audit = session.scalars(select(AuditLog).where(AuditLog.action.startswith("target.milestone"))).all()
    assert [(a.action, a.object_id, a.actor_id, a.detail["area_id"], a.detail["decision_number"]) for a in audit] == [
        ("target.milestone.record", target.id, w.editor.id, w.commune_a.id, "125/QĐ-UBND")]


def test_recording_an_area_again_corrects_its_milestone(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 2)
    record_milestone(session, w.editor, target, reached(w.commune_a), now=NOW, today=TODAY)
    record_milestone(session, w.editor, target, reached(w.commune_a, date(2026, 11, 12), "130/QĐ-UBND"), now=NOW,
                     today=TODAY)
    assert [(m.reached_on, m.decision_number) for m in milestones_of(session, target)] == [
        (date(2026, 11, 12), "130/QĐ-UBND")]
    assert session.scalar(select(AuditLog.action).order_by(AuditLog.id.desc())) == "target.milestone.update"


def test_an_officer_of_another_commune_may_not_record_it(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 2)
    commune_editor = make_user(session, role=Role.EDITOR, area=w.commune_b)
    analyst = make_user(session, role=Role.ANALYST, area=w.province)
    for user in (commune_editor, analyst):
        with pytest.raises(PermissionDenied):
            record_milestone(session, user, target, reached(w.commune_a), now=NOW, today=TODAY)
    assert session.scalar(select(TargetMilestone)) is None


def test_a_commune_officer_may_not_record_even_their_own_commune_in_a_province_plan(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 2)
    commune_editor = make_user(session, role=Role.EDITOR, area=w.commune_b)
    with pytest.raises(PermissionDenied):  # the campaign is the province's: a commune officer does not edit it
        record_milestone(session, commune_editor, target, reached(w.commune_b), now=NOW, today=TODAY)


@pytest.mark.parametrize("field", ["area_id", "reached_on", "decision_number", "target"])
def test_a_milestone_outside_the_target_in_the_future_or_without_decision_is_refused(session, field):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES if field != "target" else TargetKind.OTHER, 2)
    data = {"area_id": reached(w.other_commune), "reached_on": reached(w.commune_a, on=date(2026, 12, 1)),
            "decision_number": reached(w.commune_a, decision="  "), "target": reached(w.commune_a)}[field]
    with pytest.raises(InvalidInput) as refused:
        record_milestone(session, w.editor, target, data, now=NOW, today=TODAY)
    assert list(refused.value.errors) == [field]


def test_editing_the_campaign_keeps_its_targets_and_their_milestones(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 2, area_id=w.province.id)
    record_milestone(session, w.editor, target, reached(w.commune_a), now=NOW, today=TODAY)
    data = CampaignInput(plan_number=w.campaign.plan_number, issuing_body=w.campaign.issuing_body,
                         title=w.campaign.title, starts_on=STARTS, ends_on=ENDS, owner_area_id=w.province.id,
                         area_ids=(w.province.id,),
                         targets=(TargetInput(kind=TargetKind.MILESTONES, description="13 xã, phường đạt chuẩn",
                                              value=13, id=target.id, area_id=w.province.id),
                                  TargetInput(kind=TargetKind.COMMUNE_SHARE, description="Xã phát đủ", value=80,
                                              min_airings=3, message_kind=None)))
    update_campaign(session, w.campaign, w.editor, data, now=NOW, zone=ZONE)
    kept, added = w.campaign.targets
    assert (kept.id, kept.value, kept.area_id, len(milestones_of(session, kept))) == (target.id, 13, w.province.id, 1)
    assert (added.kind, added.min_airings) == (TargetKind.COMMUNE_SHARE, 3)


@pytest.mark.parametrize(("target", "says"), [
    (TargetInput(kind=TargetKind.MESSAGES_PUBLISHED, description="Tin", value=-1), "không được là số âm"),
    (TargetInput(kind=TargetKind.COMMUNE_SHARE, description="Xã", value=80), "số lượt phát tối thiểu"),
    (TargetInput(kind=TargetKind.COMMUNE_SHARE, description="Xã", value=120, min_airings=2), "không quá 100"),
    (TargetInput(kind=TargetKind.MODEL_SHARE, description="Thôn có mô hình", value=150), "không quá 100"),
    (TargetInput(kind=TargetKind.MESSAGES_PUBLISHED, description="Tin", value=5, starts_on=STARTS - timedelta(days=1)),
     "phải nằm trong thời gian của chiến dịch"),
    (TargetInput(kind=TargetKind.MESSAGES_PUBLISHED, description="Tin", value=5, starts_on=ENDS, ends_on=STARTS),
     "phải nằm trong thời gian của chiến dịch"),
    (TargetInput(kind=TargetKind.MESSAGES_PUBLISHED, description="Tin", value=5, area_id=10**9),
     "địa bàn không tồn tại"),
])
def test_a_target_without_sense_is_refused(session, target, says):
    w = target_world(session)
    data = CampaignInput(plan_number="KH 1", issuing_body="UBND", title="Thử", starts_on=STARTS, ends_on=ENDS,
                         owner_area_id=w.province.id, targets=(target,))
    with pytest.raises(InvalidInput) as refused:
        update_campaign(session, w.campaign, w.editor, data, now=NOW, zone=ZONE)
    assert says in refused.value.errors["targets"]


def test_a_target_taken_off_the_campaign_takes_its_milestones_with_it(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 2)
    record_milestone(session, w.editor, target, reached(w.commune_a), now=NOW, today=TODAY)
    data = CampaignInput(plan_number=w.campaign.plan_number, issuing_body=w.campaign.issuing_body,
                         title=w.campaign.title, starts_on=STARTS, ends_on=ENDS, owner_area_id=w.province.id)
    update_campaign(session, w.campaign, w.editor, data, now=NOW, zone=ZONE)
    session.commit()
    assert w.campaign.targets == [] and session.scalar(select(TargetMilestone)) is None


def test_a_target_narrower_than_its_campaign_keeps_its_area_and_period_but_not_outside_it(session):
    w = target_world(session)
    later = STARTS + timedelta(days=10)
    narrow = TargetInput(kind=TargetKind.MESSAGES_PUBLISHED, description="Tin ở An Lạc", value=4,
                         area_id=w.commune_a.id, starts_on=later, ends_on=ENDS)
    base = dict(plan_number="KH 1", issuing_body="UBND", title="Thử", starts_on=STARTS, ends_on=ENDS,
                owner_area_id=w.province.id, area_ids=(w.commune_a.id, w.commune_b.id))
    update_campaign(session, w.campaign, w.editor, CampaignInput(**base, targets=(narrow,)), now=NOW, zone=ZONE)
    (target,) = w.campaign.targets
    assert (target.area_id, target.starts_on, target.ends_on) == (w.commune_a.id, later, ENDS)
    assert progress(session, target, today=TODAY, zone=ZONE).starts_on == later
    outside = TargetInput(kind=TargetKind.MESSAGES_PUBLISHED, description="Tin nơi khác", value=4,
                          area_id=w.other_commune.id)
    with pytest.raises(InvalidInput) as refused:
        update_campaign(session, w.campaign, w.editor, CampaignInput(**base, targets=(outside,)), now=NOW, zone=ZONE)
    assert "phải thuộc địa bàn triển khai" in refused.value.errors["targets"]
