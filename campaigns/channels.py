"""Setting up destination channels: each kind's settings checked, its credential sealed, every change audited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.credentials import set_channel_secret
from campaigns.models import Channel, ChannelKind
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import User
from content.permissions import Action, authorize


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    required: bool = False
    url: bool = False  # must be an absolute http(s) address


SETTINGS: dict[ChannelKind, tuple[Setting, ...]] = {
    ChannelKind.PORTAL: (),
    ChannelKind.FEED: (),
    ChannelKind.FACEBOOK: (Setting("page_id", "Mã trang (Page ID)", required=True),),
    ChannelKind.TELEGRAM: (Setting("chat_id", "Kênh (@tên_kênh hoặc mã số -100…)", required=True),),
    ChannelKind.ZALO: (Setting("author", "Tên tác giả hiện trên bài (tối đa 50 ký tự)"),
                       Setting("default_cover_url", "Ảnh bìa mặc định (địa chỉ ảnh)", url=True)),
    ChannelKind.WEBHOOK: (Setting("url", "Địa chỉ nhận (https://…)", required=True, url=True),),
}
# Where the platform's API lives; only changed to go through a proxy or to a test double.
API_BASE = Setting("api_base", "Địa chỉ API (để trống để dùng địa chỉ chính thức)", url=True)
NEEDS_SECRET = frozenset({ChannelKind.FACEBOOK, ChannelKind.TELEGRAM, ChannelKind.ZALO, ChannelKind.WEBHOOK})
_TELEGRAM_CHAT = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{4,31}|-?\d{5,20})$")


def settings_for(kind: ChannelKind) -> tuple[Setting, ...]:
    return SETTINGS[kind] + ((API_BASE,) if kind in NEEDS_SECRET and kind is not ChannelKind.WEBHOOK else ())


@dataclass(frozen=True)
class ChannelInput:
    kind: ChannelKind
    name: str
    settings: dict[str, str] = field(default_factory=dict)
    secret: str = ""  # blank on an edit: keep the stored one
    is_enabled: bool = True


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _check(data: ChannelInput, *, has_secret: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = "Hãy đặt tên cho kênh."
    elif len(data.name) > 200:
        errors["name"] = "Tên kênh dài quá 200 ký tự."
    for setting in settings_for(data.kind):
        value = data.settings.get(setting.key, "").strip()
        if setting.required and not value:
            errors[setting.key] = f"Hãy nhập {setting.label.lower()}."
        elif value and setting.url and not _is_web_address(value):
            errors[setting.key] = "Cần một địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://)."
    chat = data.settings.get("chat_id", "").strip()
    if data.kind is ChannelKind.TELEGRAM and chat and not _TELEGRAM_CHAT.match(chat):
        errors["chat_id"] = "Kênh Telegram ghi dạng @ten_kenh hoặc mã số như -1001234567890."
    if data.kind is ChannelKind.ZALO and len(data.settings.get("author", "")) > 50:
        errors["author"] = "Tên tác giả trên Zalo tối đa 50 ký tự."
    if data.kind in NEEDS_SECRET and not data.secret.strip() and not has_secret:
        errors["secret"] = "Kênh này cần khóa bí mật (mã truy cập hoặc khóa ký) để gửi được."
    return errors


def _apply(channel: Channel, data: ChannelInput, key: str) -> None:
    channel.name = data.name.strip()
    channel.settings = {s.key: data.settings[s.key].strip() for s in settings_for(data.kind)
                        if data.settings.get(s.key, "").strip()}
    channel.is_enabled = data.is_enabled
    if data.secret.strip():
        set_channel_secret(channel, key, data.secret.strip())  # a new credential also clears the alarm


def create_channel(session: Session, actor: User, data: ChannelInput, *, key: str, now: datetime,
                   remote_addr: str | None = None) -> Channel:
    authorize(actor, Action.CHANNEL_MANAGE, None, object_type="channel")
    errors = _check(data, has_secret=False)
    if errors:
        raise InvalidInput(errors)
    channel = Channel(kind=data.kind, name="", created_at=now)
    _apply(channel, data, key)
    session.add(channel)
    session.flush()
    record_audit(session, actor=actor, action="channel.create", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr, detail={"kind": data.kind.value, "name": channel.name})
    return channel


def update_channel(session: Session, actor: User, channel: Channel, data: ChannelInput, *, key: str,
                   now: datetime, remote_addr: str | None = None) -> Channel:
    authorize(actor, Action.CHANNEL_MANAGE, None, object_type="channel", object_id=channel.id)
    data = replace_kind(data, channel.kind)
    errors = _check(data, has_secret=channel.secret_ciphertext is not None)
    if errors:
        raise InvalidInput(errors)
    _apply(channel, data, key)
    # Never the secret itself: only whether it changed.
    record_audit(session, actor=actor, action="channel.update", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr,
                 detail={"name": channel.name, "enabled": channel.is_enabled, "secret_changed": bool(data.secret.strip())})
    return channel


def replace_kind(data: ChannelInput, kind: ChannelKind) -> ChannelInput:
    """A channel's kind is fixed once made: its deliveries and links were shaped for it."""
    return ChannelInput(kind=kind, name=data.name, settings=data.settings, secret=data.secret,
                        is_enabled=data.is_enabled)


def resolve_attention(session: Session, actor: User, channel: Channel, *, now: datetime,
                      remote_addr: str | None = None) -> Channel:
    """Someone fixed the problem outside Loa (e.g. re-granted the Page): let the channel send again."""
    authorize(actor, Action.CHANNEL_MANAGE, None, object_type="channel", object_id=channel.id)
    record_audit(session, actor=actor, action="channel.resolve", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr, detail={"was": channel.needs_attention})
    channel.needs_attention = None
    return channel


def list_channels(session: Session) -> list[Channel]:
    return list(session.scalars(select(Channel).order_by(Channel.kind, Channel.name)))
