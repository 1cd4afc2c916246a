"""Setting up destination channels: each kind's settings checked, its credential sealed, every change audited.

A channel belongs to an area: the admins of that area (and above) manage it, and nobody else
sees it. A channel without an area is nationwide and only nationwide admins manage it. Where a
channel sends is in its settings, so changing that (a webhook's url, a Telegram chat, a Facebook
Page) needs the secret typed again: whoever redirects a channel must hold its credential, not just
an admin session. The platforms' own API addresses are not settings at all (operator settings
passed to the connectors), and a webhook may only point at a public address
(campaigns.destinations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from campaigns.credentials import set_channel_secret
from campaigns.destinations import NOT_WEB, check_webhook_url, resolver_within
from campaigns.models import Channel, ChannelKind
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import InvalidInput, NotFound, PermissionDenied
from content.models import Area, AreaKind, User
from content.permissions import DENIED, Action, authorize
from content.wording import Text


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    missing: Text | None = None  # what a form without it is told; a setting with one is required
    url: bool = False  # must be an absolute http(s) address

    @property
    def required(self) -> bool:
        return self.missing is not None


SETTINGS: dict[ChannelKind, tuple[Setting, ...]] = {
    ChannelKind.PORTAL: (),
    ChannelKind.FEED: (),
    ChannelKind.FACEBOOK: (Setting("page_id", Text("Mã trang (Page ID)"),
                                   missing=Text("Hãy nhập mã trang (page id).")),),
    ChannelKind.TELEGRAM: (Setting("chat_id", Text("Kênh (@tên_kênh hoặc mã số -100…)"),
                                   missing=Text("Hãy nhập kênh (@tên_kênh hoặc mã số -100…).")),),
    ChannelKind.ZALO: (Setting("author", Text("Tên tác giả hiện trên bài (tối đa 50 ký tự)")),
                       Setting("default_cover_url", Text("Ảnh bìa mặc định (địa chỉ ảnh)"), url=True)),
    ChannelKind.WEBHOOK: (Setting("url", Text("Địa chỉ nhận (https://…)"), missing=Text("Hãy nhập địa chỉ nhận (https://…)."),
                                  url=True),),
}
# The setting that says where a channel's posts end up, and what to call it. Zalo has none: the
# OA a post goes to is the one its token belongs to.
DESTINATION: dict[ChannelKind, tuple[str, str]] = {
    ChannelKind.WEBHOOK: ("url", Text("địa chỉ nhận")),
    ChannelKind.TELEGRAM: ("chat_id", Text("kênh Telegram nhận tin")),
    ChannelKind.FACEBOOK: ("page_id", Text("Trang Facebook nhận bài")),
}
# How long a save waits for DNS: past that the name is taken as not resolving yet, and the send checks it.
_SAVE_LOOKUP = resolver_within(2.0)
NEEDS_SECRET = frozenset({ChannelKind.FACEBOOK, ChannelKind.TELEGRAM, ChannelKind.ZALO, ChannelKind.WEBHOOK})
_TELEGRAM_CHAT = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{4,31}|-?\d{5,20})$")


def settings_for(kind: ChannelKind) -> tuple[Setting, ...]:
    return SETTINGS[kind]


@dataclass(frozen=True)
class ChannelInput:
    kind: ChannelKind
    name: str
    settings: dict[str, str] = field(default_factory=dict)
    secret: str = ""  # blank on an edit: keep the stored one
    is_enabled: bool = True
    # None: the admin's own area for a new channel, unchanged for an edit; never "nationwide" by omission.
    area_id: int | None = None
    nationwide: bool = False


def authorize_channel(actor: User, area: Area | None, *, object_id: int | None = None) -> None:
    """Admins of the channel's area or above; a nationwide channel (no area) needs a nationwide admin.

    authorize() reads a None area as "no place" and lets any admin through, so the nationwide
    case is checked here.
    """
    authorize(actor, Action.CHANNEL_MANAGE, area, object_type="channel", object_id=object_id)
    if area is None and actor.area is not None:
        raise PermissionDenied(DENIED, attempted=Action.CHANNEL_MANAGE.value, object_type="channel",
                               object_id=object_id)


def get_channel(session: Session, actor: User, channel_id: int) -> Channel:
    """A channel the actor manages; another area's is refused (and the refusal audited) like any other."""
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise NotFound(Text("Không tìm thấy kênh này."))
    authorize_channel(actor, channel.area, object_id=channel.id)
    return channel


def _is_web_address(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1/": an unclosed bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _check(data: ChannelInput, *, has_secret: bool, allowed_hosts: frozenset[str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = Text("Hãy đặt tên cho kênh.")
    elif len(data.name) > 200:
        errors["name"] = Text("Tên kênh dài quá 200 ký tự.")
    for setting in settings_for(data.kind):
        value = data.settings.get(setting.key, "").strip()
        if setting.missing is not None and not value:
            errors[setting.key] = setting.missing
        elif value and setting.url and not _is_web_address(value):
            errors[setting.key] = NOT_WEB
    url = data.settings.get("url", "").strip()
    if data.kind is ChannelKind.WEBHOOK and url and "url" not in errors:
        if refusal := check_webhook_url(url, allowed_hosts=allowed_hosts, resolve=_SAVE_LOOKUP):
            errors["url"] = refusal
    chat = data.settings.get("chat_id", "").strip()
    if data.kind is ChannelKind.TELEGRAM and chat and not _TELEGRAM_CHAT.match(chat):
        errors["chat_id"] = Text("Kênh Telegram ghi dạng @ten_kenh hoặc mã số như -1001234567890.")
    if data.kind is ChannelKind.ZALO and len(data.settings.get("author", "")) > 50:
        errors["author"] = Text("Tên tác giả trên Zalo tối đa 50 ký tự.")
    if data.kind in NEEDS_SECRET and not data.secret.strip() and not has_secret:
        errors["secret"] = Text("Kênh này cần khóa bí mật (mã truy cập hoặc khóa ký) để gửi được.")
    return errors


def _chosen_area(session: Session, actor: User, data: ChannelInput, current: Area | None, *,
                 is_new: bool, errors: dict[str, str]) -> Area | None:
    """The area the channel is to have; checked against the actor's own scope by the caller."""
    if data.nationwide:
        return None
    if data.area_id is None:
        return actor.area if is_new else current
    area = session.get(Area, data.area_id) if 0 < data.area_id < 2**31 else None
    if area is None or area.kind is AreaKind.RESIDENTIAL:
        errors["area_id"] = Text("Không có địa bàn này; hãy chọn tỉnh hoặc xã trong danh sách.")
        return current
    return area


def _changed_destination(channel: Channel, data: ChannelInput) -> tuple[str, str] | None:
    """(setting, its name) when the edit sends the channel somewhere else."""
    destination = DESTINATION.get(channel.kind)
    if destination is None:
        return None
    key = destination[0]
    return None if data.settings.get(key, "").strip() == str(channel.settings.get(key, "")).strip() else destination


def _apply(channel: Channel, data: ChannelInput, key: str) -> None:
    channel.name = data.name.strip()
    channel.settings = {s.key: data.settings[s.key].strip() for s in settings_for(data.kind)
                        if data.settings.get(s.key, "").strip()}
    channel.is_enabled = data.is_enabled
    if data.secret.strip():
        set_channel_secret(channel, key, data.secret.strip())  # a new credential also clears the alarm


def create_channel(session: Session, actor: User, data: ChannelInput, *, key: str, now: datetime,
                   allowed_hosts: frozenset[str] = frozenset(), remote_addr: str | None = None) -> Channel:
    """:param allowed_hosts: private webhook hosts the operator allows (LOA_WEBHOOK_ALLOWED_HOSTS)."""
    authorize(actor, Action.CHANNEL_MANAGE, actor.area, object_type="channel")
    errors = _check(data, has_secret=False, allowed_hosts=allowed_hosts)
    area = _chosen_area(session, actor, data, None, is_new=True, errors=errors)
    if errors:
        raise InvalidInput(errors)
    authorize_channel(actor, area)
    channel = Channel(kind=data.kind, name="", created_at=now, area=area)
    _apply(channel, data, key)
    session.add(channel)
    session.flush()
    record_audit(session, actor=actor, action="channel.create", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr,
                 detail={"kind": data.kind.value, "name": channel.name, "area_id": channel.area_id})
    return channel


def update_channel(session: Session, actor: User, channel: Channel, data: ChannelInput, *, key: str,
                   now: datetime, allowed_hosts: frozenset[str] = frozenset(),
                   remote_addr: str | None = None) -> Channel:
    authorize_channel(actor, channel.area, object_id=channel.id)
    data = replace_kind(data, channel.kind)
    errors = _check(data, has_secret=channel.secret_ciphertext is not None, allowed_hosts=allowed_hosts)
    area = _chosen_area(session, actor, data, channel.area, is_new=False, errors=errors)
    moved = _changed_destination(channel, data)
    if moved and not data.secret.strip() and "secret" not in errors:
        errors["secret"] = Text("Đã đổi %(what)s: hãy nhập lại khóa bí mật của kênh. Khóa đang lưu chỉ được "
                                "dùng cho nơi nhận mới khi người đổi nhập lại được khóa đó.", what=moved[1])
    if errors:
        raise InvalidInput(errors)
    detail: dict[str, object] = {}
    if area is not channel.area:
        authorize_channel(actor, area, object_id=channel.id)
        detail = {"area_id": area.id if area else None, "was_area_id": channel.area_id}
    channel.area = area
    _apply(channel, data, key)
    # Never the secret itself: only whether it changed.
    record_audit(session, actor=actor, action="channel.update", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr,
                 detail={"name": channel.name, "enabled": channel.is_enabled, "secret_changed": bool(data.secret.strip()),
                         **({"destination_changed": moved[0]} if moved else {}), **detail})
    return channel


def replace_kind(data: ChannelInput, kind: ChannelKind) -> ChannelInput:
    """A channel's kind is fixed once made: its deliveries and links were shaped for it."""
    return ChannelInput(kind=kind, name=data.name, settings=data.settings, secret=data.secret,
                        is_enabled=data.is_enabled, area_id=data.area_id, nationwide=data.nationwide)


def resolve_attention(session: Session, actor: User, channel: Channel, *, now: datetime,
                      remote_addr: str | None = None) -> Channel:
    """Someone fixed the problem outside Loa (e.g. re-granted the Page): let the channel send again."""
    authorize_channel(actor, channel.area, object_id=channel.id)
    record_audit(session, actor=actor, action="channel.resolve", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr, detail={"was": channel.needs_attention})
    channel.needs_attention = None
    return channel


def list_channels(session: Session, actor: User) -> list[Channel]:
    """The channels this admin manages: those of their area's subtree, and nationwide ones for a nationwide admin."""
    authorize(actor, Action.CHANNEL_MANAGE, actor.area, object_type="channel")
    query = select(Channel).outerjoin(Area, Channel.area_id == Area.id).options(contains_eager(Channel.area))
    if actor.area is not None:
        query = query.where(Area.path.startswith(actor.area.path, autoescape=True))
    return list(session.scalars(query.order_by(Channel.kind, Channel.name, Channel.id)))


def channel_areas(session: Session, actor: User) -> list[Area]:
    """Where this admin may place a channel: provinces and communes of their own subtree."""
    query = select_subtree(actor.area) if actor.area is not None else select(Area)
    return list(session.scalars(query.where(Area.kind != AreaKind.RESIDENTIAL).order_by(Area.path)))

