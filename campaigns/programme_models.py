"""A station's weekly programmes ("chuyên mục"): a named column on chosen weekdays, framed by its own words.

Apart from campaigns.models so that module stays readable; it imports nothing of campaigns, so
campaigns.models can import it and every delivery's `programme_id` finds its table.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from content.db import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from campaigns.models import Station


class Programme(Base):
    """E.g. "Chung tay phòng chống tội phạm", every Thursday 19:00 for 20 minutes.

    `weekdays` holds ISO weekday digits, Monday 1 to Sunday 7, ascending: "4" is every Thursday, "246"
    Tuesday, Thursday and Saturday. A programme is retired (`is_active` off), never deleted, so the
    deliveries planned into it keep their frame.
    """

    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    weekdays: Mapped[str] = mapped_column(String(7))
    # Local wall-clock time in the configured zone, as for daily slots.
    starts_at: Mapped[time]
    minutes: Mapped[int]
    opening: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str] = mapped_column(Text, default="")
    # On a Vietnamese public holiday (Tết included) the programme does not air and is not planned into.
    skips_holidays: Mapped[bool] = mapped_column(default=True, server_default=true())
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    station: Mapped[Station] = relationship()

    @property
    def iso_weekdays(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.weekdays)
