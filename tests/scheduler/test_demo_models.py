"""The demo shows self-management models, a model-share target at 50% and a model commune by its decision."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from campaigns.model_stats import model_figures
from campaigns.models import Campaign, TargetKind
from campaigns.selfmanaged_models import ModelAssessment, SelfModel
from campaigns.target_progress import progress
from content.area_import import import_areas
from content.models import Area
from scheduler.demo import load_demo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)


def test_the_demo_has_models_a_model_share_target_and_assessments(session, session_factory):
    import_areas(session, province_code="37")
    session.commit()
    load_demo(session_factory, province_code="37", now=NOW, zone=ZONE)
    session.expire_all()
    assert len(session.scalars(select(SelfModel)).all()) == 5
    assert any(m.messages for m in session.scalars(select(SelfModel)))
    campaign = session.scalars(select(Campaign).order_by(Campaign.id)).first()
    assert campaign is not None
    [share] = [t for t in campaign.targets if t.kind is TargetKind.MODEL_SHARE]
    assert progress(session, share, today=date(2026, 12, 7), zone=ZONE).current == 50.0
    assessments = session.scalars(select(ModelAssessment).order_by(ModelAssessment.id)).all()
    assert [a.meets_standard for a in assessments] == [True, False]
    province = session.scalar(select(Area).where(Area.parent_id.is_(None)))
    figures = model_figures(session, province, date(2026, 1, 1), date(2026, 12, 31))
    assert (figures.running, figures.residential_with_model, figures.residential_areas) == (4, 3, 6)
    assert figures.recognised_areas == 1
