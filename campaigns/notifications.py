"""A person's notices in Loa: the list, the unread count the menu shows, marking read, the address mails go to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session, joinedload

from campaigns.notice_models import ConfirmationAlert, Notification
from content.errors import InvalidInput, NotFound
from content.models import User
from content.wording import Text

# Newest first; older ones are there in the database, but a list longer than this is not read.
SHOWN = 100
# Deliberately loose (one @, a dot in the domain, no spaces): the mail server is the judge of the rest.
_ADDRESS = re.compile(r"[^@\s<>\",;]+@[^@\s<>\",;]+\.[^@\s<>\",;]+")


@dataclass(frozen=True)
class NoticeList:
    notices: list[Notification]
    unread: int


def unread_count(session: Session, user: User) -> int:
    return session.scalar(select(func.count()).select_from(Notification)
                          .where(Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def list_notifications(session: Session, user: User) -> NoticeList:
    notices = list(session.scalars(
        select(Notification).where(Notification.user_id == user.id)
        .options(joinedload(Notification.alert).joinedload(ConfirmationAlert.station))
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(SHOWN)))
    return NoticeList(notices, unread_count(session, user))


def mark_read(session: Session, user: User, notification_id: int, *, now: datetime) -> Notification:
    """Mark one of the user's own notices read; another person's is as missing as one that never was."""
    notice = session.get(Notification, notification_id)
    if notice is None or notice.user_id != user.id:
        raise NotFound(Text("Không có thông báo số %(id)s.", id=notification_id))
    if notice.read_at is None:
        notice.read_at = now
    session.flush()
    return notice


def mark_all_read(session: Session, user: User, *, now: datetime) -> int:
    result = cast(CursorResult[Any], session.execute(
        update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=now).execution_options(synchronize_session=False)))
    return result.rowcount


def set_notice_email(session: Session, user: User, address: str) -> User:
    """The user's own address for notices; empty turns mail off. Notices already raised keep their address."""
    address = address.strip()
    if address and (len(address) > 254 or not _ADDRESS.fullmatch(address)):
        raise InvalidInput({"email": Text("Địa chỉ e-mail không hợp lệ (ví dụ: ten@example.vn).")})
    user.email = address or None
    session.flush()
    return user
