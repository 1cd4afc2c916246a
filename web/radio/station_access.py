"""Which station a radio request is for, and whether it may have it: a signed-in user, or the station's token."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _
from flask_login import current_user

from campaigns.models import Station
from campaigns.station_tokens import find_station_by_token
from content.permissions import Action, authorize
from web.database import get_db, get_or_404
from web.radio.refusals import TokenRefused


def station_token() -> str:
    """The token a box sends in `Authorization: Bearer …`, or a printed link carries as ?token=."""
    header = request.headers.get("Authorization", "")
    return header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else request.args.get("token", "")


def authorized_station(station_id: int) -> Station:
    station = get_or_404(Station, station_id, _("Không có đài truyền thanh số %(number)s.", number=station_id))
    if current_user.is_authenticated:
        authorize(current_user.user, Action.SCRIPT_VIEW, station.area, object_type="station", object_id=station.id)
        return station
    token = station_token()
    if not token:
        raise TokenRefused(_("Thiếu mã truy cập của đài: gửi kèm tiêu đề Authorization: Bearer <mã> "
                             "hoặc tham số ?token=<mã>."),
                           attempted=request.endpoint or "radio", object_type="station", object_id=station_id)
    # Wrong, revoked (no hash left to match) and another station's token are refused alike.
    holder = find_station_by_token(get_db(), token)
    if holder is None or holder.id != station.id:
        raise TokenRefused(_("Mã truy cập của đài không hợp lệ hoặc đã bị thu hồi."),
                           attempted=request.endpoint or "radio", object_type="station", object_id=station_id)
    return station
