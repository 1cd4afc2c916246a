"""Demo tip-offs: what villagers of the demo province sent in over the last weeks, sealed as the form seals them.

Fictional people and events. None has a photo; two left a contact. All are new: handling them is the desk's part.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from campaigns.tipoffs import TipoffInput, check_tipoff, submit_tipoff
from content.areas import get_area_by_code, select_subtree
from content.models import Area, AreaKind

# (days ago, kind, text, contact or None)
TIPOFFS = (
    (1, "denunciation", "Chiều nay có hai người đi xe máy không biển số đến từng nhà hỏi mua sổ đỏ, hứa cho vay "
                        "lãi thấp. Họ nói giọng nơi khác, một người đội mũ bảo hiểm màu cam.", None),
    (3, "report", "Đèn đường đoạn từ cầu Khe Nước đến trường tiểu học tắt đã hai tuần, tối học sinh đi học thêm về "
                  "rất tối, đã có một vụ giật túi xách.", "Anh Vi Văn Tùng, 0987 000 111"),
    (6, "report", "Quán nước đầu thôn mở nhạc to và tụ tập cờ bạc đến khuya các tối cuối tuần.", None),
    (9, "suggestion", "Đề nghị loa phát thanh đọc thêm tin cảnh báo lừa đảo qua điện thoại vào buổi tối, vì buổi "
                      "sáng nhiều người đã đi làm đồng.", None),
    (15, "denunciation", "Có người lạ thuê nhà cuối xóm, đêm nào cũng có xe ô tô đến rồi đi rất nhanh, nghi buôn "
                         "bán chất cấm.", None),
    (21, "suggestion", "Xin hướng dẫn bà con cách khóa tài khoản ngân hàng khi bị lộ mã OTP.", "Chị Hà Thị Lan"),
)


def load_demo_tipoffs(session_factory: sessionmaker[Session], *, key: str | bytes, province_code: str, now: datetime,
                      zone: ZoneInfo, photo_root: Path) -> int:
    with session_factory() as session:
        province = get_area_by_code(session, province_code)
        villages = list(session.scalars(select_subtree(province).where(Area.kind == AreaKind.RESIDENTIAL)
                                        .order_by(Area.code)))
        if not villages:
            return 0
        for n, (days, kind, body, contact) in enumerate(TIPOFFS):
            village = villages[n % len(villages)]
            commune = session.get(Area, village.parent_id)
            assert commune is not None
            sent = now - timedelta(days=days, hours=n)
            data = TipoffInput(kind=kind, commune=commune.code, village=village.code,
                               occurred_on=(sent - timedelta(days=1)).astimezone(zone).date().isoformat(), body=body,
                               anonymous=contact is None, contact=contact or "")
            checked = check_tipoff(session, data, today=now.astimezone(zone).date())
            submit_tipoff(session, checked, [], key=key, photo_root=photo_root, now=sent)
        session.commit()
    return len(TIPOFFS)
