"""What officers did with a tip-off, step by step: the history the desk shows beside it.

Reads are not here but in the audit log (content.audit), with every other officer action; this table
keeps the handling steps, whose values are plain codes (a status, a user id), never what anyone typed.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import User


class TipoffStep(enum.StrEnum):
    STATUS = "status"
    ASSIGNEE = "assignee"
    NOTE = "note"


class TipoffEvent(Base):
    __tablename__ = "tipoff_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    tipoff_id: Mapped[int] = mapped_column(ForeignKey("tipoffs.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    step: Mapped[TipoffStep] = mapped_column(text_enum(TipoffStep))
    old_value: Mapped[str | None] = mapped_column(String(40))
    new_value: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship()
