"""Tables of targets' evidence: the milestones an officer records (an area reached the standard, by decision)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaigns.models import Target
from content.db import Base, UTCDateTime, utcnow
from content.models import Area, User


class TargetMilestone(Base):
    """"Ward X reached the model standard on that date, decision 123/QĐ-UBND": recorded, not measured."""

    __tablename__ = "target_milestones"
    # An area reaches a target's standard once; recording it again corrects the record.
    __table_args__ = (UniqueConstraint("target_id", "area_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"))
    reached_on: Mapped[date]
    decision_number: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    target: Mapped[Target] = relationship()
    area: Mapped[Area] = relationship()
    recorded_by: Mapped[User | None] = relationship()
