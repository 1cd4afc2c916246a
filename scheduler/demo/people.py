"""The people's answers in the demo: readers' "useful?" under published messages, and tip-offs on the desk.

`pheduyet` (the province's approver) is granted the reading of tip-offs, so signing in as them shows the
queue; `bientap` is not, so the demo also shows that the role alone opens nothing. Tip-offs are sealed
with the install's own key, as the public form would seal them. Every person and event here is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from campaigns.message_feedback import record_feedback
from campaigns.tipoff_desk import add_note, assign_tipoff, change_status
from campaigns.tipoff_models import Tipoff, TipoffKind, TipoffStatus
from campaigns.tipoff_sealing import seal_text
from campaigns.tipoffs import code_hash, new_code
from content.models import Area, AreaKind, Message, MessageStatus, User

NOTES = ["Bài viết dễ hiểu, tôi đã kể lại cho bố mẹ.", None, "Nên nói thêm số điện thoại công an xã.", None,
         "Loa đọc hơi nhanh, nhưng nội dung hay."]
TIPOFFS = [  # kind, days ago, what happened, contact, (status, hours until handled) or None, note
    (TipoffKind.DENUNCIATION, 9, "Tối thứ Bảy có mấy thanh niên lạ tụ tập ở bãi đất trống cuối thôn, nghi mua bán "
     "chất cấm; họ đi xe máy không biển số.", None, (TipoffStatus.VALUABLE, 5),
     "Đã chuyển thông tin cho Công an xã; tổ tự quản thôn cùng theo dõi."),
    (TipoffKind.REPORT, 6, "Đèn đường ở đoạn gần cầu tràn bị hỏng cả tuần, buổi tối rất tối, đã có người bị giật "
     "túi.", "Chị Hà Thị Lụa, 0912 000 111", (TipoffStatus.FORWARDED, 20), None),
    (TipoffKind.SUGGESTION, 3, "Đề nghị đài phát thêm bản tin phòng chống lừa đảo qua mạng vào buổi tối, người đi "
     "làm về mới nghe được.", None, (TipoffStatus.CHECKING, 30), None),
    (TipoffKind.REPORT, 1, "Có người gọi điện xưng là cán bộ điện lực đòi chuyển tiền, nhiều nhà trong xóm đã "
     "nhận được cuộc gọi.", None, None, None),
]


def add_people_answers(session_factory: sessionmaker[Session], *, now: datetime, tipoff_key: str | None) -> int:
    """Feedback on the published messages, and (with a key) tip-offs; returns how many answers were added."""
    with session_factory() as session:
        answers = _feedback(session, now)
        officer = session.scalar(select(User).where(User.username == "pheduyet"))
        if officer is not None:
            officer.reads_tipoffs = True
            if tipoff_key is not None:
                _tipoffs(session, officer, tipoff_key, now)
        session.commit()
    return answers


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


def _tipoffs(session: Session, officer: User, key: str, now: datetime) -> None:
    villages = list(session.scalars(select(Area).where(Area.kind == AreaKind.RESIDENTIAL).order_by(Area.id).limit(4)))
    if not villages:
        return
    for n, (kind, days, body, contact, handled, note) in enumerate(TIPOFFS):
        received = (now - timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
        tipoff = Tipoff(receipt_hash=code_hash(new_code()), kind=kind, area_id=villages[n % len(villages)].id,
                        body_ciphertext=seal_text(key, body),
                        contact_ciphertext=seal_text(key, contact) if contact else None, received_at=received,
                        status=TipoffStatus.NEW)
        session.add(tipoff)
        session.flush()
        if handled is None:
            continue
        status, hours = handled
        at = received + timedelta(hours=hours)
        change_status(session, tipoff, officer, TipoffStatus.CHECKING, now=at)
        assign_tipoff(session, tipoff, officer, officer, now=at + timedelta(minutes=5))
        if status is not TipoffStatus.CHECKING:
            change_status(session, tipoff, officer, status, now=at + timedelta(days=1))
        if note:
            add_note(session, tipoff, officer, note, key=key, now=at + timedelta(days=1, minutes=10))
