"""The demo's commendations: the people of its good-deed stories commended this year, and one residential group,
so the commendations page and the festival-day report have something to show. Names are the demo's own fiction."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.commendations import CommendationInput, record_commendation
from content.models import Message, MessageKind, User

LEVELS = ("commune", "provincial_police", "province")


def add_demo_commendations(session: Session, *, editor: User, now: datetime, zone: ZoneInfo) -> int:
    """Commend the people of the first stories, each by a decision a few weeks old; return how many."""
    today = now.astimezone(zone).date()
    stories = list(session.scalars(select(Message).where(Message.kind == MessageKind.STORY,
                                                         Message.person_name.is_not(None))
                                   .order_by(Message.id).limit(len(LEVELS))))
    count = 0
    for n, story in enumerate(stories):
        decided_on = max(today - timedelta(days=20 + 9 * n), today.replace(month=1, day=1))
        record_commendation(session, editor, CommendationInput(
            area_id=story.area_id, recipient=story.person_name or "", reason=story.deed or story.title,
            level=LEVELS[n], decision_number=f"{41 + n * 17}/QĐ-{'UBND' if n != 1 else 'CAT-PV01'}",
            decided_on=decided_on, message_id=story.id), now=now, today=today)
        count += 1
    if stories:
        record_commendation(session, editor, CommendationInput(
            area_id=stories[0].area_id, recipient="Tổ tự quản an ninh trật tự khu phố Bờ Sông", is_collective=True,
            reason="Duy trì tuần tra ban đêm, góp phần giữ bình yên khu dân cư suốt năm",
            level="province", decision_number="1268/QĐ-UBND", decided_on=max(today - timedelta(days=12),
                                                                            today.replace(month=1, day=1))),
            now=now, today=today)
        count += 1
    return count
