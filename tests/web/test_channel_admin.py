"""Admins set up channels: settings checked per kind, the credential sealed and never shown back whole."""

from __future__ import annotations

import html

from sqlalchemy import select

from campaigns.credentials import unseal
from campaigns.models import Channel, ChannelKind
from content.models import AuditLog, Role
from tests.factories import make_area, make_channel, make_user
from tests.web.test_thin_path import csrf_token, log_in

TOKEN = "7301234567:AAFakeTokenXaHoaPhong_0123456789abc"


def admin(client, session):  # type: ignore[no-untyped-def]
    make_user(session, role=Role.ADMIN, area=None, username="quantri")
    session.commit()
    log_in(client, "quantri")


def post(client, path: str, data: dict):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)})


def page(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def test_a_telegram_channel_is_created_with_its_token_sealed(app, client, session):
    admin(client, session)
    response = post(client, "/admin/channels/new/telegram", {"name": "Telegram Công an xã Đồng Sậy",
                                                             "chat_id": "@anninh_dongsay", "secret": TOKEN,
                                                             "is_enabled": "on"})
    assert response.status_code == 302
    channel = session.scalar(select(Channel))
    assert channel.settings == {"chat_id": "@anninh_dongsay"}
    assert TOKEN not in (channel.secret_ciphertext or "")
    assert unseal(app.config["CREDENTIALS_KEY"], channel.secret_ciphertext) == TOKEN
    listing = page(client.get("/admin/channels/"))
    assert TOKEN not in listing and "••••••9abc" in listing
    audit = session.scalar(select(AuditLog).where(AuditLog.action == "channel.create"))
    assert TOKEN not in str(audit.detail)


def test_bad_settings_are_field_errors_and_keep_what_was_typed(client, session):
    admin(client, session)
    response = post(client, "/admin/channels/new/webhook", {"name": "Hệ thống tin nhắn huyện", "url": "ftp://nhan-tin",
                                                            "secret": "khoa-ky-bi-mat-dai-du-32-ky-tu-xx"})
    assert response.status_code == 400
    text = page(response)
    assert "https://" in text and "Hệ thống tin nhắn huyện" in text and "ftp://nhan-tin" in text
    assert "khoa-ky-bi-mat" not in text  # a password field is never filled back
    assert session.scalar(select(Channel)) is None


def test_a_social_channel_without_a_credential_is_refused(client, session):
    admin(client, session)
    response = post(client, "/admin/channels/new/facebook", {"name": "Trang Công an xã", "page_id": "1029384756"})
    assert response.status_code == 400 and "cần khóa bí mật" in page(response)


def test_a_wrong_telegram_chat_is_explained(client, session):
    admin(client, session)
    response = post(client, "/admin/channels/new/telegram", {"name": "Kênh", "chat_id": "anninh dong say",
                                                             "secret": TOKEN})
    assert response.status_code == 400 and "@ten_kenh" in page(response)


def test_editing_with_the_secret_blank_keeps_it_and_a_fix_clears_the_alarm(app, client, session):
    admin(client, session)
    post(client, "/admin/channels/new/telegram", {"name": "Kênh cũ", "chat_id": "@anninh_dongsay", "secret": TOKEN,
                                                  "is_enabled": "on"})
    channel = session.scalar(select(Channel))
    sealed = channel.secret_ciphertext
    channel.needs_attention = "Telegram từ chối mã truy cập (401)"
    session.commit()
    post(client, f"/admin/channels/{channel.id}", {"name": "Kênh mới tên", "chat_id": "@anninh_dongsay", "is_enabled": "on"})
    session.rollback()  # a fresh snapshot: see what the app committed
    session.refresh(channel)
    assert (channel.name, channel.secret_ciphertext) == ("Kênh mới tên", sealed)
    assert channel.needs_attention is not None  # a rename is not a fix
    fixed = post(client, f"/admin/channels/{channel.id}", {"name": "Kênh mới tên", "chat_id": "@anninh_dongsay",
                                                           "secret": TOKEN.replace("abc", "xyz"), "is_enabled": "on"})
    assert fixed.status_code == 302, page(fixed)
    session.rollback()  # a fresh snapshot: see what the app committed
    session.refresh(channel)
    assert channel.needs_attention is None and channel.secret_ciphertext != sealed


def test_the_alarm_can_be_cleared_after_a_fix_made_on_the_platform(client, session):
    admin(client, session)
    channel = make_channel(session, ChannelKind.FACEBOOK, name="Trang xã", needs_attention="Mã 200: thiếu quyền")
    session.commit()
    client.post(f"/admin/channels/{channel.id}/resolve", data={"csrf_token": csrf_token(client, "/admin/channels/")})
    session.rollback()  # a fresh snapshot: see what the app committed
    session.refresh(channel)
    assert channel.needs_attention is None
    assert session.scalar(select(AuditLog).where(AuditLog.action == "channel.resolve")) is not None


def test_only_admins_manage_channels(client, session):
    make_user(session, role=Role.APPROVER, area=make_area(session), username="pheduyet")
    session.commit()
    log_in(client, "pheduyet")
    assert client.get("/admin/channels/").status_code == 403
