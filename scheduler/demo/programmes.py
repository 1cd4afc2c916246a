"""The demo's weekly programmes: a Thursday column on crime prevention and a good-deeds one, one message planned in.

The Thursday column rests on public holidays and the good-deeds one airs on them, so the planning page
shows both rules side by side.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Station
from campaigns.programme_planning import ProgrammePlanRequest, plan_into_programmes
from campaigns.programme_setup import ProgrammeInput, create_programme
from content.models import Message, MessageStatus, User

PROGRAMME_WEEKS = 4
COLUMNS = (
    ProgrammeInput(name="Chung tay phòng chống tội phạm", weekdays=("4",), starts_at="19:00", minutes="20",
                   opening="Chuyên mục do Công an xã phối hợp với Đài truyền thanh thực hiện, phát vào tối thứ Năm "
                           "hằng tuần.",
                   closing="Mọi thông tin về tội phạm, bà con báo ngay cho Công an xã hoặc gọi số 113."),
    ProgrammeInput(name="Gương người tốt, việc tốt", weekdays=("2", "6"), starts_at="19:30", minutes="15",
                   opening="Mời bà con cùng nghe những câu chuyện đẹp về người tốt, việc tốt ở địa phương.",
                   closing="Xin hẹn gặp lại bà con trong chuyên mục kỳ sau.", skips_holidays=False),
)


def add_demo_programmes(session: Session, stations: list[Station], *, admin: User, approver: User, now: datetime,
                        zone: ZoneInfo) -> None:
    """The first station gets both columns; an approved notice is planned into its Thursday one for four weeks."""
    station = stations[0]
    thursday, _ = (create_programme(session, admin, station, column, now=now) for column in COLUMNS)
    message = session.scalar(select(Message).where(Message.status == MessageStatus.SCHEDULED).order_by(Message.id))
    if message is None:
        return
    plan_into_programmes(session, message, ProgrammePlanRequest((thursday.id,), now.astimezone(zone).date(),
                                                                weeks=PROGRAMME_WEEKS),
                         actor=approver, now=now, zone=zone)
