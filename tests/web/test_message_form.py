"""The message editor over HTTP: an image attached from the form, and every refusal keeping what was typed."""

from __future__ import annotations

import html
import os
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from content.models import MediaItem, Message, Role
from tests.factories import make_area, make_user
from tests.web.helpers import csrf_token, log_in

NEW = "/desk/messages/new"
ALT = "Đoàn viên thanh niên xã Suối Mây dọn cỏ quanh trạm biến áp"
BODY = "Sáng Chủ nhật, đoàn viên **thanh niên** xã Suối Mây ra quân dọn cỏ, phát quang hành lang điện."


@pytest.fixture
def world(app, session, tmp_path):  # type: ignore[no-untyped-def]
    app.config["MEDIA_ROOT"] = tmp_path / "media"
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    commune = make_area(session, parent=province, name="Xã Suối Mây")
    make_user(session, role=Role.EDITOR, area=province, username="bientap")
    session.commit()
    return commune


def jpeg(size: tuple[int, int] = (640, 480)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (40, 120, 60)).save(out, "JPEG")
    return out.getvalue()


def story(area, **fields):  # type: ignore[no-untyped-def]
    return {"kind": "story", "title": "Thanh niên Suối Mây phát quang hành lang điện", "body_md": BODY,
            "area_id": str(area.id), "person_name": "Hà Văn Khởi", "deed": "Dọn cỏ quanh trạm biến áp",
            **fields}


def send(client, data: dict, image: bytes | None = None, name: str = "anh.jpg"):  # type: ignore[no-untyped-def]
    files = {"image_file": FileStorage(BytesIO(image), name)} if image is not None else {}
    # Encoded here, in memory: the test client spools a big body to a temporary file it never closes.
    boundary, body = encode_multipart(MultiDict({**data, **files, "csrf_token": csrf_token(client, NEW)}))
    return client.post(NEW, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def count(session, model) -> int:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    return session.scalar(select(func.count()).select_from(model)) or 0


def page_of(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def test_an_image_uploaded_with_the_story_is_stored_and_attached(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world, image_alt=ALT), jpeg())
    assert response.status_code == 302, page_of(response)
    message = session.scalar(select(Message))
    assert message.image is not None and message.image.alt_text == ALT
    assert (message.image.width, message.image.height) == (640, 480)
    shown = page_of(client.get(response.headers["Location"]))
    assert f'alt="{ALT}"' in shown


def test_a_library_image_is_picked_by_id(client, session, world):
    log_in(client, "bientap")
    send(client, story(world, title="Tin có ảnh", image_alt=ALT), jpeg())
    item = session.scalar(select(MediaItem))
    response = send(client, story(world, title="Tin dùng lại ảnh", image_id=str(item.id)))
    assert response.status_code == 302
    session.rollback()
    reused = session.scalar(select(Message).where(Message.title == "Tin dùng lại ảnh"))
    assert reused.image_id == item.id
    assert count(session, MediaItem) == 1


def test_a_file_that_is_not_an_image_is_refused_on_the_form_keeping_the_text(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world, image_alt=ALT), b"%PDF-1.7 not a photo", name="anh.jpg")
    assert response.status_code == 400
    page = page_of(response)
    assert "không phải ảnh JPEG, PNG hoặc WebP" in page
    assert BODY in page and "Hà Văn Khởi" in page and ALT in page
    assert count(session, Message) == 0 and count(session, MediaItem) == 0


def test_an_image_heavier_than_the_limit_is_a_field_error_not_a_lost_form(client, session, world):
    log_in(client, "bientap")
    heavy = jpeg() + os.urandom(6 * 1024 * 1024)  # trailing bytes: still a JPEG, now 6 MB
    response = send(client, story(world, image_alt=ALT), heavy)
    assert response.status_code == 400
    page = page_of(response)
    assert "vượt giới hạn 5 MB" in page
    assert BODY in page and "Hà Văn Khởi" in page
    assert count(session, Message) == 0


def test_an_image_without_alt_text_is_refused_next_to_its_field(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world), jpeg())
    assert response.status_code == 400
    assert 'id="image_alt_text-error"' in page_of(response)
    assert count(session, MediaItem) == 0


def test_a_good_image_with_a_refused_message_stays_in_the_library_and_stays_picked(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world, title="", image_alt=ALT), jpeg())
    assert response.status_code == 400
    page = page_of(response)
    assert "Tiêu đề không được để trống." in page
    item = session.scalar(select(MediaItem))
    assert item is not None, "the upload was lost with the refused message"
    assert f'name="image_id" value="{item.id}" checked' in page


def test_an_image_that_no_longer_exists_is_a_field_error(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world, image_id="987654"))
    assert response.status_code == 400
    page = page_of(response)
    assert "Ảnh đã chọn không còn trong thư viện" in page and BODY in page


def test_an_unreadable_field_and_a_broken_rule_are_reported_together(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world, deed_on="31/02/2026", person_name=""))
    assert response.status_code == 400
    page = page_of(response)
    assert "Ngày không hợp lệ" in page
    assert "cần tên người được nêu gương" in page


def test_an_unknown_place_for_the_person_is_refused(client, session, world):
    log_in(client, "bientap")
    response = send(client, story(world, person_area_id="424242"))
    assert response.status_code == 400
    assert "không phải địa bàn có trong hệ thống" in page_of(response)
    assert count(session, Message) == 0


def test_the_portal_masks_an_unconsented_name_in_the_image_alt_text_too(client, session, world, now):
    from datetime import timedelta

    from campaigns.models import ChannelKind
    from campaigns.planning import plan_deliveries
    from content.messages import transition_message
    from scheduler.dispatch import run_tick
    from tests.factories import make_channel

    log_in(client, "bientap")
    send(client, story(world, image_alt="Anh Hà Văn Khởi đang phát quang hành lang điện"), jpeg())
    message = session.scalar(select(Message))
    approver = make_user(session, role=Role.APPROVER, area=message.area)
    transition_message(session, message, "submit", actor=message.author, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=1), now=now,
                    channels=[make_channel(session, ChannelKind.PORTAL)])
    session.commit()
    run_tick(client.application.extensions["loa.sessions"], now=now + timedelta(minutes=1), worker="test")
    page = page_of(client.get(f"/tin/{message.slug}"))
    assert 'alt="Anh H.V.K. đang phát quang hành lang điện"' in page
    assert "Hà Văn Khởi" not in page
