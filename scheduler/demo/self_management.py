"""The demo's self-management models and its model-commune assessments, so the register, the model-share
target and the dashboard's section all have something to show.

Three of the six demo villages run a model and a fourth has paused its own: the campaign's "at least 50% of
villages" target then reads 50%. The province campaign carries a set of criteria; its first commune meets
them by the decision its milestone was recorded with (scheduler.demo.reach_season), the third misses two.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.model_assessments import AssessmentInput, add_criterion, record_assessment
from campaigns.model_register import ModelInput, add_model, set_featured
from campaigns.models import Campaign
from content.models import Area, Message, MessageKind, User

# (village index or None for the commune, name, kind, months running, members, households, status)
MODELS = (
    (0, "Thôn Đồng Sen không ma túy", "drug_free", 20, "38", "412", "active"),
    (1, "Camera an ninh Thôn Bãi Ngọc", "cameras", 9, "15", "186", "active"),
    (4, "Tổ tự quản dòng họ Nguyễn Tổ dân phố Hòa Bình 3", "clan", 30, "64", "", "replicated"),
    (2, "Tổ liên gia an toàn Thôn Khe Lim", "other", 14, "", "52", "paused"),
    (None, "Dòng họ Lê tự quản về an ninh, trật tự", "clan", 6, "120", "", "active"),
)
CRITERIA = (
    "Không có tụ điểm phức tạp về ma túy, cờ bạc, mại dâm",
    "Không để xảy ra trọng án, tội phạm được kéo giảm so với năm trước",
    "Trên 50% thôn, tổ dân phố duy trì mô hình tự quản về an ninh, trật tự",
    "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở 100% thôn, tổ dân phố",
)


def _months_ago(today: date, months: int) -> date:
    return today - timedelta(days=30 * months)


def add_demo_models(session: Session, campaign: Campaign, communes: list[Area], villages: list[Area], *,
                    officer: User, now: datetime, zone: ZoneInfo) -> None:
    today = now.astimezone(zone).date()
    models = [add_model(session, officer, ModelInput(
        area_id=(villages[index] if index is not None else communes[1]).id, name=name, kind=kind,
        started_on=_months_ago(today, months), members=members, households=households, status=status),
        now=now - timedelta(days=2), today=today) for index, name, kind, months, members, households, status in MODELS]
    story = session.scalar(select(Message).where(Message.kind == MessageKind.STORY).order_by(Message.id))
    if story is not None:
        set_featured(session, officer, models[0], story.id, featured=True, now=now - timedelta(days=1))
    criteria = [add_criterion(session, officer, campaign, title, now=now - timedelta(days=50)) for title in CRITERIA]
    every = frozenset(c.id for c in criteria)
    record_assessment(session, officer, campaign, AssessmentInput(
        area_id=communes[0].id, assessed_on=today - timedelta(days=42), decision_number="Quyết định số 2154/QĐ-UBND",
        evidence="Biên bản kiểm tra của Ban Chỉ đạo phong trào cấp tỉnh", met=every),
        now=now - timedelta(days=41), today=today)
    record_assessment(session, officer, campaign, AssessmentInput(
        area_id=communes[2].id, assessed_on=today - timedelta(days=10), met=every - {criteria[0].id, criteria[2].id},
        evidence="Còn một điểm tụ tập sử dụng trái phép chất ma túy ở bến sông; mô hình của thôn duy nhất đang tạm dừng."),
        now=now - timedelta(days=9), today=today)
