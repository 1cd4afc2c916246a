"""A message's own spoken wording for one station or one area: a local name, a local phone number."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaigns.models import Station
from content.db import Base, UTCDateTime, utcnow
from content.models import Area, Message, User


class LocalWording(Base):
    """What one station (or every station of one area) reads instead of the message's spoken text.

    A row belongs to the message, not to a delivery, so deliveries planned after it was written read it too.
    `revision_number` is the version of the message it was written against: once the message is edited
    again, the wording may say what the message no longer says, so it is not read until someone saves it
    again (campaigns.local_wordings).
    """

    __tablename__ = "local_wordings"
    __table_args__ = (
        CheckConstraint("(station_id IS NULL) <> (area_id IS NULL)", name="one_place"),
        UniqueConstraint("message_id", "station_id", name="uq_local_wordings_station"),
        UniqueConstraint("message_id", "area_id", name="uq_local_wordings_area"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id", ondelete="CASCADE"))
    # As the officer wrote it; read through the spoken form when a script is built, like the message's body.
    text: Mapped[str] = mapped_column(Text)
    revision_number: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    message: Mapped[Message] = relationship()
    station: Mapped[Station | None] = relationship()
    area: Mapped[Area | None] = relationship()
    updated_by: Mapped[User | None] = relationship()

    @property
    def place_name(self) -> str:
        place = self.station if self.station is not None else self.area
        return place.name if place is not None else ""
