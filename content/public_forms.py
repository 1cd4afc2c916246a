"""What the public reads of a message, derived once per revision and stored with it.

Portal pages, feeds, social posts, radio scripts and their audio all read these stored forms; none of
them masks a name or renders Markdown when it is read (only an editor's wording for one delivery, which
belongs to no revision, is masked where it goes out). A form depends on the revision's words and on
the message's consent, person and picture, so it is derived when a revision is saved and again when
one of those changes without a new revision (a picture gains a hidden name from another story).

The spoken text is stored as read with the install's reading dictionary at save time, stamped with
that dictionary (SpokenRules.stamp). An admin may edit the dictionary later: a reader holding other
rules reads the message afresh (`spoken_for`), so the edit is heard at once, and a saved message
stores the new reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from content.consent_masking import public_html, public_image_alt, public_person, public_text
from content.models import MediaItem, Message, Revision
from content.spoken.dictionary import load_rules, rules_of
from content.spoken.messages import spoken_text, spoken_words
from content.spoken.rules import SpokenRules


@dataclass(frozen=True)
class PublicForms:
    title: str
    summary: str
    html: str
    person: str | None  # a story's person as shown: the name, or initials without consent
    deed: str | None
    image_alt: str | None  # the picture's alt text and caption, in this message
    spoken: str
    spoken_stamp: str


def derive_public_forms(message: Message, revision: Revision, *, rules: SpokenRules) -> PublicForms:
    """The revision's words with the message's consent applied, and the words read aloud with these rules.

    Words come from the revision (title, summary, HTML); the person, consent, picture, deed and spoken
    override are the message's own.
    """
    summary = str((revision.fields or {}).get("summary", message.summary) or "")
    spoken = spoken_words(revision.title, revision.body_html, message.spoken_override, rules=rules)
    return PublicForms(
        title=public_text(message, revision.title),
        summary=public_text(message, summary),
        html=public_html(message, revision.body_html),
        person=public_person(message),
        deed=public_text(message, message.deed) if message.deed else message.deed,
        image_alt=public_image_alt(message.image, message) if message.image is not None else None,
        spoken=public_text(message, spoken),
        spoken_stamp=rules.stamp,
    )


def store_public_forms(revision: Revision, forms: PublicForms) -> None:
    revision.public_title, revision.public_summary, revision.public_html = forms.title, forms.summary, forms.html
    revision.public_person, revision.public_deed, revision.public_image_alt = forms.person, forms.deed, forms.image_alt
    revision.spoken_text, revision.spoken_stamp = forms.spoken, forms.spoken_stamp


def refresh_public_forms(session: Session, message: Message) -> None:
    """Derive and store the current revision's forms again: after a save, or a change of what masks them."""
    revision = session.scalar(select(Revision).where(Revision.message_id == message.id)
                              .order_by(Revision.number.desc()).limit(1))
    if revision is None:
        return
    store_public_forms(revision, derive_public_forms(message, revision, rules=load_rules(session)))
    # The view-only relationship does not follow new rows by itself.
    session.expire(message, ["current_revision"])


def refresh_picture_users(session: Session, image: MediaItem, *, besides: Message) -> None:
    """Every other message showing this picture: its caption hides a name it did not hide before."""
    for message in session.scalars(select(Message).where(Message.image_id == image.id, Message.id != besides.id)):
        refresh_public_forms(session, message)


def stored_spoken(message: Message, *, rules: SpokenRules) -> str | None:
    """The spoken text stored with the current revision, or None when it was read with other rules."""
    revision = message.current_revision
    if revision is None or revision.spoken_stamp != rules.stamp:
        return None
    return revision.spoken_text


def spoken_for(message: Message, *, rules: SpokenRules | None = None) -> str:
    """What is read on air: the stored text, or the message read afresh when the dictionary has changed since."""
    rules = rules if rules is not None else rules_of(message)
    stored = stored_spoken(message, rules=rules)
    return stored if stored is not None else spoken_text(message, rules=rules)
