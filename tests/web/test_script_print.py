"""The daily script printed from Debian's chromium: one A4 page per slot, the urgent and the overrun visible."""

from __future__ import annotations

import re
from datetime import datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Priority, Role
from tests.factories import make_area, make_channel, make_station, make_user

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)

ITEMS = [
    # (title, body, due hour, priority)
    ("Cảnh giác với cuộc gọi giả danh công an",
     "Thời gian gần đây, nhiều người dân thôn Khe Lim nhận được cuộc gọi của kẻ xấu tự xưng là công an, yêu cầu "
     "chuyển tiền để xác minh tài khoản. Công an xã khẳng định: công an không làm việc qua điện thoại và không bao "
     "giờ yêu cầu người dân chuyển tiền. Khi nhận cuộc gọi như vậy, bà con hãy tắt máy và báo ngay cho Công an xã.",
     6, Priority.NORMAL),
    ("Phòng cháy trong mùa khô hanh",
     "Mùa khô đang đến, bà con không đốt rác, đốt nương gần nhà và gần rừng; tắt bếp, ngắt điện trước khi ra khỏi "
     "nhà. Mỗi gia đình nên có một bình chữa cháy nhỏ đặt ở nơi dễ lấy.",
     6, Priority.PRIORITY),
    ("Gương người tốt: anh Lò Văn Páo trả lại ví cho du khách",
     "Anh Lò Văn Páo, thôn Nà Sản, nhặt được chiếc ví có nhiều tiền và giấy tờ của một du khách. Anh đã mang đến "
     "trụ sở Công an xã để trả lại người đánh rơi. Việc làm của anh là tấm gương sáng cho bà con noi theo.",
     11, Priority.NORMAL),
]


def approved(session, area, editor, approver, title: str, body: str, priority: Priority):
    message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                           area_id=area.id, priority=priority), now=NOW)
    transition_message(session, message, "submit", actor=editor, now=NOW)
    transition_message(session, message, "approve", actor=approver, now=NOW)
    return message


def setup_station(session) -> tuple[int, str]:
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Bãi Sậy")
    # The evening slot is one minute: the emergency and a bulletin overrun it.
    station = make_station(session, commune, name="Đài truyền thanh xã Bãi Sậy",
                           slots=((time(6), 15), (time(11), 10), (time(17), 1)))
    editor = make_user(session, role=Role.EDITOR, area=province)
    approver = make_user(session, role=Role.APPROVER, area=province)
    for title, body, hour, priority in ITEMS:
        message = approved(session, commune, editor, approver, title, body, priority)
        plan_deliveries(session, message, actor=approver, due_at=datetime(2026, 11, 24, hour, tzinfo=ZONE), now=NOW,
                        stations=[station], zone=ZONE)
    long_body = " ".join(["Bà con thôn Khe Lim chú ý giữ gìn an ninh trật tự trong dịp cuối năm."] * 2)
    message = approved(session, commune, editor, approver, "Tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc",
                       long_body, Priority.NORMAL)
    plan_deliveries(session, message, actor=approver, due_at=datetime(2026, 11, 24, 17, tzinfo=ZONE), now=NOW,
                    stations=[station], zone=ZONE)
    notice = approved(session, province, editor, approver, "Thông báo khẩn: tìm cháu Đỗ Ngọc Ánh đi lạc",
                      "Cháu Đỗ Ngọc Ánh, bảy tuổi, mặc áo đồng phục trắng, chưa về nhà từ chiều qua. Ai thấy cháu "
                      "xin báo ngay cho Công an xã.", Priority.EMERGENCY)
    plan_deliveries(session, notice, actor=approver, due_at=datetime(2026, 11, 24, 12, tzinfo=ZONE), now=NOW,
                    channels=[make_channel(session)], zone=ZONE)
    token = issue_station_token(station, now=NOW)
    session.commit()
    return station.id, token


def pdf_pages(pdf: bytes) -> int:
    # Each page object says "/Type /Page"; the page tree says "/Type /Pages", which the lookahead leaves out.
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_the_script_prints_one_a4_page_per_slot(live_server, browser, session):
    station_id, token = setup_station(session)
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(f"{live_server}/radio/stations/{station_id}/scripts/2026-11-24.html?token={token}")
    assert page.locator("section.script-slot").count() == 3
    assert page.locator("section.script-slot.has-emergency .badge.emergency").count() == 1
    assert page.locator("section.script-slot.is-over .warning-over").count() == 1
    page.screenshot(path=ARTIFACTS / "radio-script-screen.png", full_page=True)

    pdf = page.pdf(path=ARTIFACTS / "radio-script.pdf", prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) == 3
    # The page size comes from the stylesheet's @page (prefer_css_page_size): A4 is 595 × 842 points.
    sizes = {tuple(round(float(n)) for n in box.split()[2:]) for box in
             re.findall(rb"/MediaBox\s*\[([\d.\s]+)\]", pdf)}
    assert sizes == {(595, 842)}

    # What the printer gets, as a picture to look at: A4 less the page margins is 180 × 273 mm, 680 px wide
    # at 96 dpi. Each slot must fit its sheet here, or the PDF above would have grown a page.
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 1032})
    assert page.locator("header.site").is_hidden() and page.locator(".script-intro").is_hidden()
    assert all(page.locator("section.script-slot").nth(n).bounding_box()["height"] <= 1032 for n in range(3))
    page.screenshot(path=ARTIFACTS / "radio-script-print.png", full_page=True)
    page.close()
