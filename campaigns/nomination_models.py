"""Good-deed nominations (người tốt, việc tốt): who did what, where, and the consent to name them.

A nomination comes from the public portal or from an officer writing one down for someone. The desk may
turn it into a story draft (a message of kind STORY that keeps its facts); the story links back through
`message_id`. Consent to publish the person's name is recorded here — how it was given, when, by whom it
was recorded, and a scanned form if there is one — and only then does the story stop masking the name.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from content.db import Base, UTCDateTime, text_enum, utcnow
from content.models import Area, Message, User


class NominationSource(enum.StrEnum):
    PUBLIC = "public"  # the portal's form
    OFFICER = "officer"  # written down by an officer on someone's behalf


class NominationStatus(enum.StrEnum):
    NEW = "new"
    STORY = "story"  # turned into a story draft
    SET_ASIDE = "set_aside"  # read and not taken further


class ConsentMethod(enum.StrEnum):
    SIGNED_FORM = "signed_form"
    IN_PERSON = "in_person"
    PHONE = "phone"
    WRITTEN_MESSAGE = "written_message"  # SMS, Zalo, e-mail


class Nomination(Base):
    __tablename__ = "nominations"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_name: Mapped[str] = mapped_column(String(200))
    # Where the deed happened: a commune or a village; the nomination lands in that area's desk.
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id"), index=True)
    deed: Mapped[str] = mapped_column(Text)
    deed_on: Mapped[date | None] = mapped_column(Date)
    nominator_name: Mapped[str | None] = mapped_column(String(200))
    nominator_contact: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[NominationSource] = mapped_column(text_enum(NominationSource))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[NominationStatus] = mapped_column(text_enum(NominationStatus), default=NominationStatus.NEW,
                                                     index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # The story draft made from it; a story deleted later leaves the nomination standing.
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"), unique=True)

    consent_method: Mapped[ConsentMethod | None] = mapped_column(text_enum(ConsentMethod))
    consent_given_on: Mapped[date | None] = mapped_column(Date)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    consent_note: Mapped[str | None] = mapped_column(String(500))
    # A scanned consent form: a cleaned image or a PDF in the private consent folder, named by this hash.
    consent_scan_sha256: Mapped[str | None] = mapped_column(String(64))
    consent_scan_mime: Mapped[str | None] = mapped_column(String(40))
    consent_scan_name: Mapped[str | None] = mapped_column(String(255))

    area: Mapped[Area] = relationship()
    message: Mapped[Message | None] = relationship()
    entered_by: Mapped[User | None] = relationship(foreign_keys=[entered_by_id])
    consent_recorded_by: Mapped[User | None] = relationship(foreign_keys=[consent_recorded_by_id])

    @property
    def has_consent(self) -> bool:
        return self.consent_recorded_at is not None
