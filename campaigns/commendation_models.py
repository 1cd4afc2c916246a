"""The year's commendations (khen thưởng): who was commended, for what, at which level, by which decision.

They are what the movement's festival day (19 August) reviews, so each is filed under the year of its decision
and linked, where there is one, to the story (a message) and the nomination it came from.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaigns.nomination_models import Nomination
from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import Area, Message, User


class CommendationLevel(enum.StrEnum):
    """Who signs it, lowest first: the report orders and counts by this."""

    COMMUNE = "commune"
    PROVINCIAL_POLICE = "provincial_police"
    PROVINCE = "province"
    MINISTRY = "ministry"
    GOVERNMENT = "government"


class Commendation(Base):
    __tablename__ = "commendations"
    # The year's list of an area is what every page and the report reads.
    __table_args__ = (Index("ix_commendations_year_area", "year", "area_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The decision's year, kept beside the date so a year's list needs no date arithmetic in SQL.
    year: Mapped[int]
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"))
    recipient: Mapped[str] = mapped_column(String(300))
    is_collective: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text)
    level: Mapped[CommendationLevel] = mapped_column(text_enum(CommendationLevel))
    decision_number: Mapped[str] = mapped_column(String(120))
    decided_on: Mapped[date]
    # The story it came from; a deleted message leaves the commendation standing.
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"), index=True)
    # The nomination it came from, when the deed was first put forward by a citizen or an officer.
    nomination_id: Mapped[int | None] = mapped_column(ForeignKey("nominations.id", ondelete="SET NULL"), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    area: Mapped[Area] = relationship()
    message: Mapped[Message | None] = relationship()
    nomination: Mapped[Nomination | None] = relationship()
    recorded_by: Mapped[User | None] = relationship()
