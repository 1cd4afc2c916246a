"""Admins set up channels: settings checked per kind, the credential sealed and never shown back whole."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from campaigns.credentials import generate_key, set_channel_secret, unseal
from campaigns.models import Channel, ChannelKind
from content.models import AuditLog, Role
from tests.factories import make_area, make_channel, make_user
from tests.web.helpers import csrf_token, log_in

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


# -- channels belong to an area ------------------------------------------------------------------

def area_admin(client, session, area, username: str = "quantri_tinh"):  # type: ignore[no-untyped-def]
    make_user(session, role=Role.ADMIN, area=area, username=username)
    session.commit()
    log_in(client, username)


def post_from_list(client, path: str, data: dict):  # type: ignore[no-untyped-def]
    """A POST with a token from the channel list: the page of a refused channel has no form to take one from."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/admin/channels/")})


def denials(session, channel_id: int) -> int:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    return len(session.scalars(select(AuditLog).where(AuditLog.action == "denied", AuditLog.object_type == "channel",
                                                      AuditLog.object_id == channel_id)).all())


def test_an_admin_of_another_area_can_neither_list_nor_open_nor_change_a_channel(app, client, session):
    son_lam, binh_nguyen = make_area(session, name="Tỉnh Sơn Lâm"), make_area(session, name="Tỉnh Bình Nguyên")
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Telegram Công an tỉnh Bình Nguyên", area=binh_nguyen,
                           settings={"chat_id": "@anninh_binhnguyen"})
    set_channel_secret(channel, app.config.setdefault("CREDENTIALS_KEY", generate_key()), TOKEN)
    channel.needs_attention = "Mã 401"
    area_admin(client, session, son_lam)
    assert "Bình Nguyên" not in page(client.get("/admin/channels/"))
    shown = client.get(f"/admin/channels/{channel.id}")
    assert shown.status_code == 403 and "@anninh_binhnguyen" not in page(shown) and "9abc" not in page(shown)
    changed = post_from_list(client, f"/admin/channels/{channel.id}", {"name": "Đã chiếm", "chat_id": "@kenh_la_mat",
                                                                       "secret": TOKEN, "is_enabled": "on"})
    assert changed.status_code == 403
    assert post_from_list(client, f"/admin/channels/{channel.id}/resolve", {}).status_code == 403
    assert denials(session, channel.id) == 3
    session.refresh(channel)
    assert (channel.name, channel.settings, channel.needs_attention) == (
        "Telegram Công an tỉnh Bình Nguyên", {"chat_id": "@anninh_binhnguyen"}, "Mã 401")


def test_a_nationwide_channel_is_only_for_nationwide_admins(client, session):
    commune = make_area(session, parent=make_area(session, name="Tỉnh Sơn Lâm"), name="Xã Đồi Thông")
    national = make_channel(session, ChannelKind.FEED, name="RSS toàn quốc")
    area_admin(client, session, commune)
    assert "RSS toàn quốc" not in page(client.get("/admin/channels/"))
    assert client.get(f"/admin/channels/{national.id}").status_code == 403
    made = post_from_list(client, "/admin/channels/new/feed", {"name": "RSS của tôi", "area_id": "all", "is_enabled": "on"})
    assert made.status_code == 403
    assert session.scalar(select(Channel).where(Channel.name == "RSS của tôi")) is None
    assert "Cả nước" not in page(client.get("/admin/channels/new/feed"))


def test_a_new_channel_is_the_admins_own_area_or_one_inside_it(client, session):
    province = make_area(session, name="Tỉnh Sơn Lâm")
    commune = make_area(session, parent=province, name="Xã Suối Bạc")
    elsewhere = make_area(session, name="Tỉnh Bình Nguyên")
    area_admin(client, session, province)
    assert post(client, "/admin/channels/new/portal", {"name": "Cổng tỉnh", "is_enabled": "on"}).status_code == 302
    assert post(client, "/admin/channels/new/portal", {"name": "Cổng xã", "area_id": str(commune.id),
                                                       "is_enabled": "on"}).status_code == 302
    refused = post(client, "/admin/channels/new/portal", {"name": "Cổng tỉnh bạn", "area_id": str(elsewhere.id)})
    assert refused.status_code == 403
    unknown = post(client, "/admin/channels/new/portal", {"name": "Cổng lạ", "area_id": "99999999999999999999"})
    assert unknown.status_code == 400 and "Cổng lạ" in page(unknown)
    session.rollback()
    made = {c.name: c.area_id for c in session.scalars(select(Channel))}
    assert made == {"Cổng tỉnh": province.id, "Cổng xã": commune.id}
    listing = page(client.get("/admin/channels/"))
    assert "Cổng xã" in listing and "Xã Suối Bạc" in listing


def test_a_province_admin_manages_its_communes_channels(client, session):
    province = make_area(session, name="Tỉnh Sơn Lâm")
    channel = make_channel(session, ChannelKind.PORTAL, name="Cổng xã Đồi Thông",
                           area=make_area(session, parent=province, name="Xã Đồi Thông"))
    area_admin(client, session, province)
    assert post(client, f"/admin/channels/{channel.id}", {"name": "Cổng xã Đồi Thông (mới)"}).status_code == 302
    session.rollback()
    session.refresh(channel)
    assert channel.name == "Cổng xã Đồi Thông (mới)" and channel.area.name == "Xã Đồi Thông"


# -- where a webhook may point ---------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8080/loa",
    "http://169.254.169.254/latest/meta-data/iam/",
    "http://[::1]:9000/loa",
    "http://10.0.12.7/loa",
    "http://2130706433/loa",
    "http://localhost:5000/loa",
])
def test_a_webhook_to_an_internal_address_is_refused_at_save(client, session, url):
    admin(client, session)
    response = post(client, "/admin/channels/new/webhook", {"name": "Webhook nội bộ", "url": url,
                                                            "secret": "khoa-ky-bi-mat-dai-du-32-ky-tu-xx"})
    assert response.status_code == 400
    text = page(response)
    assert "địa chỉ nội bộ" in text and url in text and "Webhook nội bộ" in text
    assert session.scalar(select(Channel)) is None


def test_a_private_host_the_operator_allows_may_be_saved(app, client, session):
    app.config["WEBHOOK_ALLOWED_HOSTS"] = "hooks.noibo, 127.0.0.1"
    admin(client, session)
    response = post(client, "/admin/channels/new/webhook", {"name": "Hệ thống nhắn tin nội bộ",
                                                            "url": "http://127.0.0.1:8080/loa",
                                                            "secret": "khoa-ky-bi-mat-dai-du-32-ky-tu-xx"})
    assert response.status_code == 302, page(response)


def test_the_platforms_api_address_is_not_a_channel_setting(client, session):
    admin(client, session)
    assert 'name="api_base"' not in page(client.get("/admin/channels/new/telegram"))
    response = post(client, "/admin/channels/new/telegram", {"name": "Telegram xã", "chat_id": "@anninh_dongsay",
                                                             "api_base": "https://thu-token.example.com",
                                                             "secret": TOKEN, "is_enabled": "on"})
    assert response.status_code == 302
    assert session.scalar(select(Channel)).settings == {"chat_id": "@anninh_dongsay"}


# -- a new destination needs the secret ------------------------------------------------------------

@pytest.mark.parametrize(("kind", "settings", "moved"), [
    (ChannelKind.TELEGRAM, {"chat_id": "@anninh_dongsay"}, {"chat_id": "@kenh_cua_nguoi_la"}),
    (ChannelKind.FACEBOOK, {"page_id": "1029384756"}, {"page_id": "5647382910"}),
    (ChannelKind.WEBHOOK, {"url": "https://93.184.215.14/loa"}, {"url": "https://93.184.215.15/loa"}),
])
def test_changing_where_a_channel_sends_needs_its_secret_again(app, client, session, kind, settings, moved):
    admin(client, session)
    channel = make_channel(session, kind, name="Kênh xã Đồng Sậy", settings=settings)
    set_channel_secret(channel, app.config.setdefault("CREDENTIALS_KEY", generate_key()), TOKEN)
    session.commit()
    form = {"name": "Kênh xã Đồng Sậy", "is_enabled": "on", **moved}
    refused = post(client, f"/admin/channels/{channel.id}", form)
    assert refused.status_code == 400
    text = page(refused)
    assert "nhập lại khóa bí mật" in text and next(iter(moved.values())) in text
    session.rollback()
    session.refresh(channel)
    assert channel.settings == settings
    accepted = post(client, f"/admin/channels/{channel.id}", {**form, "secret": TOKEN})
    assert accepted.status_code == 302, page(accepted)
    session.rollback()
    session.refresh(channel)
    assert channel.settings == moved


def test_a_zalo_channel_has_no_destination_setting_to_guard(app, client, session):
    admin(client, session)
    channel = make_channel(session, ChannelKind.ZALO, name="Zalo OA xã", settings={"author": "Công an xã"})
    set_channel_secret(channel, app.config.setdefault("CREDENTIALS_KEY", generate_key()), TOKEN)
    session.commit()
    response = post(client, f"/admin/channels/{channel.id}", {"name": "Zalo OA xã", "author": "Công an xã Đồng Sậy",
                                                              "is_enabled": "on"})
    assert response.status_code == 302
