"""Tables of the people's self-management models (mô hình tự quản) and of model-commune assessments.

A self-management model is a register entry kept by the officers of its area (down to a village). A
campaign may carry a set of criteria (bộ tiêu chí) for "model commune/ward"; an assessment records, per
area, which criteria it met, with evidence and the decision that recognised it.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaigns.models import Campaign
from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import Area, Message, User


class ModelKind(enum.StrEnum):
    DRUG_FREE = "drug_free"  # khu dân cư không ma túy
    CAMERAS = "cameras"  # camera an ninh
    CLAN = "clan"  # dòng họ tự quản
    OTHER = "other"


class ModelStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    REPLICATED = "replicated"  # taken up elsewhere; still counts as running where it started


# The stories and messages that feature a model: either side may be deleted without touching the other.
self_model_messages = Table(
    "self_model_messages",
    Base.metadata,
    Column("model_id", ForeignKey("self_models.id", ondelete="CASCADE"), primary_key=True),
    Column("message_id", ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
)


class SelfModel(Base):
    """One self-management model of a commune or a village: a drug-free neighbourhood, cameras, a clan."""

    __tablename__ = "self_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ModelKind] = mapped_column(text_enum(ModelKind))
    started_on: Mapped[date]
    members: Mapped[int | None]
    households: Mapped[int | None]
    status: Mapped[ModelStatus] = mapped_column(text_enum(ModelStatus), default=ModelStatus.ACTIVE)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    area: Mapped[Area] = relationship()
    messages: Mapped[list[Message]] = relationship(secondary=self_model_messages, order_by=Message.id)


class ModelCriterion(Base):
    """One criterion of a campaign's set for "model commune/ward", in the order the plan lists them."""

    __tablename__ = "model_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))

    campaign: Mapped[Campaign] = relationship()


class ModelAssessment(Base):
    """An area's assessment against its campaign's criteria; assessing again corrects it (the audit keeps both)."""

    __tablename__ = "model_assessments"
    __table_args__ = (UniqueConstraint("campaign_id", "area_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"))
    assessed_on: Mapped[date]
    # Met every criterion on record when assessed: kept, so a criterion added later does not rewrite history.
    meets_standard: Mapped[bool]
    decision_number: Mapped[str] = mapped_column(String(120), default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    campaign: Mapped[Campaign] = relationship()
    area: Mapped[Area] = relationship()
    recorded_by: Mapped[User | None] = relationship()
    results: Mapped[list[ModelAssessmentResult]] = relationship(cascade="all, delete-orphan",
                                                                 order_by="ModelAssessmentResult.criterion_id")


class ModelAssessmentResult(Base):
    """Whether an assessed area met one criterion, and what shows it."""

    __tablename__ = "model_assessment_results"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("model_assessments.id", ondelete="CASCADE"),
                                               primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("model_criteria.id", ondelete="CASCADE"), primary_key=True)
    met: Mapped[bool]
    evidence: Mapped[str] = mapped_column(Text, default="")

    criterion: Mapped[ModelCriterion] = relationship()
