"""Uploaded images: the type comes from the bytes, refusals leave nothing behind, the same bytes are stored once."""

from __future__ import annotations

import hashlib
import struct
import zlib
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms, PngImagePlugin
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import content.media
from content.errors import InvalidInput, PermissionDenied
from content.media import MB, format_size, list_media, media_path, page_media, store_image, thumbnail_size
from content.models import AuditLog, MediaItem, Role, User
from tests.factories import make_area, make_user
from tests.samples import image_bytes

ALT = "Cán bộ công an xã hướng dẫn người dân cài ứng dụng VNeID"


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture: the shape of a decompression bomb."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def decode(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image


@pytest.fixture
def editor(session: Session) -> User:
    return make_user(session, role=Role.EDITOR, area=make_area(session))


@pytest.fixture
def store(session: Session, editor: User, tmp_path: Path, now: datetime):  # type: ignore[no-untyped-def]
    def store(data: bytes, name: str = "anh.png", alt: str = ALT, **options: object) -> MediaItem:
        return store_image(session, data=data, original_name=name, alt_text=alt, uploader=editor,
                           media_root=tmp_path, now=now, **options)  # type: ignore[arg-type]
    return store


def media_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(MediaItem)) or 0


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def refusal(store, data: bytes, **kwargs: object) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        store(data, **kwargs)
    return caught.value.errors


def assert_nothing_stored(session: Session, root: Path) -> None:
    assert media_count(session) == 0
    assert stored_files(root) == []


@pytest.mark.parametrize(("fmt", "mime", "extension"), [
    ("PNG", "image/png", "png"), ("JPEG", "image/jpeg", "jpg"), ("WEBP", "image/webp", "webp"),
])
def test_an_image_is_stored_with_its_sniffed_type_size_and_a_thumbnail_at_most_320_px(
    store, session, editor, tmp_path, now, fmt, mime, extension
):
    data = image_bytes(fmt, size=(1200, 900))

    item = store(data, name="Ảnh tập huấn.bin")

    assert (item.mime_type, item.width, item.height) == (mime, 1200, 900)
    assert (item.alt_text, item.original_name, item.uploaded_by_id, item.created_at) == (ALT, "Ảnh tập huấn.bin", editor.id, now)
    original = media_path(item, tmp_path)
    assert original == tmp_path / item.sha256[:2] / item.sha256[2:4] / f"{item.sha256}.{extension}"
    stored = original.read_bytes()  # re-saved without metadata, so named and measured as stored
    assert item.sha256 == hashlib.sha256(stored).hexdigest() and item.byte_size == len(stored)
    assert (decode(original).format, decode(original).size) == (fmt, (1200, 900))
    thumb_path = media_path(item, tmp_path, thumbnail=True)
    assert thumb_path == tmp_path / "thumbs" / item.sha256[:2] / item.sha256[2:4] / f"{item.sha256}.{extension}"
    thumb = decode(thumb_path)
    assert thumb.format == fmt
    assert thumb.size == (320, 240) == thumbnail_size(1200, 900)
    assert session.scalars(select(AuditLog.action).where(AuditLog.object_id == item.id)).all() == ["media.upload"]


def test_a_small_image_keeps_its_size_in_the_thumbnail(store, tmp_path):
    item = store(image_bytes("PNG", size=(200, 120)))

    assert decode(media_path(item, tmp_path, thumbnail=True)).size == (200, 120)


def test_a_png_named_like_a_jpeg_is_stored_as_the_png_it_is(store, tmp_path):
    item = store(image_bytes("PNG"), name="anh.jpg")

    assert item.mime_type == "image/png"
    assert media_path(item, tmp_path).suffix == ".png"


NOT_AN_IMAGE = "không phải ảnh JPEG, PNG hoặc WebP"
BROKEN = "bị hỏng hoặc chưa được tải lên trọn vẹn"


@pytest.mark.parametrize(("payload", "name", "expected"), [
    (b"Day la van ban, khong phai anh.\n", "ghichu.jpg", NOT_AN_IMAGE),
    (b"<!doctype html><html><body><script>alert(1)</script></body></html>", "trang.jpg", NOT_AN_IMAGE),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.svg",
     NOT_AN_IMAGE),
    (b"<?php system($_GET['c']); ?>", "anh.jpg", NOT_AN_IMAGE),
    (b"\xff\xd8\xff\xe0<?php system($_GET['c']); ?>", "anh.jpg", BROKEN),  # a JPEG signature, then a script
    (image_bytes("GIF", mode="P", colour=1), "dong.gif", NOT_AN_IMAGE),  # a real image, in a format we don't take
    (image_bytes("BMP"), "anh.png", NOT_AN_IMAGE),
], ids=["text", "html", "svg", "php", "php-behind-jpeg-magic", "gif", "bmp"])
def test_a_payload_that_is_not_a_jpeg_png_or_webp_is_refused_whatever_its_name(store, session, tmp_path, payload, name,
                                                                                 expected):
    errors = refusal(store, payload, name=name)

    assert set(errors) == {"image"}
    assert f"“{name}”" in errors["image"] and expected in errors["image"]
    assert_nothing_stored(session, tmp_path)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_image_is_refused_as_broken(store, session, tmp_path, fmt):
    # Noise, so the cut falls in the middle of the picture data rather than in padding.
    noise = Image.effect_noise((400, 300), 80).convert("RGB")
    out = BytesIO()
    noise.save(out, fmt)
    data = out.getvalue()

    errors = refusal(store, data[: len(data) * 2 // 3], name="chup.jpg")

    assert BROKEN in errors["image"]
    assert_nothing_stored(session, tmp_path)


def test_an_image_over_the_size_limit_is_refused_with_its_size_in_the_message(store, session, tmp_path):
    errors = refusal(store, image_bytes("PNG") + b"\0" * (int(7.2 * MB) - len(image_bytes("PNG"))))

    assert errors == {"image": "Ảnh nặng 7,2 MB, vượt giới hạn 5 MB."}
    assert_nothing_stored(session, tmp_path)


def test_the_size_limit_can_be_set_by_the_caller(store, session, tmp_path):
    data = image_bytes("PNG", size=(300, 300))

    errors = refusal(store, data, max_bytes=len(data) - 1)

    assert errors["image"].startswith("Ảnh nặng") and format_size(len(data) - 1) in errors["image"]
    assert store(data, max_bytes=len(data)).mime_type == "image/png"


@pytest.mark.parametrize(("width", "height", "expected"), [
    (8000, 6000, "8000 × 6000 điểm ảnh (48,0 megapixel), vượt giới hạn 40 megapixel"),  # our limit
    (10000, 10000, "10000 × 10000 điểm ảnh (100,0 megapixel)"),  # Pillow warns (DecompressionBombWarning)
    (20000, 20000, "quá nhiều điểm ảnh, vượt xa giới hạn 40 megapixel"),  # Pillow refuses (DecompressionBombError)
])
def test_an_image_claiming_too_many_pixels_is_refused_before_it_is_decoded(store, session, tmp_path, width, height,
                                                                           expected):
    errors = refusal(store, png_claiming(width, height))

    assert expected in errors["image"]
    assert_nothing_stored(session, tmp_path)


@pytest.mark.parametrize("alt", ["", "   \n\t "])
def test_an_image_without_alt_text_is_refused(store, session, tmp_path, alt):
    errors = refusal(store, image_bytes("PNG"), alt=alt)

    assert set(errors) == {"alt_text"} and "người khiếm thị" in errors["alt_text"]
    assert_nothing_stored(session, tmp_path)


def test_alt_text_longer_than_the_column_is_refused_and_both_problems_are_reported_together(store, session, tmp_path):
    errors = refusal(store, b"khong phai anh", alt="a" * 501)

    assert errors["alt_text"] == "Mô tả ảnh dài 501 ký tự, tối đa 500 ký tự."
    assert "không phải ảnh" in errors["image"]
    assert_nothing_stored(session, tmp_path)


def test_an_empty_upload_asks_for_an_image(store, session, tmp_path):
    assert refusal(store, b"") == {"image": "Hãy chọn một ảnh để tải lên."}
    assert_nothing_stored(session, tmp_path)


def test_alt_text_and_file_name_are_tidied(store):
    item = store(image_bytes("PNG"), name="C:\\fakepath\\ảnh\x00 thôn.png", alt="  Người dân\n  họp tổ  ")

    assert (item.original_name, item.alt_text) == ("ảnh thôn.png", "Người dân họp tổ")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_same_bytes_uploaded_twice_give_one_item_and_one_set_of_files(store, session, tmp_path, fmt):
    data = image_bytes(fmt)

    first = store(data, name="mot.jpg")
    second = store(data, name="hai.jpg", alt="Mô tả khác")

    assert second.id == first.id and second.alt_text == ALT
    assert media_count(session) == 1
    assert stored_files(tmp_path) == sorted([media_path(first, tmp_path), media_path(first, tmp_path, thumbnail=True)])


def test_a_duplicate_whose_files_went_missing_gets_them_written_again(store, tmp_path):
    data = image_bytes("PNG")
    item = store(data)
    cleaned = media_path(item, tmp_path).read_bytes()
    media_path(item, tmp_path).unlink()
    media_path(item, tmp_path, thumbnail=True).unlink()

    assert store(data).id == item.id
    assert media_path(item, tmp_path).read_bytes() == cleaned
    assert media_path(item, tmp_path, thumbnail=True).is_file()


def test_the_same_bytes_stored_concurrently_return_the_row_that_won(store, session, tmp_path, monkeypatch):
    data = image_bytes("PNG")
    winner = store(data)
    real_find = content.media._find_by_hash
    calls: list[str] = []

    def find_nothing_the_first_time(session: Session, digest: str) -> MediaItem | None:
        calls.append(digest)  # the first look-up runs before the other upload's row exists
        return None if len(calls) == 1 else real_find(session, digest)

    monkeypatch.setattr(content.media, "_find_by_hash", find_nothing_the_first_time)

    assert store(data).id == winner.id
    assert len(calls) == 2 and media_count(session) == 1
    session.flush()  # the session is still usable: only the savepoint was rolled back


def test_no_temporary_files_are_left_behind(store, tmp_path):
    store(image_bytes("WEBP"))

    assert [p.name for p in tmp_path.rglob(".upload-*")] == []


GPS = {1: "N", 2: (21.0, 1.0, 30.5), 3: "E", 4: (105.0, 51.0, 2.0)}  # a house in Hà Nội, to the metre


def sideways_photo(fmt: str = "JPEG", **options: object) -> bytes:
    """Red on the left, blue on the right, stored sideways with "rotate 90° clockwise" in its EXIF, as cameras do."""
    photo = Image.new("RGB", (800, 400), (220, 0, 0))
    photo.paste((0, 0, 220), (400, 0, 800, 400))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "May anh bi mat"  # the camera make
    exif[0x8825] = GPS
    out = BytesIO()
    photo.save(out, fmt, exif=exif, **options)
    return out.getvalue()


def assert_red_above_blue(image: Image.Image) -> None:
    width, height = image.size
    top, bottom = image.getpixel((width // 2, height // 8)), image.getpixel((width // 2, height * 7 // 8))
    assert top[0] > 150 and top[2] < 80
    assert bottom[2] > 150 and bottom[0] < 80


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def test_an_exif_rotated_photo_gets_an_upright_thumbnail_and_its_upright_size_without_its_exif(store, tmp_path):
    item = store(sideways_photo(quality=95), name="chup.jpg")

    assert (item.width, item.height) == (400, 800)
    thumb = decode(media_path(item, tmp_path, thumbnail=True))
    assert thumb.size == (160, 320)
    assert_red_above_blue(thumb)
    assert dict(thumb.getexif()) == {}
    assert b"May anh bi mat" not in media_path(item, tmp_path, thumbnail=True).read_bytes()


def test_a_photo_is_stored_upright_without_its_gps_position_or_any_other_metadata_but_keeps_its_colour_profile(
    store, tmp_path
):
    profile = srgb_profile()  # once: a profile carries the second it was made in
    data = sideways_photo(quality=95, icc_profile=profile, comment=b"Nguoi chup: Tran Van B",
                          xmp=b"<x:xmpmeta><City>Ha Noi</City></x:xmpmeta>")

    item = store(data, name="to-giac.jpg")

    stored = media_path(item, tmp_path).read_bytes()
    original = decode(media_path(item, tmp_path))
    assert dict(original.getexif()) == {} and original.getexif().get_ifd(0x8825) == {}
    assert b"Exif\0\0" not in stored and b"May anh bi mat" not in stored
    assert b"Tran Van B" not in stored and b"Ha Noi" not in stored and b"xmpmeta" not in stored
    assert original.info["icc_profile"] == profile
    assert original.size == (400, 800) == (item.width, item.height)
    assert_red_above_blue(original)
    assert item.sha256 == hashlib.sha256(stored).hexdigest()


@pytest.mark.parametrize("turned", [False, True], ids=["upright", "turned"])
def test_a_jpeg_is_re_saved_at_the_quality_its_camera_chose(store, tmp_path, turned):
    noise = Image.effect_noise((640, 480), 60).convert("RGB")
    out = BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6 if turned else 1
    noise.save(out, "JPEG", quality=60, exif=exif)
    with Image.open(BytesIO(out.getvalue())) as source:
        tables = source.quantization

    item = store(out.getvalue(), name="anh.jpg")

    assert decode(media_path(item, tmp_path)).quantization == tables
    assert item.byte_size < len(out.getvalue()) * 1.2  # not blown up by a fixed, higher quality


def test_a_png_loses_its_text_chunks_and_exif_but_keeps_its_pixels_and_transparency(store, tmp_path):
    logo = Image.new("P", (64, 64), 0)
    logo.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    logo.paste(1, (0, 0, 32, 64))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Nguyen Van A, 0912 345 678")
    text.add_itxt("Comment", "Ảnh chụp tại nhà ông A", zip=True)
    exif = Image.Exif()
    exif[0x8825] = GPS
    out = BytesIO()
    logo.save(out, "PNG", pnginfo=text, exif=exif, transparency=0)

    item = store(out.getvalue(), name="logo.png")

    stored = media_path(item, tmp_path).read_bytes()
    original = decode(media_path(item, tmp_path))
    assert original.text == {} and dict(original.getexif()) == {}
    assert b"tEXt" not in stored and b"iTXt" not in stored and b"eXIf" not in stored and b"Nguyen" not in stored
    with Image.open(BytesIO(out.getvalue())) as source:
        assert ImageChops.difference(original.convert("RGBA"), source.convert("RGBA")).getbbox() is None


@pytest.mark.parametrize(("options", "chunk"), [({"lossless": True}, b"VP8L"), ({"quality": 80}, b"VP8 ")],
                         ids=["lossless", "lossy"])
def test_a_webp_stays_as_lossless_as_it_was_and_loses_its_exif(store, tmp_path, options, chunk):
    item = store(sideways_photo("WEBP", **options), name="anh.webp")

    stored = media_path(item, tmp_path).read_bytes()
    assert stored[12:16] == chunk and b"EXIF" not in stored and b"May anh bi mat" not in stored
    original = decode(media_path(item, tmp_path))
    assert original.size == (400, 800) and dict(original.getexif()) == {}
    assert_red_above_blue(original)


def test_a_multi_picture_phone_jpeg_is_stored_as_a_plain_jpeg_of_its_first_picture(store, tmp_path):
    photo, depth_map = Image.new("RGB", (300, 200), (220, 0, 0)), Image.new("RGB", (300, 200), (0, 0, 220))
    out = BytesIO()
    photo.save(out, "MPO", save_all=True, append_images=[depth_map])

    item = store(out.getvalue(), name="chup.jpg")

    original = decode(media_path(item, tmp_path))
    assert item.mime_type == "image/jpeg" and original.format == "JPEG"
    assert getattr(original, "n_frames", 1) == 1 and original.getpixel((150, 100))[0] > 150


def test_whatever_follows_the_picture_in_the_file_is_not_stored(store, tmp_path):
    item = store(image_bytes("PNG") + b"<?php system($_GET['c']); ?>", name="anh.png")

    assert b"<?php" not in media_path(item, tmp_path).read_bytes()


def test_a_palette_png_with_transparency_keeps_it_in_the_thumbnail(store, tmp_path):
    logo = Image.new("P", (640, 640), 0)
    logo.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    logo.paste(1, (0, 0, 320, 640))
    out = BytesIO()
    logo.save(out, "PNG", transparency=0)

    item = store(out.getvalue())

    thumb = decode(media_path(item, tmp_path, thumbnail=True))
    assert thumb.mode == "RGBA" and thumb.size == (320, 320)
    assert thumb.getpixel((300, 160))[3] == 0 and thumb.getpixel((20, 160))[3] == 255


def test_a_role_without_the_upload_permission_may_not_upload(session, tmp_path, now):
    radio = make_user(session, role=Role.RADIO_OPERATOR, area=make_area(session))

    with pytest.raises(PermissionDenied):
        store_image(session, data=image_bytes("PNG"), original_name="a.png", alt_text=ALT, uploader=radio,
                    media_root=tmp_path, now=now)
    assert_nothing_stored(session, tmp_path)


def test_the_library_lists_newest_first_a_page_at_a_time(session, editor, tmp_path, now):
    items = [store_image(session, data=image_bytes("PNG", colour=(n, n, n)), original_name=f"{n}.png",
                         alt_text=f"Ảnh {n}", uploader=editor, media_root=tmp_path, now=now + timedelta(minutes=n))
             for n in range(5)]

    assert list_media(session, limit=2) == [items[4], items[3]]
    first, last = page_media(session, page=1, per_page=2), page_media(session, page=3, per_page=2)
    assert (first.items, first.total, first.pages, first.has_next) == ([items[4], items[3]], 5, 3, True)
    assert (last.items, last.has_next, last.has_prev) == ([items[0]], False, True)


def test_a_malformed_hash_never_becomes_a_path(tmp_path):
    item = MediaItem(sha256="../../etc/passwd" + "0" * 48, mime_type="image/png")

    with pytest.raises(ValueError):
        media_path(item, tmp_path)


@pytest.mark.parametrize(("byte_count", "text"), [
    (5 * MB, "5 MB"), (int(7.2 * MB), "7,2 MB"), (1536, "1,5 KB"), (2048, "2 KB"), (900, "900 byte"),
])
def test_sizes_are_written_the_vietnamese_way(byte_count, text):
    assert format_size(byte_count) == text


@pytest.mark.parametrize(("size", "expected"), [
    ((1200, 900), (320, 240)), ((900, 1200), (240, 320)), ((4000, 10), (320, 1)), ((333, 333), (320, 320)),
    ((1001, 333), (320, 106)), ((100, 50), (100, 50)),
])
def test_thumbnail_size_matches_what_pillow_makes(size, expected):
    image = Image.new("L", size)
    image.thumbnail((320, 320))

    assert thumbnail_size(*size) == image.size == expected
