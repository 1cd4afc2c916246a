"""The portal's browse pages list only what is published, per campaign, topic, area and kind; a message page
introduces itself to link previews with masked names and absolute addresses; withdrawn answers 410."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from io import BytesIO

import pytest
from PIL import Image

from campaigns.models import Campaign, ChannelKind
from campaigns.planning import plan_deliveries
from content.media import store_image
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import AreaKind, MessageKind, Role, Topic
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_user

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


class Desk:
    """One province with a commune, its editor and approver, and the portal and feed channels."""

    def __init__(self, session, session_factory):
        self.session, self.session_factory = session, session_factory
        self.province = make_area(session, name="Tỉnh Sông Mây", code="SM")
        self.commune = make_area(session, parent=self.province, name="Xã Bình Yên", code="SM-BY",
                                 kind=AreaKind.COMMUNE)
        self.other = make_area(session, parent=self.province, name="Xã Đồi Thông", code="SM-DT",
                               kind=AreaKind.COMMUNE)
        self.editor = make_user(session, role=Role.EDITOR, area=self.province)
        self.approver = make_user(session, role=Role.APPROVER, area=self.province)
        self.channels = [make_channel(session, ChannelKind.PORTAL), make_channel(session, ChannelKind.FEED)]

    def write(self, title, *, kind=MessageKind.ARTICLE, targets=(), topics=(), story=None, summary="", image_id=None):
        message = create_message(self.session, self.editor, MessageInput(
            kind=kind, title=title, body_md=f"Nội dung: {title}.", area_id=self.province.id, summary=summary,
            target_area_ids=tuple(a.id for a in targets), topic_ids=tuple(t.id for t in topics), story=story,
            image_id=image_id),
            now=NOW)
        transition_message(self.session, message, "submit", actor=self.editor, now=NOW)
        transition_message(self.session, message, "approve", actor=self.approver, now=NOW)
        return message

    def publish(self, title, at=NOW, **fields):
        message = self.write(title, **fields)
        plan_deliveries(self.session, message, actor=self.approver, due_at=at, now=at - timedelta(minutes=5),
                        channels=self.channels)
        self.session.commit()
        run_tick(self.session_factory, now=at, worker="test")
        self.session.expire_all()
        return message


@pytest.fixture
def desk(session, session_factory):
    return Desk(session, session_factory)


def text(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response.get_data(as_text=True)


def test_a_campaign_page_shows_its_plan_and_only_its_published_messages(client, desk, session):
    ours = desk.publish("Ra quân tháng cao điểm phòng chống ma túy")
    elsewhere = desk.publish("Tin không thuộc chiến dịch")
    draft = desk.write("Bản nháp của chiến dịch")
    campaign = Campaign(plan_number="12/KH-CAT", issuing_body="Công an tỉnh Sông Mây", title="Tháng hành động",
                        slug="thang-hanh-dong", description="Tuyên truyền phòng chống ma túy trong học đường.",
                        starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 30), owner_area_id=desk.province.id)
    campaign.messages = [ours, draft]
    session.add(campaign)
    session.commit()
    page = text(client, "/chien-dich/thang-hanh-dong")
    assert "12/KH-CAT" in page and "Công an tỉnh Sông Mây" in page and "01/11/2026" in page
    assert ours.title in page and elsewhere.title not in page and draft.title not in page
    assert 'href="/chien-dich/thang-hanh-dong/feed.rss"' in page and 'href="/chien-dich/thang-hanh-dong/feed.atom"' in page
    assert "Theo dõi trang này" in page
    assert 'href="/chien-dich/thang-hanh-dong"' in text(client, f"/tin/{ours.slug}")
    assert "Không tìm thấy chiến dịch này." in text(client, "/chien-dich/khong-co", 404)


def test_a_topic_page_lists_the_topics_published_messages(client, desk, session):
    topic = Topic(slug="lua-dao", name="Lừa đảo qua mạng")
    session.add(topic)
    session.flush()
    on_topic = desk.publish("Giả danh công an gọi điện", topics=[topic])
    off_topic = desk.publish("Phòng cháy mùa khô")
    unpublished = desk.write("Chưa đăng về lừa đảo", topics=[topic])
    page = text(client, "/chu-de/lua-dao")
    assert on_topic.title in page and off_topic.title not in page and unpublished.title not in page
    text(client, "/chu-de/khong-co", 404)


def test_a_communes_page_includes_what_targets_its_province_and_lists_its_children(client, desk):
    for_commune = desk.publish("Họp tổ an ninh xã Bình Yên", targets=[desk.commune])
    for_province = desk.publish("Cảnh báo toàn tỉnh về trộm cắp", targets=[desk.province])
    for_neighbour = desk.publish("Tin riêng xã Đồi Thông", targets=[desk.other])
    page = text(client, "/dia-ban/SM-BY")
    assert for_commune.title in page and for_province.title in page
    assert for_neighbour.title not in page
    province_page = text(client, "/dia-ban/SM")
    assert 'href="/dia-ban/SM-BY"' in province_page and 'href="/dia-ban/SM-DT"' in province_page
    assert for_province.title in province_page and for_commune.title not in province_page
    assert 'href="/dia-ban/SM-BY/feed.rss"' in page
    assert 'rel="alternate" type="application/rss+xml" title="Xã Bình Yên (RSS)" href="/dia-ban/SM-BY/feed.rss"' in page
    text(client, "/dia-ban/KHONG", 404)


def test_a_kind_page_lists_only_that_kind(client, desk):
    notice = desk.publish("Thông báo cắt điện để diễn tập", kind=MessageKind.NOTICE)
    article = desk.publish("Bài viết về an toàn giao thông")
    page = text(client, "/loai/notice")
    assert notice.title in page and article.title not in page
    assert "<h1>Thông báo khẩn</h1>" in page
    text(client, "/loai/quang-cao", 404)


def test_home_shows_a_recent_notice_in_the_banner_and_not_an_old_one(client, desk, clock):
    clock.set(NOW + timedelta(hours=1))
    fresh = desk.publish("Khẩn: lũ quét ở thượng nguồn", kind=MessageKind.NOTICE)
    old = desk.publish("Thông báo cũ về nước sinh hoạt", kind=MessageKind.NOTICE, at=NOW - timedelta(days=3))
    page = text(client, "/")
    banner = page.split('class="alerts"', 1)[1].split("</section>", 1)[0]
    assert fresh.title in banner and old.title not in banner


def picture(desk, app, tmp_path):
    out = BytesIO()
    Image.new("RGB", (900, 600), (40, 120, 90)).save(out, "PNG")
    app.config["MEDIA_ROOT"] = tmp_path / "media"
    return store_image(desk.session, data=out.getvalue(), original_name="vi.png", alt_text="Chiếc ví được trả lại",
                       uploader=desk.editor, media_root=app.config["MEDIA_ROOT"], now=NOW)


def test_an_unconsented_story_is_masked_in_the_share_card_and_links_are_absolute(app, client, desk, tmp_path):
    image = picture(desk, app, tmp_path)
    message = desk.publish("Anh Lò Văn Mạnh trả lại ví cho khách", kind=MessageKind.STORY, targets=[desk.commune],
                           image_id=image.id, story=StoryFields(
                               person_name="Lò Văn Mạnh", deed="Anh Lò Văn Mạnh nhặt được ví và trả lại người mất.",
                               person_area_id=desk.commune.id, name_consent=False))
    page = text(client, f"/tin/{message.slug}")
    head = page.split("</head>", 1)[0]
    assert "Mạnh" not in head
    og = dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)"', head))
    assert og["og:url"] == f"http://loa.test/tin/{message.slug}"
    assert og["og:title"] == message.current_revision.public_title and "L.V.M." in og["og:title"]
    assert og["og:image"] == f"http://loa.test/media/{image.sha256}.png"
    with client.get(og["og:image"].removeprefix("http://loa.test")) as served:
        assert served.status_code == 200 and served.mimetype == "image/png"
    assert re.search(r'<meta name="twitter:card" content="summary_large_image">', head)
    assert json.loads(re.search(r'ld\+json">(.*?)</script>', head, re.S).group(1))["image"] == [og["og:image"]]
    gallery = text(client, "/nguoi-tot-viec-tot")
    assert message.current_revision.public_title in gallery and "Mạnh" not in gallery
    assert f"/media/{image.sha256}-thumb" in gallery


def test_portal_pages_load_nothing_from_another_site(client, desk):
    message = desk.publish("Tin kiểm tra tài nguyên", targets=[desk.commune])
    for path in ("/", f"/tin/{message.slug}", "/dia-ban/SM-BY", "/loai/article", "/nguoi-tot-viec-tot"):
        page = text(client, path)
        for address in re.findall(r'<(?:script|link|img)[^>]*(?:src|href)="([^"]+)"', page):
            assert address.startswith(("/", "http://loa.test/")), (path, address)


def test_a_long_area_list_pages_and_keeps_its_address(client, desk, app):
    app.config["PAGE_SIZE"] = 2
    titles = [desk.publish(f"Tin số {n} cho xã", at=NOW + timedelta(minutes=n), targets=[desk.commune]).title
              for n in range(3)]
    first = text(client, "/dia-ban/SM-BY")
    assert titles[2] in first and titles[0] not in first and 'href="/dia-ban/SM-BY?page=2"' in first
    assert titles[0] in text(client, "/dia-ban/SM-BY?page=2")


def test_the_json_ld_parses_and_a_hostile_title_cannot_leave_the_script(client, desk):
    message = desk.publish("Cảnh giác </script><script>alert(1)</script> & lừa đảo")
    page = text(client, f"/tin/{message.slug}")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle" and data["headline"] == message.current_revision.public_title
    assert data["url"] == f"http://loa.test/tin/{message.slug}" and data["datePublished"].startswith("2026-11-23")
    assert "<script>alert(1)" not in page


def test_breadcrumbs_and_the_skip_link(client, desk):
    message = desk.publish("Tin có đường dẫn", targets=[desk.commune])
    page = text(client, f"/tin/{message.slug}")
    nav = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+">\s*<ol>(.*?)</ol>', page, re.S).group(1)
    assert 'href="/"' in nav and 'href="/loai/article"' in nav and 'aria-current="page">Tin có đường dẫn<' in nav
    assert '<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>' in page and '<main id="main"' in page
    area_page = text(client, "/dia-ban/SM-BY")
    assert '<a href="/dia-ban/SM">Tỉnh Sông Mây</a>' in area_page


def test_unpublished_is_404_and_withdrawn_is_410(client, desk, session):
    draft = desk.write("Tin chưa đăng")
    session.commit()
    assert "Không tìm thấy" in text(client, f"/tin/{draft.slug}", 404)
    published = desk.publish("Tin sẽ được gỡ")
    text(client, f"/tin/{published.slug}")
    transition_message(session, published, "archive", actor=desk.approver, now=NOW + timedelta(hours=1))
    session.commit()
    gone = text(client, f"/tin/{published.slug}", 410)
    assert "đã được gỡ" in gone and published.title not in text(client, "/")


def test_every_browse_page_has_one_h1_first_and_no_skipped_heading_level(client, desk, session, clock):
    clock.set(NOW + timedelta(hours=1))
    desk.publish("Khẩn: đề phòng sạt lở", kind=MessageKind.NOTICE)
    message = desk.publish("Tin cho tiêu đề", targets=[desk.commune])
    session.add(Campaign(plan_number="3/KH", issuing_body="Công an xã", title="Chiến dịch nhỏ", slug="nho",
                         starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 30), owner_area_id=desk.province.id,
                         messages=[message]))
    session.commit()
    for path in ("/", f"/tin/{message.slug}", "/dia-ban/SM", "/dia-ban/SM-BY", "/loai/article", "/chien-dich/nho",
                 "/nguoi-tot-viec-tot"):
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", text(client, path))]
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (path, levels)
