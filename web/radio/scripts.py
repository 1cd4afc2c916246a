"""Daily scripts and the week bundle over HTTP: a page to print, plain text, JSON.

Every answer carries a strong ETag and `Cache-Control: private, no-cache`, so a box polling each
minute gets an empty 304 while nothing has changed, and the whole script the moment something has.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from flask import Response, current_app, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from campaigns.airings import airings_by_delivery
from campaigns.models import Station
from content.errors import NotFound
from content.permissions import Action, is_allowed
from scheduler.radio_scripts.building import build_daily_script, build_week
from scheduler.radio_scripts.formats import (
    dump_json,
    render_script_text,
    render_week_text,
    script_document,
    week_document,
)
from scheduler.radio_scripts.spoken_cache import SpokenCache
from web.database import get_db, zone
from web.params import path_date
from web.radio.players import page_audio_format
from web.radio.slots import default_aired_at, has_begun
from web.radio.station_access import authorized_station

SCRIPT_FORMATS = ("html", "txt", "json")
WEEK_FORMATS = ("txt", "json")
WEEK_DAYS = 7


def spoken_cache() -> SpokenCache:
    """One per app: every poll after the first finds its messages' spoken texts already worked out."""
    return current_app.extensions.setdefault("loa.spoken_cache", SpokenCache())


def _format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise NotFound(_("Không có định dạng “.%(fmt)s”. Hãy dùng %(formats)s.", fmt=fmt,
                         formats=", ".join("." + f for f in allowed)))
    return fmt


def _etag(version: str, fmt: str) -> str:
    material = [version, fmt]
    if fmt == "html":
        # The page also carries the interface language, in its header who is signed in, and its players' format.
        material += [str(get_locale()), current_user.get_id() or "token", page_audio_format()]
    return hashlib.sha256("|".join(material).encode()).hexdigest()[:32]


def _revalidated(etag: str, respond: Callable[[], Response]) -> Response:
    """304 without building the body when the client already holds this version."""
    response = Response(status=304) if request.if_none_match.contains_weak(etag) else respond()
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _body(text: str, fmt: str, filename: str) -> Response:
    mimetype = "application/json" if fmt == "json" else "text/plain"
    response = Response(text, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'inline; filename="{filename}.{fmt}"'
    return response


def script(station_id: int, day: str, fmt: str):
    fmt, when = _format(fmt, SCRIPT_FORMATS), path_date(day)
    station = authorized_station(station_id)
    built = build_daily_script(get_db(), station, when, zone=zone(), spoken=spoken_cache())
    document = script_document(built)
    name = f"kich-ban-dai-{station.id}-{when.isoformat()}"
    if fmt == "json":
        return _revalidated(_etag(document["version"], fmt), lambda: _body(dump_json(document), fmt, name))
    if fmt == "txt":
        return _revalidated(_etag(document["version"], fmt),
                            lambda: _body(render_script_text(built, version=document["version"]), fmt, name))
    token = request.args.get("token") or None  # kept on the page's links, so a printed-link user stays signed
    page = partial(render_template, "radio/script.html", script=built, version=document["version"], token=token,
                   audio_fmt=page_audio_format(), previous_day=when - timedelta(days=1),
                   next_day=when + timedelta(days=1))
    if not _may_confirm(station):
        return _revalidated(_etag(document["version"], fmt), lambda: Response(page(airings=None)))
    # With the slots' confirmation forms the page also shows what was confirmed, which the script's version does
    # not cover, and a form token: always built afresh, never kept.
    ids = [item.delivery_id for slot in built.slots for item in slot.items]
    user = current_user.user
    response = Response(page(airings=airings_by_delivery(get_db(), ids), default_aired_at=default_aired_at,
                             has_begun=has_begun, operator=user.full_name or user.username))
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _may_confirm(station: Station) -> bool:
    return current_user.is_authenticated and is_allowed(current_user.user, Action.AIRING_CONFIRM, station.area)


def week(station_id: int, day: str, fmt: str):
    fmt, first = _format(fmt, WEEK_FORMATS), path_date(day)
    station = authorized_station(station_id)
    scripts = build_week(get_db(), station, first, zone=zone(), days=WEEK_DAYS, spoken=spoken_cache())
    document = week_document(scripts)
    name = f"kich-ban-7-ngay-dai-{station.id}-{first.isoformat()}"
    text = (lambda: dump_json(document)) if fmt == "json" else (lambda: render_week_text(scripts))
    return _revalidated(_etag(document["version"], fmt), lambda: _body(text(), fmt, name))
