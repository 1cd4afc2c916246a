"""Admin pages for destination channels: settings per kind, a write-only credential, the attention flag.

Every page needs the right to manage channels (the hook in web.channels).
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from campaigns.channels import (
    ChannelInput,
    channel_areas,
    create_channel,
    get_channel,
    list_channels,
    resolve_attention,
    settings_for,
    update_channel,
)
from campaigns.credentials import channel_secret, masked
from campaigns.models import Channel, ChannelKind
from content.errors import InvalidInput, LoaError, NotFound
from web.auth import actor
from web.config import credentials_key
from web.database import get_db, now
from web.dispatch_settings import webhook_allowed_hosts
from web.errors import describe
from web.params import read_int

NATIONWIDE = "all"  # the area field's value for "the whole country", offered to nationwide admins only


def _hint(channel: Channel) -> str:
    """The credential as admins may see it: the last characters at most, or why it can't be read."""
    try:
        return masked(channel_secret(channel, credentials_key(current_app)))
    except LoaError as error:
        return describe(error)


def _input(kind: ChannelKind) -> ChannelInput:
    form = request.form
    area = form.get("area_id", "").strip()
    area_id = None if area == NATIONWIDE else read_int(area, "area_id")
    return ChannelInput(kind=kind, name=form.get("name", ""), is_enabled=form.get("is_enabled") == "on",
                        settings={s.key: form.get(s.key, "") for s in settings_for(kind)}, secret=form.get("secret", ""),
                        area_id=area_id, nationwide=area == NATIONWIDE)


def _area_value(channel: Channel | None) -> str:
    area = channel.area if channel else actor().area
    return str(area.id) if area is not None else NATIONWIDE


def _page(channel: Channel | None, kind: ChannelKind, form, errors: dict[str, str], status: int = 200):
    return render_template("admin/channel.html", channel=channel, kind=kind, fields=settings_for(kind), form=form,
                           errors=errors, hint=_hint(channel) if channel else "", areas=channel_areas(get_db(), actor()),
                           nationwide=NATIONWIDE if actor().area is None else None), status


def index() -> ResponseReturnValue:
    return render_template("admin/channels.html", channels=list_channels(get_db(), actor()), kinds=ChannelKind,
                           hint=_hint)


def new(kind: str) -> ResponseReturnValue:
    try:
        channel_kind = ChannelKind(kind)
    except ValueError:
        raise NotFound(_("Không có loại kênh này.")) from None
    if request.method == "GET":
        return _page(None, channel_kind, {"is_enabled": "on", "area_id": _area_value(None)}, {})
    try:
        channel = create_channel(get_db(), actor(), _input(channel_kind), key=credentials_key(current_app), now=now(),
                                 allowed_hosts=webhook_allowed_hosts(current_app), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(None, channel_kind, request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã tạo kênh %(name)s.", name=channel.name), "success")
    return redirect(url_for("channels.index"))


def edit(channel_id: int) -> ResponseReturnValue:
    channel = get_channel(get_db(), actor(), channel_id)
    if request.method == "GET":
        form = {"name": channel.name, "is_enabled": "on" if channel.is_enabled else "",
                "area_id": _area_value(channel), **channel.settings}
        return _page(channel, channel.kind, form, {})
    try:
        update_channel(get_db(), actor(), channel, _input(channel.kind), key=credentials_key(current_app), now=now(),
                       allowed_hosts=webhook_allowed_hosts(current_app), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(channel, channel.kind, request.form, error.errors, 400)
    get_db().commit()
    flash(_("Đã lưu kênh %(name)s.", name=channel.name), "success")
    return redirect(url_for("channels.index"))


def resolve(channel_id: int) -> ResponseReturnValue:
    resolve_attention(get_db(), actor(), get_channel(get_db(), actor(), channel_id), now=now(),
                      remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Kênh đã được gửi tin trở lại."), "success")
    return redirect(url_for("channels.index"))
