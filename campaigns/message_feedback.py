"""Readers' "was this useful?" under a published message: kept for its editors and counted as reach.

Each answer is one measured reach event (metric FEEDBACK) on the portal, so the message's reach page
and the campaign dashboards count it as engagement beside views and clicks; the note itself is only
shown to the officers who see the message on the desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.feedback_models import MessageFeedback
from campaigns.models import ReachEvent, ReachSource
from content.errors import InvalidInput
from content.models import Message
from content.text import clean_text
from content.wording import Text

FEEDBACK = "portal_feedback"
MAX_NOTE = 1000
NOTES_SHOWN = 20
NOTE_TOO_LONG = Text("Ý kiến dài quá 1000 ký tự; hãy rút gọn.")
NO_ANSWER = Text("Hãy chọn “Có ích” hoặc “Không có ích”.")


@dataclass(frozen=True)
class FeedbackSummary:
    useful: int
    not_useful: int
    notes: tuple[MessageFeedback, ...]  # the newest first, at most NOTES_SHOWN


def parse_answer(value: str | None) -> bool:
    """The form's "yes"/"no"; anything else is refused rather than guessed."""
    if value == "yes":
        return True
    if value == "no":
        return False
    raise InvalidInput({"useful": NO_ANSWER})


def record_feedback(session: Session, message: Message, *, is_useful: bool, note: str | None,
                    now: datetime) -> MessageFeedback:
    """Keep one reader's answer and count it as a measured engagement on the portal."""
    text = clean_text(note or "").strip()
    if len(text) > MAX_NOTE:
        raise InvalidInput({"note": NOTE_TOO_LONG})
    feedback = MessageFeedback(message_id=message.id, is_useful=is_useful, note=text or None, created_at=now)
    session.add(feedback)
    session.add(ReachEvent(message_id=message.id, metric=FEEDBACK, source=ReachSource.MEASURED, value=1.0,
                           occurred_at=now, recorded_at=now))
    session.flush()
    return feedback


def feedback_summary(session: Session, message: Message) -> FeedbackSummary:
    counts: dict[bool, int] = {useful: n for useful, n in session.execute(
        select(MessageFeedback.is_useful, func.count()).where(MessageFeedback.message_id == message.id)
        .group_by(MessageFeedback.is_useful))}
    notes = tuple(session.scalars(select(MessageFeedback)
                                  .where(MessageFeedback.message_id == message.id, MessageFeedback.note.is_not(None))
                                  .order_by(MessageFeedback.created_at.desc(), MessageFeedback.id.desc())
                                  .limit(NOTES_SHOWN)))
    return FeedbackSummary(counts.get(True, 0), counts.get(False, 0), notes)
