"""A reader on a phone goes from the home page to a good-deed story, then to its commune, and finds that page's feed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from campaigns.models import Campaign, ChannelKind
from campaigns.planning import plan_deliveries
from content.media import store_image
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import AreaKind, MessageKind, Priority, Role
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_user

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def picture(colour: tuple[int, int, int]) -> bytes:
    out = BytesIO()
    Image.new("RGB", (900, 600), colour).save(out, "PNG")
    return out.getvalue()


def test_from_home_to_a_story_to_its_commune_and_its_feed(app, live_server, browser, session, session_factory,
                                                           clock, tmp_path):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    clock.set(now + timedelta(minutes=10))
    app.config["MEDIA_ROOT"] = tmp_path / "media"
    province = make_area(session, name="Tỉnh Sông Mây", code="SM")
    commune = make_area(session, parent=province, name="Xã Bình Yên", code="SM-BY", kind=AreaKind.COMMUNE)
    make_area(session, parent=province, name="Xã Đồi Thông", code="SM-DT", kind=AreaKind.COMMUNE)
    editor = make_user(session, role=Role.EDITOR, area=province)
    approver = make_user(session, role=Role.APPROVER, area=province)
    channels = [make_channel(session, ChannelKind.PORTAL), make_channel(session, ChannelKind.FEED)]
    image = store_image(session, data=picture((40, 120, 90)), original_name="vi.png",
                        alt_text="Chiếc ví được trả lại tại trụ sở công an xã", uploader=editor,
                        media_root=app.config["MEDIA_ROOT"], now=now)

    def publish(title: str, **fields):  # type: ignore[no-untyped-def]
        message = create_message(session, editor, MessageInput(title=title, body_md=f"{title}. Bà con lưu ý.",
                                                               area_id=province.id, **fields), now=now)
        transition_message(session, message, "submit", actor=editor, now=now)
        transition_message(session, message, "approve", actor=approver, now=now)
        plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=1), now=now,
                        channels=channels)
        return message

    publish("Khẩn: nước sông dâng cao, không qua ngầm tràn", kind=MessageKind.NOTICE, priority=Priority.EMERGENCY)
    drive = publish("Cảnh giác cuộc gọi giả danh công an yêu cầu chuyển tiền", kind=MessageKind.ARTICLE,
                    summary="Công an không bao giờ yêu cầu chuyển tiền qua điện thoại.", target_area_ids=(province.id,))
    publish("Anh Lò Văn Mạnh trả lại ví cho khách du lịch", kind=MessageKind.STORY, target_area_ids=(commune.id,),
            image_id=image.id, summary="Một việc làm đẹp ở xã Bình Yên.",
            story=StoryFields(person_name="Lò Văn Mạnh", deed="Nhặt được ví và trả lại người mất.",
                              person_area_id=commune.id))
    session.add(Campaign(plan_number="12/KH-CAT", issuing_body="Công an tỉnh Sông Mây",
                         title="Tháng cao điểm phòng chống lừa đảo qua mạng", slug="thang-cao-diem",
                         description="Tuyên truyền đến từng thôn, tổ dân phố về các thủ đoạn lừa đảo mới.",
                         starts_on=date(2026, 11, 1), ends_on=date(2026, 12, 31), owner_area_id=province.id,
                         messages=[drive]))
    session.commit()
    run_tick(session_factory, now=now + timedelta(minutes=1), worker="test")

    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server}/")
    assert "nước sông dâng cao" in page.locator(".alerts").inner_text()
    page.keyboard.press("Tab")  # the first stop is the skip link, and it shows itself when focused
    skip = page.locator("a.skip")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["x"] >= 0
    page.keyboard.press("Enter")
    assert page.url.endswith("/#main")
    page.locator(".strip .deed a").first.click()
    page.wait_for_selector("h1")
    title = page.locator("h1").inner_text()
    assert "trả lại ví" in title and "Lò Văn Mạnh" not in title  # no consent: the name is masked
    page.click("article.message a:has-text('Xã Bình Yên')")
    page.wait_for_url(f"{live_server}/dia-ban/SM-BY")
    assert page.locator("h1").inner_text() == "Xã Bình Yên"
    rss = page.locator(".follow a:has-text('RSS')")
    assert rss.get_attribute("href") == "/dia-ban/SM-BY/feed.rss"
    assert page.locator("head link[rel=alternate][href='/dia-ban/SM-BY/feed.atom']").count() == 1

    ARTIFACTS.mkdir(exist_ok=True)
    story_path = page.locator(".card-title a", has_text="trả lại ví").get_attribute("href")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in (("home", "/"), ("area", "/dia-ban/SM-BY"), ("campaign", "/chien-dich/thang-cao-diem"),
                           ("story", story_path), ("gallery", "/nguoi-tot-viec-tot")):
            page.goto(f"{live_server}{path}")
            page.screenshot(path=ARTIFACTS / f"portal-{name}-{width}.png", full_page=True)
