"""Tables of notices to people: a station's day with slots nobody confirmed, and who was told of it."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaigns.models import Station
from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import User


class NoticeKind(enum.StrEnum):
    MISSED_CONFIRMATION = "missed_confirmation"  # to the officers answerable for the station
    CONFIRMATION_REMINDER = "confirmation_reminder"  # to the station's own radio operators


class EmailStatus(enum.StrEnum):
    NONE = "none"  # no address, or no SMTP server configured: the notice lives in Loa only
    PENDING = "pending"  # to send, or to try again at email_next_attempt_at
    SENDING = "sending"  # claimed by a worker until email_lease_until
    SENT = "sent"
    FAILED = "failed"  # given up: shown on the notice so nobody believes it was mailed


class ConfirmationAlert(Base):
    """A station's local day on which a slot ended (plus the grace) with items nobody confirmed.

    One row per station and day, by the unique key: two workers checking at once cannot both raise it,
    and a station that misses every slot of a day raises one alert, not one per slot.
    """

    __tablename__ = "confirmation_alerts"
    __table_args__ = (UniqueConstraint("station_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    day: Mapped[date]
    # The slots' local start times ("06:00"; "" for a station without slots) found unconfirmed when raised.
    slots: Mapped[list[str]] = mapped_column(JSON, default=list)
    items: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    station: Mapped[Station] = relationship()


class Notification(Base):
    """One person's copy of an alert: read or not in Loa, and whether its e-mail went out."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("alert_id", "user_id"),
                      Index("ix_notifications_user_read", "user_id", "read_at"),
                      Index("ix_notifications_email_due", "email_status", "email_next_attempt_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    alert_id: Mapped[int] = mapped_column(ForeignKey("confirmation_alerts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NoticeKind] = mapped_column(text_enum(NoticeKind))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The address as it was when the notice was raised: a later change does not redirect a retry.
    email_to: Mapped[str | None] = mapped_column(String(254))
    email_status: Mapped[EmailStatus] = mapped_column(text_enum(EmailStatus), default=EmailStatus.NONE)
    email_attempts: Mapped[int] = mapped_column(default=0)
    email_next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    email_lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    email_last_error: Mapped[str | None] = mapped_column(Text)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
    alert: Mapped[ConfirmationAlert] = relationship()
