"""The media library over HTTP: upload, the page it lands on, and the files served back safely, to whom may see them."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select

from content.media import store_image
from content.models import MediaItem, MessageStatus, Role
from tests.factories import make_area, make_published_message, make_user
from tests.web.helpers import csrf_token, log_in

LIBRARY = "/desk/media/"
ALT = "Công an xã tuyên truyền phòng cháy chữa cháy tại nhà văn hóa thôn"


def png(size: tuple[int, int] = (900, 600)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def media_root(app, tmp_path):  # type: ignore[no-untyped-def]
    app.config["MEDIA_ROOT"] = tmp_path / "media"
    return tmp_path / "media"


@pytest.fixture
def editor(session):  # type: ignore[no-untyped-def]
    user = make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    return user


def upload(client, data: bytes, name: str, alt: str = ALT, token_page: str = LIBRARY):  # type: ignore[no-untyped-def]
    return client.post(LIBRARY, data={"image": (BytesIO(data), name), "alt_text": alt,
                                      "csrf_token": csrf_token(client, token_page)},
                       content_type="multipart/form-data")


def fetch(client, path: str, **options):  # type: ignore[no-untyped-def]
    """GET and close: a served file stays open until its response is closed."""
    with client.get(path, **options) as response:
        response.get_data()
        return response


@pytest.fixture
def stored(session, media_root, editor, now):  # type: ignore[no-untyped-def]
    """An image in the library, illustrating nothing yet."""
    item = store_image(session, data=png(), original_name="a.png", alt_text=ALT, uploader=editor,
                       media_root=media_root, now=now)
    session.commit()
    return item


def urls(item: MediaItem) -> tuple[str, str]:
    return f"/media/{item.sha256}.png", f"/media/{item.sha256}-thumb.png"


def illustrate(session, message, item) -> None:  # type: ignore[no-untyped-def]
    from content.public_forms import refresh_public_forms

    session.expire_all()  # the dispatcher moved the message on in its own session
    message.image = item
    # Set here without a save: the caption the public reads is derived again, as a save would.
    refresh_public_forms(session, message)
    session.commit()


def media_count(session) -> int:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    return session.scalar(select(func.count()).select_from(MediaItem)) or 0


def test_an_uploaded_image_is_listed_and_served_with_its_sniffed_type(client, session, media_root, editor):
    log_in(client, "bientap")
    data = png()

    response = upload(client, data, "tap-huan.jpg")

    assert response.status_code == 302 and response.headers["Location"].endswith(LIBRARY)
    page = client.get(LIBRARY).get_data(as_text=True)
    assert "Đã tải ảnh lên." in page
    sha256 = re.search(r'src="/media/([0-9a-f]{64})-thumb\.png"', page).group(1)
    assert f'href="/media/{sha256}.png"' in page
    assert f'alt="{ALT}"' in page and 'width="320" height="213"' in page and "tap-huan.jpg" in page

    original = fetch(client, f"/media/{sha256}.png")
    assert original.status_code == 200
    with Image.open(BytesIO(original.data)) as served, Image.open(BytesIO(data)) as uploaded:
        assert served.tobytes() == uploaded.tobytes()  # re-saved without metadata, the same pixels
    assert original.headers["Content-Type"] == "image/png"  # what the bytes are, not what the name said
    assert original.headers["X-Content-Type-Options"] == "nosniff"
    assert original.headers["Cache-Control"] == "private, no-cache"  # not published yet

    thumb = fetch(client, f"/media/{sha256}-thumb.png")
    assert thumb.status_code == 200 and thumb.headers["Content-Type"] == "image/png"
    assert thumb.headers["X-Content-Type-Options"] == "nosniff"
    with Image.open(BytesIO(thumb.data)) as image:
        assert image.size == (320, 213)
    assert media_count(session) == 1


def test_a_file_that_is_not_an_image_is_refused_on_the_page_keeping_the_typed_alt_text(client, session, media_root,
                                                                                       editor):
    log_in(client, "bientap")

    response = upload(client, b"<?php system($_GET['c']); ?>", "anh.jpg", alt="Ảnh <b>đẹp</b> & rõ")

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'class="field-error" id="image-error"' in page
    assert "Tệp “anh.jpg” không phải ảnh JPEG, PNG hoặc WebP" in page
    assert 'value="Ảnh &lt;b&gt;đẹp&lt;/b&gt; &amp; rõ"' in page  # kept, and escaped
    assert media_count(session) == 0 and not media_root.exists()


def test_an_image_without_alt_text_is_refused_next_to_the_field(client, session, media_root, editor):
    log_in(client, "bientap")

    response = upload(client, png(), "anh.png", alt="  ")

    assert response.status_code == 400
    assert 'id="alt_text-error">Hãy nhập mô tả ảnh' in response.get_data(as_text=True)
    assert media_count(session) == 0


def test_a_request_over_the_size_limit_gets_a_413_page_in_vietnamese(app, client, session, media_root, editor):
    log_in(client, "bientap")
    app.config["MAX_CONTENT_LENGTH"] = 1000

    response = upload(client, png() + b"\0" * 5000, "to.png")

    assert response.status_code == 413
    assert "Tệp hoặc nội dung quá lớn" in response.get_data(as_text=True)
    assert media_count(session) == 0


def test_anonymous_visitors_must_log_in_for_the_library(client, media_root):
    response = client.get(LIBRARY)

    assert response.status_code == 302 and "/desk/login" in response.headers["Location"]


def test_an_image_illustrating_nothing_published_is_a_404_to_anonymous_visitors_even_with_its_etag(client, stored):
    for url in urls(stored):
        response = fetch(client, url, headers={"If-None-Match": stored.sha256})
        unknown = fetch(client, url.replace(stored.sha256, "0" * 64))
        assert response.status_code == unknown.status_code == 404
        # Word for word the page of a file that does not exist, but for the address it was asked at.
        assert response.get_data(as_text=True) == unknown.get_data(as_text=True).replace("0" * 64, stored.sha256)


def test_an_image_on_a_draft_is_a_404_to_anonymous_visitors(client, session, stored, now):
    from content.messages import MessageInput, create_message
    from content.models import MessageKind, User

    author = session.scalar(select(User).where(User.username == "bientap"))
    create_message(session, author, MessageInput(kind=MessageKind.ARTICLE, title="Cảnh giác trộm cắp dịp Tết",
                                                 body_md="Nội dung.", area_id=author.area_id,
                                                 image_id=stored.id), now=now)
    session.commit()

    assert [fetch(client, url).status_code for url in urls(stored)] == [404, 404]


@pytest.mark.parametrize("username", ["bientap", "phantich"])
def test_a_desk_user_who_may_read_messages_gets_an_unpublished_image_privately(client, session, stored, username):
    make_user(session, role=Role.ANALYST, area=make_area(session), username="phantich")
    session.commit()
    log_in(client, username)

    for url in urls(stored):
        response = fetch(client, url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "private, no-cache"


def test_a_radio_operator_gets_neither_the_library_nor_an_unpublished_image(client, session, stored):
    make_user(session, role=Role.RADIO_OPERATOR, area=make_area(session), username="truyenthanh")
    session.commit()
    log_in(client, "truyenthanh")

    assert client.get(LIBRARY).status_code == 403
    assert [fetch(client, url).status_code for url in urls(stored)] == [404, 404]


def test_the_image_of_a_published_message_is_public_and_linked_from_its_portal_page(client, session, session_factory,
                                                                                    stored, now):
    message = make_published_message(session, session_factory, now)
    illustrate(session, message, stored)

    page = client.get(f"/tin/{message.slug}").get_data(as_text=True)
    assert f'<img src="/media/{stored.sha256}.png" alt="{ALT}"' in page
    for url in urls(stored):
        response = fetch(client, url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_image_whose_message_was_archived_is_private_again(client, session, session_factory, stored, now):
    message = make_published_message(session, session_factory, now)
    illustrate(session, message, stored)
    message.status = MessageStatus.ARCHIVED
    session.commit()

    assert [fetch(client, url).status_code for url in urls(stored)] == [404, 404]


def test_an_image_is_public_once_its_approved_message_is_planned_so_platforms_can_fetch_it(client, session, stored,
                                                                                          now):
    from datetime import timedelta

    from campaigns.models import ChannelKind
    from campaigns.planning import plan_deliveries
    from tests.factories import make_channel
    from tests.scenarios import approved_message

    message, _editor, approver, _data = approved_message(session, now)
    message.image_id = stored.id
    session.commit()
    assert fetch(client, urls(stored)[0]).status_code == 404  # approved, but going nowhere yet
    plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=1), now=now,
                    channels=[make_channel(session, ChannelKind.TELEGRAM)])
    session.commit()
    assert fetch(client, urls(stored)[0]).status_code == 200  # Telegram fetches it while posting


def test_a_repeat_visit_gets_not_modified_from_the_content_hash(client, stored):
    log_in(client, "bientap")
    original, _ = urls(stored)
    first = fetch(client, original)

    again = fetch(client, original, headers={"If-None-Match": first.headers["ETag"]})

    assert stored.sha256 in first.headers["ETag"]
    assert again.status_code == 304


def test_an_unknown_image_is_a_404_page(client, stored):
    log_in(client, "bientap")

    response = fetch(client, "/media/" + "0" * 64 + ".png")

    assert response.status_code == 404 and "Không tìm thấy ảnh này." in response.get_data(as_text=True)


@pytest.mark.parametrize("name", [
    "{h}.jpg", "{h}-thumb.webp",  # the wrong extension for a PNG
    "{H}.png", "{h}.PNG", "{h63}.png", "{h}0.png", "{h}", "{h}-thumb", "{h}-small.png", "{h}.png.html", "x.png",
    "..%2F..%2Finstance%2Fsecret_key", "%2E%2E%2F{h}.png",
], ids=["wrong-ext", "wrong-ext-thumb", "upper-case", "upper-ext", "short", "long", "no-ext", "thumb-no-ext",
        "unknown-suffix", "double-ext", "not-a-hash", "traversal", "encoded-dots"])
def test_a_malformed_file_name_is_a_404_even_for_an_editor(client, stored, name):
    log_in(client, "bientap")
    h = stored.sha256

    response = fetch(client, "/media/" + name.format(h=h, H=h.upper(), h63=h[:63]))

    assert response.status_code == 404


def test_the_old_addresses_by_sequential_id_are_gone(client, stored):
    log_in(client, "bientap")

    assert fetch(client, f"/desk/media/{stored.id}/file").status_code == 404
    assert fetch(client, f"/desk/media/{stored.id}/thumb").status_code == 404


@pytest.mark.parametrize(("role", "username"), [(Role.APPROVER, "kiemduyet"), (Role.RADIO_OPERATOR, "truyenthanh")])
def test_a_role_without_the_upload_permission_gets_no_form_and_a_403(client, session, media_root, role, username):
    make_user(session, role=role, area=make_area(session), username=username)
    session.commit()
    log_in(client, username)

    page = client.get(LIBRARY)
    if role is Role.APPROVER:  # sees the library, may not add to it
        assert "Thư viện ảnh" in page.get_data(as_text=True)
        assert 'enctype="multipart/form-data"' not in page.get_data(as_text=True)
    assert upload(client, png(), "anh.png", token_page="/desk/password").status_code == 403
    assert media_count(session) == 0


def test_the_library_is_paged_newest_first(app, client, session, media_root, editor, now):
    from datetime import timedelta

    app.config["PAGE_SIZE"] = 2
    for n in range(3):
        store_image(session, data=png((100 + n, 100)), original_name=f"anh-{n}.png", alt_text=f"Ảnh số {n}",
                    uploader=editor, media_root=media_root, now=now + timedelta(minutes=n))
    session.commit()
    log_in(client, "bientap")

    first = client.get(LIBRARY).get_data(as_text=True)
    second = client.get(LIBRARY + "?page=2").get_data(as_text=True)

    assert first.index("Ảnh số 2") < first.index("Ảnh số 1") and "Ảnh số 0" not in first
    assert "Trang 1 / 2" in first and "Ảnh số 0" in second and "Ảnh số 2" not in second
