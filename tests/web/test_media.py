"""The media library over HTTP: upload, the page it lands on, and the files served back safely."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select

from content.media import store_image
from content.models import MediaItem, Role
from tests.factories import make_area, make_user
from tests.web.test_thin_path import csrf_token, log_in

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


def upload(client, data: bytes, name: str, alt: str = ALT):  # type: ignore[no-untyped-def]
    return client.post(LIBRARY, data={"image": (BytesIO(data), name), "alt_text": alt,
                                      "csrf_token": csrf_token(client, LIBRARY)},
                       content_type="multipart/form-data")


def fetch(client, path: str, **options):  # type: ignore[no-untyped-def]
    """GET and close: a served file stays open until its response is closed."""
    with client.get(path, **options) as response:
        response.get_data()
        return response


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
    item_id = int(re.search(r'src="/desk/media/(\d+)/thumb"', page).group(1))
    assert f'alt="{ALT}"' in page and 'width="320" height="213"' in page and "tap-huan.jpg" in page

    original = fetch(client, f"/desk/media/{item_id}/file")
    assert original.status_code == 200
    with Image.open(BytesIO(original.data)) as served, Image.open(BytesIO(data)) as uploaded:
        assert served.tobytes() == uploaded.tobytes()  # re-saved without metadata, the same pixels
    assert original.headers["Content-Type"] == "image/png"  # what the bytes are, not what the name said
    assert original.headers["X-Content-Type-Options"] == "nosniff"
    assert original.headers["Cache-Control"] == "public, max-age=31536000, immutable"

    thumb = fetch(client, f"/desk/media/{item_id}/thumb")
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


def test_anonymous_visitors_must_log_in_for_the_library_but_may_fetch_a_file(client, session, media_root, editor, now):
    item = store_image(session, data=png(), original_name="a.png", alt_text=ALT, uploader=editor,
                       media_root=media_root, now=now)
    session.commit()

    response = client.get(LIBRARY)
    assert response.status_code == 302 and "/desk/login" in response.headers["Location"]
    assert fetch(client, f"/desk/media/{item.id}/file").status_code == 200
    assert fetch(client, f"/desk/media/{item.id}/thumb").status_code == 200


def test_a_repeat_visit_gets_not_modified_from_the_content_hash(client, session, media_root, editor, now):
    item = store_image(session, data=png(), original_name="a.png", alt_text=ALT, uploader=editor,
                       media_root=media_root, now=now)
    session.commit()
    first = fetch(client, f"/desk/media/{item.id}/file")

    again = fetch(client, f"/desk/media/{item.id}/file", headers={"If-None-Match": first.headers["ETag"]})

    assert item.sha256 in first.headers["ETag"]
    assert again.status_code == 304


def test_an_unknown_image_is_a_404_page(client, media_root):
    response = fetch(client, "/desk/media/999999/file")

    assert response.status_code == 404 and "Không tìm thấy ảnh này." in response.get_data(as_text=True)


def test_a_radio_operator_sees_the_library_but_may_not_upload(client, session, media_root):
    make_user(session, role=Role.RADIO_OPERATOR, area=make_area(session), username="truyenthanh")
    session.commit()
    log_in(client, "truyenthanh")

    page = client.get(LIBRARY).get_data(as_text=True)
    assert "Thư viện ảnh" in page and 'enctype="multipart/form-data"' not in page
    assert upload(client, png(), "anh.png").status_code == 403
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
