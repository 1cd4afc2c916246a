"""Tables of what citizens send in: tip-offs (phản ánh, tố giác, góp ý), what the sender adds later, the
officers' internal notes, and the photos.

Sensitive by design: every free text a person typed (what happened, the contact, an addition, a note) is
stored sealed with Fernet under LOA_TIPOFF_KEY (`*_ciphertext`), photos are sealed files under the instance
folder, and nothing identifies the sender: no address, no browser, no account. The receipt code the sender
keeps is stored only as its SHA-256, so a copy of this table opens no status page.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import Area, User


class TipoffKind(enum.StrEnum):
    REPORT = "report"  # phản ánh: something wrong the authorities should know about
    DENUNCIATION = "denunciation"  # tố giác: a crime or a suspected one
    SUGGESTION = "suggestion"  # góp ý: an opinion or a proposal


class TipoffStatus(enum.StrEnum):
    NEW = "new"
    CHECKING = "checking"  # đang xác minh
    VALUABLE = "valuable"  # có giá trị: counted in the statistics
    NOT_VALUABLE = "not_valuable"
    FORWARDED = "forwarded"  # passed to another body (police of another area, another agency)
    CLOSED = "closed"


class Tipoff(Base):
    """One submission from the public form; routed by its area (a commune or one of its villages)."""

    __tablename__ = "tipoffs"
    __table_args__ = (Index("ix_tipoffs_area_status", "area_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 (hex) of the receipt code: looked up by an index on the hash, never compared as text.
    receipt_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[TipoffKind] = mapped_column(text_enum(TipoffKind))
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    # When it happened, as the sender told it in local time (Asia/Ho_Chi_Minh); both optional.
    occurred_on: Mapped[date | None]
    occurred_time: Mapped[time | None]
    body_ciphertext: Mapped[str] = mapped_column(Text)
    # None: sent anonymously.
    contact_ciphertext: Mapped[str | None] = mapped_column(Text)
    # Truncated to the hour on purpose: an exact second could be matched against a web server's access log.
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    status: Mapped[TipoffStatus] = mapped_column(text_enum(TipoffStatus), default=TipoffStatus.NEW)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # The first time an officer did anything with it (status, assignee, note): "time to first handling".
    first_handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    area: Mapped[Area] = relationship()
    assignee: Mapped[User | None] = relationship()
    additions: Mapped[list[TipoffAddition]] = relationship(
        back_populates="tipoff", order_by="TipoffAddition.id", cascade="all, delete-orphan", passive_deletes=True)
    notes: Mapped[list[TipoffNote]] = relationship(
        back_populates="tipoff", order_by="TipoffNote.id", cascade="all, delete-orphan", passive_deletes=True)
    photos: Mapped[list[TipoffPhoto]] = relationship(
        back_populates="tipoff", order_by="TipoffPhoto.id", cascade="all, delete-orphan", passive_deletes=True)


class TipoffAddition(Base):
    """More information the sender added later from the status page, with only the receipt code."""

    __tablename__ = "tipoff_additions"

    id: Mapped[int] = mapped_column(primary_key=True)
    tipoff_id: Mapped[int] = mapped_column(ForeignKey("tipoffs.id", ondelete="CASCADE"), index=True)
    body_ciphertext: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    tipoff: Mapped[Tipoff] = relationship(back_populates="additions")


class TipoffNote(Base):
    """An officer's internal note on a tip-off; never shown to the sender. Sealed like the tip-off itself."""

    __tablename__ = "tipoff_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    tipoff_id: Mapped[int] = mapped_column(ForeignKey("tipoffs.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body_ciphertext: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    tipoff: Mapped[Tipoff] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()


class TipoffPhoto(Base):
    """A photo sent with a tip-off or an addition: metadata stripped, then sealed into a file of random name."""

    __tablename__ = "tipoff_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    tipoff_id: Mapped[int] = mapped_column(ForeignKey("tipoffs.id", ondelete="CASCADE"), index=True)
    # None: sent with the tip-off itself.
    addition_id: Mapped[int | None] = mapped_column(ForeignKey("tipoff_additions.id", ondelete="CASCADE"))
    # Random, not the content's hash: two senders of the same picture must not be linkable by its file name.
    file_name: Mapped[str] = mapped_column(String(64), unique=True)
    mime_type: Mapped[str] = mapped_column(String(40))
    byte_size: Mapped[int]
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    tipoff: Mapped[Tipoff] = relationship(back_populates="photos")
