"""Mailing the notices: claimed one at a time, retried with growing waits, and marked failed for all to see.

A notice is in Loa before any mail is tried, so a mail server that is down loses nothing: the notice is
unread in the list, its mail waits (`pending`, with the last error), and after the last attempt it says
"not sent" on the notice itself. A claim is a compare-and-set on the row with a lease, so two workers never
send one notice; a worker that dies mid-send leaves a lease that runs out, and the mail goes once more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from campaigns.notice_models import EmailStatus, NoticeKind, Notification
from scheduler.alerts.mail import Mail, MailError, SmtpSettings, send_mail

MAX_ATTEMPTS = 6
LEASE = timedelta(minutes=5)
FIRST_WAIT = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)
BATCH = 50


@dataclass(frozen=True)
class MailReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def retry_wait(attempts: int) -> timedelta:
    """1, 2, 4 … minutes, at most an hour: six attempts span about half an hour."""
    return min(FIRST_WAIT * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def _due(now: datetime) -> ColumnElement[bool]:
    return or_(and_(Notification.email_status == EmailStatus.PENDING,
                    or_(Notification.email_next_attempt_at.is_(None), Notification.email_next_attempt_at <= now)),
               and_(Notification.email_status == EmailStatus.SENDING, Notification.email_lease_until < now))


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def compose(notice: Notification, *, notices_url: str) -> Mail:
    """The mail of one notice, in Vietnamese (the officers' language); the link opens the list in Loa."""
    alert, station = notice.alert, notice.alert.station
    slots = ", ".join(s for s in alert.slots if s) or "trong ngày"
    when = f"buổi phát {slots} ngày {_day(alert.day)}"
    if notice.kind is NoticeKind.CONFIRMATION_REMINDER:
        subject = f"[Loa] Nhắc xác nhận: {station.name}, {when}"
        lines = [f"{station.name} chưa xác nhận {alert.items} tin của {when}.",
                 "Hãy xác nhận từng tin đã phát, hoặc ghi lý do không phát, trên trang «Đài của tôi»."]
    else:
        subject = f"[Loa] {station.name} chưa xác nhận {when}"
        lines = [f"{station.name} chưa xác nhận {alert.items} tin của {when}, đã quá giờ kết thúc buổi phát.",
                 "Hãy liên hệ đài để biết các tin đã được phát hay chưa."]
        if station.contact:
            lines.append(f"Liên hệ của đài: {station.contact}")
    if notices_url:
        lines.append(f"Xem thông báo trong Loa: {notices_url}")
    lines.append("Thư này do Loa gửi tự động; mỗi đài chỉ có một thông báo mỗi ngày.")
    # One line whatever a station's name holds: a line break in a header would be refused, or worse, obeyed.
    return Mail(to=notice.email_to or "", subject=" ".join(subject.split()), body="\n\n".join(lines) + "\n")


def _send_one(session: Session, notice_id: int, *, now: datetime, smtp: SmtpSettings, notices_url: str,
              send: Callable[[SmtpSettings, Mail], None], max_attempts: int) -> EmailStatus | None:
    claimed = cast(CursorResult[Any], session.execute(
        update(Notification).where(Notification.id == notice_id, _due(now))
        .values(email_status=EmailStatus.SENDING, email_lease_until=now + LEASE,
                email_attempts=Notification.email_attempts + 1)
        .execution_options(synchronize_session=False))).rowcount
    session.commit()
    if not claimed:
        return None  # another worker has it
    notice = session.get_one(Notification, notice_id)
    try:
        send(smtp, compose(notice, notices_url=notices_url))
    except MailError as error:
        notice.email_last_error = str(error)[:2000]
        if error.permanent or notice.email_attempts >= max_attempts:
            notice.email_status, notice.email_next_attempt_at = EmailStatus.FAILED, None
        else:
            notice.email_status = EmailStatus.PENDING
            notice.email_next_attempt_at = now + retry_wait(notice.email_attempts)
    else:
        notice.email_status, notice.emailed_at, notice.email_next_attempt_at = EmailStatus.SENT, now, None
        notice.email_last_error = None
    notice.email_lease_until = None
    session.commit()
    return notice.email_status


def send_due_mails(session_factory: sessionmaker[Session], *, now: datetime, smtp: SmtpSettings,
                   notices_url: str = "", send: Callable[[SmtpSettings, Mail], None] = send_mail,
                   max_attempts: int = MAX_ATTEMPTS) -> MailReport:
    """Mail every notice whose turn has come, each in its own transactions."""
    with session_factory() as session:
        ids = list(session.scalars(select(Notification.id).where(_due(now)).order_by(Notification.id).limit(BATCH)))
    counts = {EmailStatus.SENT: 0, EmailStatus.PENDING: 0, EmailStatus.FAILED: 0}
    for notice_id in ids:
        with session_factory() as session:
            status = _send_one(session, notice_id, now=now, smtp=smtp, notices_url=notices_url, send=send,
                               max_attempts=max_attempts)
        if status in counts:
            counts[status] += 1
    return MailReport(counts[EmailStatus.SENT], counts[EmailStatus.PENDING], counts[EmailStatus.FAILED])
