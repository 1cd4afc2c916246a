"""The people's answers in the demo: readers' "useful?" under published messages, and tip-offs on the desk.

`pheduyet` (the province's approver) is granted the reading of tip-offs, so signing in as them shows the
queue; `bientap` is not, so the demo also shows that the role alone opens nothing. The tip-offs themselves
come from scheduler.demo.tipoffs; here the oldest are handled. Every person and event here is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from campaigns.message_feedback import record_feedback
from campaigns.tipoff_desk import add_note, assign_tipoff, change_status
from campaigns.tipoff_models import Tipoff, TipoffStatus
from content.models import Message, MessageStatus, User

NOTES = ["Bài viết dễ hiểu, tôi đã kể lại cho bố mẹ.", None, "Nên nói thêm số điện thoại công an xã.", None,
         "Loa đọc hơi nhanh, nhưng nội dung hay."]
# What officers did with the demo's tip-offs (scheduler.demo.tipoffs), oldest first: the final status, the hours
# from receipt to the first step, and a note; the newest ones are left new, waiting in the queue.
HANDLING = [
    (TipoffStatus.VALUABLE, 5, "Đã chuyển thông tin cho Công an xã; tổ tự quản thôn cùng theo dõi."),
    (TipoffStatus.FORWARDED, 20, None),
    (TipoffStatus.CHECKING, 30, "Đã hẹn gặp người báo tin để hỏi thêm."),
    (TipoffStatus.NOT_VALUABLE, 8, None),
]


def add_people_answers(session_factory: sessionmaker[Session], *, now: datetime) -> int:
    """Feedback on the published messages, and the grant of reading tip-offs to `pheduyet`; returns the answers."""
    with session_factory() as session:
        answers = _feedback(session, now)
        officer = session.scalar(select(User).where(User.username == "pheduyet"))
        if officer is not None:
            officer.reads_tipoffs = True
        session.commit()
    return answers


def handle_demo_tipoffs(session_factory: sessionmaker[Session], *, key: str | bytes, now: datetime) -> None:
    """`pheduyet` handles the oldest tip-offs as an officer would: statuses, assignment, a note."""
    with session_factory() as session:
        officer = session.scalar(select(User).where(User.username == "pheduyet"))
        if officer is None:
            return
        tipoffs = session.scalars(select(Tipoff).order_by(Tipoff.received_at, Tipoff.id).limit(len(HANDLING)))
        for tipoff, (status, hours, note) in zip(tipoffs, HANDLING, strict=False):
            at = min(tipoff.received_at + timedelta(hours=hours), now)
            change_status(session, tipoff, officer, TipoffStatus.CHECKING, now=at)
            assign_tipoff(session, tipoff, officer, officer, now=at)
            if status is not TipoffStatus.CHECKING:
                change_status(session, tipoff, officer, status, now=min(at + timedelta(days=1), now))
            if note:
                add_note(session, tipoff, officer, note, key=key, now=min(at + timedelta(days=1), now))
        session.commit()


def _feedback(session: Session, now: datetime) -> int:
    published = session.scalars(select(Message).where(Message.status == MessageStatus.PUBLISHED,
                                                      Message.published_at.is_not(None)).order_by(Message.id))
    count = 0
    for n, message in enumerate(published):
        if message.published_at is None:
            continue
        for k in range(n % 3 + 1):
            moment = message.published_at + timedelta(hours=5 + 7 * k)
            if moment <= now:
                record_feedback(session, message, is_useful=(n + k) % 4 != 3, note=NOTES[(n + k) % len(NOTES)],
                                now=moment)
                count += 1
    return count
