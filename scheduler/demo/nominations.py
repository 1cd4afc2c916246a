"""The demo's good-deed nominations: one just sent from the portal, one drafted as a story still masked, one
whose person agreed and whose story names them. People and deeds are invented."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from campaigns.nomination_consent import ConsentInput, record_consent
from campaigns.nomination_models import ConsentMethod
from campaigns.nominations import NominationInput, draft_story, submit_nomination
from content.models import Area, User

NOMINATIONS = (
    ("Đinh Văn Khải", "Anh Khải lội nước lũ đưa hai cụ già ở xóm bãi sang nhà văn hóa thôn trú tạm trong đêm mưa lớn.",
     "Chị Mai, tổ trưởng tổ phụ nữ", "0912 000 321"),
    ("Vũ Thị Hạnh", "Chị Hạnh phát hiện nhóm người lạ dò hỏi mua thẻ ngân hàng của bà con và báo ngay cho Công an xã.",
     "", ""),
    ("Lương Văn Sơn", "Anh Sơn nhặt được chiếc ví có 7 triệu đồng và giấy tờ tùy thân, tìm đến tận nhà trả lại cho "
     "người đánh rơi.", "Ông Tuấn, trưởng thôn", ""),
)


def add_demo_nominations(session: Session, villages: list[Area], *, editor: User, now: datetime,
                         zone: ZoneInfo) -> int:
    """:returns: how many story messages were made from them."""
    made = []
    for n, (person, deed, nominator, contact) in enumerate(NOMINATIONS):
        sent = now - timedelta(days=9 - 3 * n)
        made.append(submit_nomination(session, NominationInput(
            person_name=person, area_id=villages[n % len(villages)].id, deed=deed,
            deed_on=(sent - timedelta(days=2)).astimezone(zone).date(), nominator_name=nominator,
            nominator_contact=contact), now=sent, today=sent.astimezone(zone).date(),
            officer=editor if n == 0 else None))
    masked, named = made[0], made[1]  # the third stays new, as sent
    draft_story(session, masked, editor=editor, now=now - timedelta(days=5))
    draft_story(session, named, editor=editor, now=now - timedelta(days=2))
    record_consent(session, named, ConsentInput(ConsentMethod.IN_PERSON, (now - timedelta(days=1)).astimezone(zone).date(),
                                                "Chị Hạnh đồng ý nêu tên khi cán bộ đến nhà."),
                   officer=editor, now=now - timedelta(days=1), today=now.astimezone(zone).date(),
                   consent_root=None)
    return 2
