"""Loudspeaker clusters (cụm loa) and the villages they cover; which villages a delivery was planned for.

A station drives several clusters, each wired to the loudspeakers of one or more villages (areas of kind
RESIDENTIAL under the station's commune). A delivery with rows in `delivery_villages` is to be played on
the clusters covering those villages only; a delivery with none is for the whole station, as before.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from campaigns.models import Station
from content.db import Base, UTCDateTime, utcnow
from content.models import Area

cluster_villages = Table(
    "cluster_villages",
    Base.metadata,
    Column("cluster_id", ForeignKey("loudspeaker_clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", ForeignKey("areas.id"), primary_key=True, index=True),
)

delivery_villages = Table(
    "delivery_villages",
    Base.metadata,
    Column("delivery_id", ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", ForeignKey("areas.id"), primary_key=True),
)


class LoudspeakerCluster(Base):
    """A group of loudspeakers a station switches on together, covering some of its commune's villages."""

    __tablename__ = "loudspeaker_clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Retired like a village, so a script planned before still names the cluster it was planned for.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    station: Mapped[Station] = relationship()
    villages: Mapped[list[Area]] = relationship(secondary=cluster_villages, order_by=Area.name)


def has_live_clusters(session: Session, station: Station) -> bool:
    return session.scalar(select(LoudspeakerCluster.id).where(LoudspeakerCluster.station_id == station.id,
                                                             LoudspeakerCluster.retired_at.is_(None)).limit(1)) is not None
