"""Readers' answers to "was this useful?" under a published message.

A row holds the answer, the optional note and when it came: no address, no cookie, no user agent, so
nothing in it can tell two answers from the same reader apart. Rate limits in the web layer keep a
script from flooding it; the limiter's store forgets the address when its window ends.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from content.db import Base, UTCDateTime, utcnow


class MessageFeedback(Base):
    __tablename__ = "message_feedback"
    __table_args__ = (Index("ix_message_feedback_message_created", "message_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    is_useful: Mapped[bool] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
