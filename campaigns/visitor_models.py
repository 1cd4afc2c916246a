"""Tables of the cookieless portal count: the day's salt, the day's seen visitors, site-wide counts (feeds' too),
and the subscriber counts feed services announce.

None of them holds an address or a user agent. A visitor is a hash under its local day's salt; once
the day is over the salt row and the day's seen visitors are deleted, so nobody — Loa included — can
tie a hash back to an address or two days' visits to one person.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from campaigns.models import ReachSource
from content.db import Base, UTCDateTime, text_enum, utcnow


class VisitorSalt(Base):
    """The random salt of one local day, shared by every web process; deleted when the day is over."""

    __tablename__ = "visitor_salts"

    day: Mapped[date] = mapped_column(primary_key=True)
    salt: Mapped[str] = mapped_column(String(64))


class SeenVisitor(Base):
    """A visitor already counted today in a scope ("site", or "message:<id>"): the daily dedupe across
    batches and processes. Rows of past days are deleted with their salt."""

    __tablename__ = "seen_visitors"
    __table_args__ = (UniqueConstraint("day", "visitor", "scope", name="uq_seen_visitors_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column()
    visitor: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(40))


class PortalCount(Base):
    """Portal counts that belong to no message (the index pages, site-wide visitors), one row per bucket:
    `occurred_at` is the minute (views) or the local day's start (visitors), `value` the count."""

    __tablename__ = "portal_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    page: Mapped[str] = mapped_column(String(40))
    metric: Mapped[str] = mapped_column(String(80))
    source: Mapped[ReachSource] = mapped_column(text_enum(ReachSource))
    value: Mapped[float] = mapped_column(Float)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FeedSubscriberReport(Base):
    """A feed service's own count of its subscribers to one feed, as its fetcher announced it (platform-reported:
    Loa cannot check it). One row per service, feed and local day, that day's newest; the newest row is the figure."""

    __tablename__ = "feed_subscriber_reports"
    __table_args__ = (Index("ix_feed_subscriber_reports_latest", "service", "feed", "seen_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service: Mapped[str] = mapped_column(String(40))
    feed: Mapped[str] = mapped_column(String(40))  # the feed's path, as portal_counts.page names it
    subscribers: Mapped[int]
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
