"""The ground floor's tables: areas, topics, people, messages, their revisions and the audit log."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, ColumnElement, ForeignKey, Index, String, Table, Text, UniqueConstraint, exists
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship
from sqlalchemy.sql.expression import false

import content.text  # noqa: F401  (registers the flush guard that cleans every string column)
from content.db import Base, UTCDateTime, text_enum, utcnow


class AreaKind(enum.StrEnum):
    PROVINCE = "province"
    COMMUNE = "commune"
    RESIDENTIAL = "residential"


class Role(enum.StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    APPROVER = "approver"
    RADIO_OPERATOR = "radio_operator"
    ANALYST = "analyst"


class MessageKind(enum.StrEnum):
    ARTICLE = "article"
    STORY = "story"
    NOTICE = "notice"


class MessageStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Priority(enum.StrEnum):
    NORMAL = "normal"
    PRIORITY = "priority"
    EMERGENCY = "emergency"


class Area(Base):
    """A province, a commune (xã, phường, đặc khu) or a residential area (thôn, tổ dân phố)."""

    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AreaKind] = mapped_column(text_enum(AreaKind))
    division_type: Mapped[str] = mapped_column(String(64), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"), index=True)
    # "/01/00070/": a subtree is every row whose path starts with its root's path.
    path: Mapped[str] = mapped_column(String(200), index=True)
    population: Mapped[int | None]
    # A village is retired, never deleted: old deliveries, airings and stories still point at it.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    parent: Mapped[Area | None] = relationship(remote_side=[id])


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(text_enum(Role))
    # The root of the subtree this user works in; None means the whole country.
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Stamped into every login; raising it (password, role, area or activity changed, "sign out
    # everywhere") ends every session signed in before.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Where notices are also mailed (missed confirmations); None: they are shown in Loa only.
    email: Mapped[str | None] = mapped_column(String(254))
    # Tip-offs are read only by officers an admin named, never by a role alone (campaigns.tipoff_desk).
    reads_tipoffs: Mapped[bool] = mapped_column(default=False, server_default=false())

    area: Mapped[Area | None] = relationship()


class UserSession(Base):
    """One login, so signing out kills that cookie server-side: a signed cookie alone cannot be revoked."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # SHA-256 of the random id the cookie carries: a copy of this table opens no session.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class MediaItem(Base):
    """An uploaded image, stored once under the instance folder by the SHA-256 of its bytes."""

    __tablename__ = "media_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    mime_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int]
    height: Mapped[int]
    byte_size: Mapped[int]
    original_name: Mapped[str] = mapped_column(String(255), default="")
    alt_text: Mapped[str] = mapped_column(String(500))
    # People in the picture who have not agreed to be named: a story without consent used it. Kept when
    # the story later changes picture, so the photo keeps protecting them wherever it is reused.
    hidden_names: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


message_areas = Table(
    "message_areas",
    Base.metadata,
    Column("message_id", ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", ForeignKey("areas.id"), primary_key=True),
)

message_topics = Table(
    "message_topics",
    Base.metadata,
    Column("message_id", ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id"), primary_key=True),
)


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MessageKind] = mapped_column(text_enum(MessageKind))
    status: Mapped[MessageStatus] = mapped_column(text_enum(MessageStatus), default=MessageStatus.DRAFT, index=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(320), unique=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    body_md: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # An editor's own wording for the loudspeaker; None means "derive it from the body".
    spoken_override: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[Priority] = mapped_column(text_enum(Priority), default=Priority.NORMAL)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    image_id: Mapped[int | None] = mapped_column(ForeignKey("media_items.id"))
    # Title, summary and body folded to plain lower-case ASCII at save: "cong an" finds "Công an".
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The title alone, folded the same way: search ranks a title match above a body match (content.search).
    search_title: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Optimistic lock: a save must name the version it started from.
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    # Good-deed story fields.
    person_name: Mapped[str | None] = mapped_column(String(200))
    person_area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    deed: Mapped[str | None] = mapped_column(Text)
    deed_on: Mapped[date | None]
    name_consent: Mapped[bool] = mapped_column(default=False)
    commendation: Mapped[str | None] = mapped_column(Text)

    area: Mapped[Area] = relationship(foreign_keys=[area_id])
    author: Mapped[User] = relationship()
    person_area: Mapped[Area | None] = relationship(foreign_keys=[person_area_id])
    image: Mapped[MediaItem | None] = relationship()
    target_areas: Mapped[list[Area]] = relationship(secondary=message_areas)
    topics: Mapped[list[Topic]] = relationship(secondary=message_topics)
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="message", order_by="Revision.number", cascade="all, delete-orphan"
    )
    # The newest revision alone, with the forms the public reads (content.public_forms); a list page
    # loads it for every message in one query (selectinload) instead of every revision of each. Every
    # saved message has one; only a message never saved (the editor's preview) has None.
    current_revision: Mapped[Revision] = relationship(
        primaryjoin=lambda: _is_current_revision(), viewonly=True, uselist=False
    )

    # Every UPDATE checks and bumps the version, so two saves racing each other cannot both win.
    __mapper_args__ = {"version_id_col": version}


class Revision(Base):
    """Every save of a message, kept whole so history and approval point at exact text."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("message_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    body_md: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    comment: Mapped[str | None] = mapped_column(Text)
    # What the public reads of this revision, derived once by content.public_forms when it is saved, and
    # again when the message's consent or its picture's hidden names change: an unconsented name masked.
    public_title: Mapped[str] = mapped_column(Text, default="", server_default="")
    public_summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    public_html: Mapped[str] = mapped_column(Text, default="", server_default="")
    public_person: Mapped[str | None] = mapped_column(Text)
    public_deed: Mapped[str | None] = mapped_column(Text)
    public_image_alt: Mapped[str | None] = mapped_column(Text)
    spoken_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The reading dictionary spoken_text was read with (SpokenRules.stamp): read with another, it is read afresh.
    spoken_stamp: Mapped[str] = mapped_column(String(64), default="", server_default="")

    message: Mapped[Message] = relationship(back_populates="revisions")
    author: Mapped[User] = relationship(foreign_keys=[author_id])


def _is_current_revision() -> ColumnElement[bool]:
    """A revision of the message with no newer one beside it (the (message_id, number) index answers it)."""
    newer = aliased(Revision)
    return (Revision.message_id == Message.id) & ~exists().where(
        newer.message_id == Revision.message_id, newer.number > Revision.number)


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(80))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    remote_addr: Mapped[str | None] = mapped_column(String(64))


class SpokenAbbreviation(Base):
    """An admin's entry in the loudspeaker's reading dictionary: a new token, or a default read differently."""

    __tablename__ = "spoken_abbreviations"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Case-sensitive on purpose: "CA" (Công an) and "ca" (a shift) are different tokens.
    abbreviation: Mapped[str] = mapped_column(String(40), unique=True)
    expansion: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    updated_by: Mapped[User | None] = relationship()


class SpokenSetting(Base):
    """One named setting of the spoken form, e.g. what a removed link is read as."""

    __tablename__ = "spoken_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    value: Mapped[str] = mapped_column(String(300))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
