"""Intent as tables: campaigns and their targets, channels and stations, the delivery outbox, reach."""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaigns.programme_models import Programme
from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import Area, Message, MessageKind, Topic


class ChannelKind(enum.StrEnum):
    PORTAL = "portal"
    FEED = "feed"
    FACEBOOK = "facebook"
    ZALO = "zalo"
    TELEGRAM = "telegram"
    WEBHOOK = "webhook"


class DeliveryStatus(enum.StrEnum):
    PLANNED = "planned"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    HELD = "held"
    CANCELLED = "cancelled"
    # The send may have reached a platform that cannot tell a repeat (no idempotency key): a person checks
    # and says "it was posted" or "send again", rather than Loa posting twice.
    UNCERTAIN = "uncertain"


# Rows that will be, or have been, read on air; failed, held and cancelled ones will not. The daily
# script reads these, an operator may confirm these, and an emergency counts these as already heard.
ON_AIR_STATUSES = frozenset({DeliveryStatus.PLANNED, DeliveryStatus.CLAIMED, DeliveryStatus.SENT})


class AiringStatus(enum.StrEnum):
    AIRED = "aired"
    NOT_AIRED = "not_aired"


class ReachSource(enum.StrEnum):
    MEASURED = "measured"
    REPORTED = "reported"
    ESTIMATED = "estimated"


class TargetKind(enum.StrEnum):
    """What a target counts; its progress is computed from the tables (campaigns.target_progress)."""

    STATION_WEEKLY_AIRINGS = "station_weekly_airings"  # value: confirmed airings per station per ISO week
    COMMUNE_SHARE = "commune_share"  # value: percent of communes with at least `min_airings` airings
    PORTAL_VISITOR_DAYS = "portal_visitor_days"  # value: visitor-days on the portal
    MESSAGES_PUBLISHED = "messages_published"  # value: messages published (of `message_kind`, if set)
    MILESTONES = "milestones"  # value: areas an officer recorded as having reached the standard
    MODEL_SHARE = "model_share"  # value: percent of residential areas with an active self-management model
    OTHER = "other"  # kept from free text, not measurable by Loa


campaign_areas = Table(
    "campaign_areas",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", ForeignKey("areas.id"), primary_key=True),
)

campaign_topics = Table(
    "campaign_topics",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id"), primary_key=True),
)

# A message belongs to at most one campaign; the link lives here so content/ knows nothing of campaigns.
campaign_messages = Table(
    "campaign_messages",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("message_id", ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
)


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_number: Mapped[str] = mapped_column(String(120))
    issuing_body: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(320), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    owner_area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner_area: Mapped[Area] = relationship()
    areas: Mapped[list[Area]] = relationship(secondary=campaign_areas)
    topics: Mapped[list[Topic]] = relationship(secondary=campaign_topics)
    messages: Mapped[list[Message]] = relationship(secondary=campaign_messages)
    targets: Mapped[list[Target]] = relationship(back_populates="campaign", cascade="all, delete-orphan")
    peak_periods: Mapped[list[PeakPeriod]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan"
    )


class Target(Base):
    """A measurable aim of a plan, e.g. "at least 50% of residential areas run a self-management model"."""

    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    kind: Mapped[TargetKind] = mapped_column(text_enum(TargetKind), default=TargetKind.OTHER)
    description: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[float] = mapped_column(Float)
    # The kind's parameter: the N of "communes with at least N airings"; the kind of message counted.
    min_airings: Mapped[int | None]
    message_kind: Mapped[MessageKind | None] = mapped_column(text_enum(MessageKind))
    unit: Mapped[str] = mapped_column(String(40), default="")
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))

    campaign: Mapped[Campaign] = relationship(back_populates="targets")
    area: Mapped[Area | None] = relationship()


class PeakPeriod(Base):
    __tablename__ = "peak_periods"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)

    campaign: Mapped[Campaign] = relationship(back_populates="peak_periods")


class Channel(Base):
    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ChannelKind] = mapped_column(text_enum(ChannelKind))
    name: Mapped[str] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Where the credential lives (encrypted); the secret itself is never in settings.
    secret_ref: Mapped[str | None] = mapped_column(String(200))
    secret_ciphertext: Mapped[str | None] = mapped_column(Text)
    is_enabled: Mapped[bool] = mapped_column(default=True)
    needs_attention: Mapped[str | None] = mapped_column(Text)
    # Set by the dispatcher on evidence the destination is down or throttling (failures in a row, a 429
    # whose Retry-After covers it); no claim is made for the channel until then, and it resumes by itself.
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pause_reason: Mapped[str | None] = mapped_column(Text)
    # Who manages the channel (admins of this area) and whose messages it carries; None: nationwide,
    # managed only by nationwide admins.
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    area: Mapped[Area | None] = relationship()


class Station(Base):
    """A commune loudspeaker station (đài truyền thanh cơ sở)."""

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    coverage_population: Mapped[int | None]
    contact: Mapped[str] = mapped_column(String(300), default="")
    token_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    token_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when an admin withdraws the token without a new one: "revoked", not "never issued".
    token_revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_active: Mapped[bool] = mapped_column(default=True)

    area: Mapped[Area] = relationship()
    slots: Mapped[list[BroadcastSlot]] = relationship(
        back_populates="station", order_by="BroadcastSlot.starts_at", cascade="all, delete-orphan"
    )


class BroadcastSlot(Base):
    __tablename__ = "broadcast_slots"
    __table_args__ = (UniqueConstraint("station_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    # Local wall-clock time in the configured zone: "06:00 every day" does not move with UTC.
    starts_at: Mapped[time]
    minutes: Mapped[int]

    station: Mapped[Station] = relationship(back_populates="slots")


class Delivery(Base):
    """One message going to one channel or one station at one time: a row of the outbox."""

    __tablename__ = "deliveries"
    __table_args__ = (
        CheckConstraint(
            "(channel_id IS NULL) <> (station_id IS NULL)", name="one_destination"
        ),
        Index("ix_deliveries_due", "status", "due_at"),
        Index("ix_deliveries_urgent_due", "status", "urgent", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"), index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[DeliveryStatus] = mapped_column(text_enum(DeliveryStatus), default=DeliveryStatus.PLANNED)
    # An emergency message's delivery, copied from its priority when planned: claimed before any other.
    urgent: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The per-channel text as sent (short social text, spoken text); None means "render at send time".
    variant: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(200))
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Planned into a station's weekly programme: read inside its frame, not in the daily slots.
    programme_id: Mapped[int | None] = mapped_column(ForeignKey(Programme.id))

    message: Mapped[Message] = relationship()
    channel: Mapped[Channel | None] = relationship()
    station: Mapped[Station | None] = relationship()
    programme: Mapped[Programme | None] = relationship()


class Airing(Base):
    """What a station says happened to one delivery: aired (when, by whom) or not aired (why)."""

    __tablename__ = "airings"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One per delivery: confirming again corrects the record instead of adding a second one.
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    status: Mapped[AiringStatus] = mapped_column(text_enum(AiringStatus))
    aired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Who read it, as the station names them: a box on the token API has no user account.
    operator_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str | None] = mapped_column(Text)
    # The listeners estimate this airing added, so a correction replaces it rather than counting twice.
    reach_event_id: Mapped[int | None] = mapped_column(ForeignKey("reach_events.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    delivery: Mapped[Delivery] = relationship()


class ReachEvent(Base):
    """One observation of reach, labelled with where it came from and under which metric name."""

    __tablename__ = "reach_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    metric: Mapped[str] = mapped_column(String(80))
    source: Mapped[ReachSource] = mapped_column(text_enum(ReachSource))
    api_version: Mapped[str | None] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # The rollup job reads what was recorded since its watermark: indexed so that read stays small.
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ReachDaily(Base):
    """Reach events summed per local day; written only by campaigns.reach_rollups, read by dashboards."""

    __tablename__ = "reach_daily"
    __table_args__ = (
        UniqueConstraint(
            "day", "message_id", "channel_id", "station_id", "area_id", "metric", "source",
            name="uq_reach_daily_key",
        ),
        Index("ix_reach_daily_message_day", "message_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    metric: Mapped[str] = mapped_column(String(80))
    source: Mapped[ReachSource] = mapped_column(text_enum(ReachSource))
    value: Mapped[float] = mapped_column(Float)


class ReachRollupState(Base):
    """The rollup job's one row: how far it has read the raw events, and which days have none left."""

    __tablename__ = "reach_rollup_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Every event recorded at or before this instant is in reach_daily; None: nothing rolled up yet.
    watermark: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Local days before this one had their raw events purged, so they can no longer be recomputed.
    purged_before: Mapped[date | None]


class ShortLink(Base):
    """A tracked short link (/r/<code>) for one message on one channel: its clicks are its reach."""

    __tablename__ = "short_links"
    __table_args__ = (UniqueConstraint("message_id", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    message: Mapped[Message] = relationship()
    channel: Mapped[Channel] = relationship()


class DeliveryMetricPull(Base):
    """One scheduled read of a sent post's figures from its platform (+1 h, +24 h, +7 d after sending).

    A row exists once the pull was first tried; `done_at` says it is over (read, or given up after
    the last attempt), and until then `next_attempt_at` keeps the retry without losing the schedule.
    """

    __tablename__ = "delivery_metric_pulls"
    __table_args__ = (UniqueConstraint("delivery_id", "slot", name="uq_delivery_metric_pull"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"))
    slot: Mapped[str] = mapped_column(String(8))  # "1h", "24h", "7d"
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PublicChanges(Base):
    """A row database triggers add whenever something the public pages show may have changed.

    Written only by triggers (migration 0017), so no writer can forget it; read and pruned by
    campaigns.public_version.
    """

    __tablename__ = "public_changes"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused, even once every row was pruned

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    changed_epoch: Mapped[float] = mapped_column(Float)  # seconds since 1970 in UTC, as each database gives them
