"""The outbox of WebSub publish pings: written with the change that makes a feed differ, sent later by the scheduler."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from content.db import Base, UTCDateTime


class WebSubPing(Base):
    """One feed (topic URL) the hub must be told about. done_at is set once the hub took it, or when we gave up
    (then last_error says why); until then due_at says when to try next."""

    __tablename__ = "websub_pings"
    __table_args__ = (Index("ix_websub_pings_pending", "done_at", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_url: Mapped[str] = mapped_column(String(600), index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
