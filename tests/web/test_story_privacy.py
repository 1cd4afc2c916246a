"""A person who did not consent is masked in every form an editor writes, in every public output over HTTP.

Every person and place here is invented.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from campaigns.models import ChannelKind, Delivery
from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.media import store_image
from content.messages import MessageInput, StoryFields, create_message, transition_message, update_message
from content.models import Message, MessageKind, Role
from content.spoken import estimate_seconds, spoken_text
from content.vietnamese import fold
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_station, make_user
from tests.web.helpers import csrf_token, log_in

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NAME = "Nguyễn Văn Bình"
MASK = "N.V.B."
ALT = "Anh Nguyễn Văn Bình trả lại chiếc ví cho cụ bà ở chợ xã Suối Mây"


class World:
    def __init__(self, app, session, tmp_path):  # type: ignore[no-untyped-def]
        app.config["MEDIA_ROOT"] = tmp_path / "media"
        self.media_root = tmp_path / "media"
        self.session = session
        self.province = make_area(session, name="Tỉnh Thử Nghiệm")
        self.commune = make_area(session, parent=self.province, name="Xã Suối Mây")
        self.editor = make_user(session, role=Role.EDITOR, area=self.province, username="bientap")
        self.approver = make_user(session, role=Role.APPROVER, area=self.province, username="pheduyet")
        self.operator = make_user(session, role=Role.RADIO_OPERATOR, area=self.commune, username="daiphat")
        self.station = make_station(session, self.commune, name="Đài truyền thanh xã Suối Mây")
        self.token = issue_station_token(self.station, now=datetime(2026, 11, 1, tzinfo=ZONE))
        self.web = [make_channel(session, ChannelKind.PORTAL), make_channel(session, ChannelKind.FEED)]
        self.telegram = make_channel(session, ChannelKind.TELEGRAM, settings={"chat_id": "@loa_thu"})
        session.commit()

    def picture(self, alt: str = ALT):  # type: ignore[no-untyped-def]
        out = BytesIO()
        Image.new("RGB", (64, 48), (200, 90, 40)).save(out, "PNG")
        return store_image(self.session, data=out.getvalue(), original_name="vi.png", alt_text=alt,
                           uploader=self.editor, media_root=self.media_root, now=datetime(2026, 11, 20, tzinfo=ZONE))

    def write(self, now, *, title: str, body: str, story: bool = True, consent: bool = False, image=None,
              summary: str = "") -> Message:  # type: ignore[no-untyped-def]
        fields = StoryFields(person_name=NAME, deed="Trả lại ví nhặt được", deed_on=date(2026, 11, 2),
                             name_consent=consent) if story else None
        return create_message(self.session, self.editor, MessageInput(
            kind=MessageKind.STORY if story else MessageKind.ARTICLE, title=title, body_md=body, summary=summary,
            area_id=self.commune.id, story=fields, image_id=image.id if image else None), now=now)

    def publish(self, session_factory, now, message: Message) -> Message:  # type: ignore[no-untyped-def]
        """Approved, on the portal and the feed now; on Telegram and the station tomorrow morning."""
        transition_message(self.session, message, "submit", actor=self.editor, now=now)
        transition_message(self.session, message, "approve", actor=self.approver, now=now)
        plan_deliveries(self.session, message, actor=self.approver, due_at=now + timedelta(minutes=1), now=now,
                        channels=self.web)
        plan_deliveries(self.session, message, actor=self.approver, now=now, zone=ZONE,
                        due_at=datetime(2026, 11, 24, 6, 0, tzinfo=ZONE), channels=[self.telegram],
                        stations=[self.station])
        self.session.commit()
        run_tick(session_factory, now=now + timedelta(minutes=1), worker="test")
        return message

    def public_outputs(self, client, message: Message) -> dict[str, str]:  # type: ignore[no-untyped-def]
        self.session.expire_all()
        telegram = self.session.query(Delivery).filter_by(message_id=message.id, channel_id=self.telegram.id).one()
        auth = {"Authorization": f"Bearer {self.token}"}
        outputs = {
            "portal": client.get(f"/tin/{message.slug}"),
            "index": client.get("/"),
            "rss": client.get("/feed.rss"),
            "atom": client.get("/feed.atom"),
            "script": client.get(f"/radio/stations/{self.station.id}/scripts/2026-11-24.txt", headers=auth),
            "script_json": client.get(f"/radio/stations/{self.station.id}/scripts/2026-11-24.json", headers=auth),
        }
        log_in(client, "pheduyet")
        outputs["social variant"] = client.get(f"/desk/deliveries/{telegram.id}/variant")
        client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
        for where, response in outputs.items():
            assert response.status_code == 200, where
        texts = {where: html.unescape(response.get_data(as_text=True)) for where, response in outputs.items()}
        texts["slug"] = message.slug
        # The variant page is the desk's; what the platform will get is the text in its box.
        texts["social variant"] = re.search(r'<textarea[^>]*name="variant"[^>]*>(.*?)</textarea>',
                                            texts["social variant"], re.DOTALL)[1]
        return texts


@pytest.fixture
def world(app, session, tmp_path) -> World:  # type: ignore[no-untyped-def]
    return World(app, session, tmp_path)


FORMS = {
    "given name with a title": "Cảm ơn anh Bình",
    "double space": "Cảm ơn Nguyễn  Văn Bình",
    "non-breaking space": "Cảm ơn Nguyễn\u00a0Văn Bình",
    "other case": "CẢM ƠN ANH BÌNH",
    "no diacritics": "Cam on anh Nguyen Van Binh",
    "no diacritics, given name": "Cam on anh Binh",
}


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_every_written_form_of_an_unconsented_name_is_masked_in_every_public_output(
        client, world, session_factory, now, form):
    message = world.publish(session_factory, now, world.write(
        now, title=f"{form} đã trả lại ví", summary=f"{form} nhặt được ví.",
        body=f"Sáng 02/11, **{form}** nhặt được chiếc ví ở chợ xã Suối Mây.\n\n{form}!"))
    for where, text in world.public_outputs(client, message).items():
        assert "binh" not in fold(text), where
        if where != "slug":
            assert MASK in text, where


def test_a_consented_name_is_shown_in_every_public_output(client, world, session_factory, now):
    message = world.publish(session_factory, now, world.write(
        now, consent=True, title="Cảm ơn anh Bình đã trả lại ví", body="Anh **Nguyễn Văn Bình** nhặt được ví."))
    texts = world.public_outputs(client, message)
    for where in ("portal", "rss", "atom", "script", "social variant"):
        assert "anh Bình" in texts[where] and MASK not in texts[where], where
    assert "binh" not in texts["slug"]  # an address outlives a change of consent


def test_ordinary_words_and_place_names_are_left_alone_in_public(client, world, session_factory, now):
    body = ("Bà con tỉnh Ninh Bình giữ bình tĩnh, mong cuộc sống hòa bình.\n\n"
            "Đoàn công tác xã Bình An trao thưởng cho anh Bình.")
    message = world.publish(session_factory, now, world.write(now, title="Giữ bình yên xóm làng", body=body))
    texts = world.public_outputs(client, message)
    for where in ("portal", "rss", "atom"):
        assert "tỉnh Ninh Bình giữ bình tĩnh, mong cuộc sống hòa bình" in texts[where], where
        assert "xã Bình An trao thưởng cho anh N.V.B." in texts[where], where
    assert "Giữ bình yên xóm làng" in texts["index"]


def test_a_picture_of_an_unconsented_person_keeps_them_masked_when_reused_in_an_article(
        client, world, session_factory, now):
    picture = world.picture()
    world.write(now, title="Người tốt ở chợ xã", body="Anh Bình nhặt được ví.", image=picture)
    article = world.publish(session_factory, now, world.write(
        now, story=False, title="Chợ xã Suối Mây văn minh", body="Bà con giữ chợ sạch đẹp.", image=picture))
    portal = html.unescape(client.get(f"/tin/{article.slug}").get_data(as_text=True))
    assert 'alt="Anh N.V.B. trả lại chiếc ví cho cụ bà ở chợ xã Suối Mây"' in portal
    assert "Bình" not in portal
    assert "Bình" not in html.unescape(client.get("/feed.rss").get_data(as_text=True))
    log_in(client, "bientap")
    library = html.unescape(client.get("/desk/media/").get_data(as_text=True))
    assert "Anh N.V.B. trả lại chiếc ví" in library and "Bình" not in library


def test_a_picture_stays_protected_after_its_story_takes_another(world, session, now):
    picture = world.picture()
    story = world.write(now, title="Người tốt ở chợ xã", body="Anh Bình nhặt được ví.", image=picture)
    update_message(session, story, world.editor, MessageInput(
        kind=MessageKind.STORY, title=story.title, body_md=story.body_md, area_id=world.commune.id,
        story=StoryFields(person_name=NAME, deed="Trả lại ví")), expected_version=story.version, now=now)
    session.commit()
    assert story.image is None and picture.hidden_names == [NAME]


def preview(client, **fields):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/desk/messages/new")
    return client.post("/desk/preview", json=fields, headers={"X-CSRFToken": token}).get_json()


STORY_FORM = {"kind": "story", "title": "Cảm ơn anh Bình đã trả lại ví",
              "body_md": "Sáng 02/11, anh **Nguyễn  Văn Bình** nhặt được ví.\n\nCảm ơn anh Binh!",
              "person_name": NAME, "deed": "Trả lại ví nhặt được", "summary": ""}


def test_the_live_preview_shows_the_masked_text_and_the_saved_read_time(client, world, session):
    log_in(client, "bientap")
    data = preview(client, **STORY_FORM)
    assert "binh" not in fold(data["html"]) and "<strong>N.V.B.</strong>" in data["html"]
    assert "binh" not in fold(data["spoken"]) and data["spoken"].startswith("Cảm ơn anh N.V.B. đã trả lại ví.")
    response = client.post("/desk/messages/new", data={**STORY_FORM, "area_id": world.commune.id,
                                                       "csrf_token": csrf_token(client, "/desk/messages/new")})
    assert response.status_code == 302
    saved = session.query(Message).one()
    assert data["spoken"] == spoken_text(saved)
    assert data["read_seconds"] == estimate_seconds(spoken_text(saved))
    page = html.unescape(client.get(f"/desk/messages/{saved.id}").get_data(as_text=True))
    assert _seconds_label(data["read_seconds"]) in page


def _seconds_label(seconds: int) -> str:
    return f"khoảng {seconds // 60} phút {seconds % 60} giây" if seconds >= 60 else f"khoảng {seconds} giây"


def test_the_preview_of_a_consented_story_or_an_article_names_the_person(client, world):
    log_in(client, "bientap")
    assert "Nguyễn  Văn Bình" in preview(client, **STORY_FORM, name_consent=True)["html"]
    assert "Nguyễn  Văn Bình" in preview(client, **{**STORY_FORM, "kind": "article"})["html"]


def test_an_unmaskable_mention_is_warned_about_in_the_preview_and_on_the_review_page(client, world, session):
    log_in(client, "bientap")
    form = {**STORY_FORM, "body_md": "Gặp Bình ở chợ, ai cũng khen.\n\n#CảmƠnAnhBình"}
    warnings = preview(client, **form)["name_warnings"]
    assert [w["field"] for w in warnings] == ["body_md", "body_md"]
    assert "Nội dung: “Gặp Bình ở chợ, ai cũng khen.”" in warnings[0]["text"]
    assert "#CảmƠnAnhBình" in warnings[1]["text"]
    assert preview(client, **STORY_FORM)["name_warnings"] == []
    client.post("/desk/messages/new", data={**form, "area_id": world.commune.id,
                                            "csrf_token": csrf_token(client, "/desk/messages/new")})
    saved = session.query(Message).one()
    log_in(client, "pheduyet")
    page = html.unescape(client.get(f"/desk/messages/{saved.id}").get_data(as_text=True))
    assert "không che được an toàn" in page and "Nội dung: “Gặp Bình ở chợ, ai cũng khen.”" in page


def test_the_airing_confirmation_notice_names_nobody(client, world, session, now):
    story = world.write(now - timedelta(days=1), title="Cảm ơn anh Nguyễn Văn Bình", body="Anh Bình trả lại ví.")
    transition_message(session, story, "submit", actor=world.editor, now=now)
    transition_message(session, story, "approve", actor=world.approver, now=now)
    delivery = Delivery(message=story, station=world.station, due_at=datetime(2026, 11, 23, 6, 0, tzinfo=ZONE),
                        idempotency_key="thu-privacy-airing")
    session.add(delivery)
    session.commit()
    log_in(client, "daiphat")
    day_page = f"/radio/stations/{world.station.id}/airings/2026-11-23"
    response = client.post(day_page, data={"delivery_id": delivery.id, "status": "aired",
                                           "aired_at": "2026-11-23T06:03", "operator_name": "Lò Thị Sen",
                                           "csrf_token": csrf_token(client, day_page)}, follow_redirects=True)
    text = html.unescape(response.get_data(as_text=True))
    assert "Đã ghi nhận tin “Cảm ơn anh N.V.B.”." in text and "Bình" not in text
