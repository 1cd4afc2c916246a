"""Admin pages for integration API tokens: the tokens of the users and stations in the admin's area, issuing
one (its secret shown once, on the page the POST answers) and revoking one."""

from __future__ import annotations

from datetime import date, timedelta

from flask import flash, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from campaigns.api_token_models import ApiToken
from campaigns.api_tokens import (
    DEFAULT_DAYS,
    MAX_DAYS,
    SCOPES,
    STATION_SCOPES,
    is_owner_visible,
    is_visible_to,
    issue_api_token,
    list_api_tokens,
    revoke_api_token,
)
from campaigns.models import Station
from campaigns.reach_rollups import day_bounds
from campaigns.station_setup import list_stations
from content.errors import InvalidInput, NotFound
from content.models import User
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.params import read_date, read_int


def _today() -> date:
    return now().astimezone(zone()).date()


def _page(form, errors: dict[str, str], status: int = 200) -> ResponseReturnValue:
    db = get_db()
    today = _today()
    return render_template(
        "admin/api_tokens.html", tokens=list_api_tokens(db, actor()), stations=list_stations(db, actor().area),
        scopes=list(SCOPES), station_scopes=STATION_SCOPES, form=form, errors=errors, moment=now(),
        default_expiry=today + timedelta(days=DEFAULT_DAYS), last_expiry=today + timedelta(days=MAX_DAYS - 1),
        chosen_scopes=set(form.getlist("scopes")) if hasattr(form, "getlist") else set()), status


def api_tokens() -> ResponseReturnValue:
    return _page({}, {})


def _owner(errors: dict[str, str]) -> tuple[User | None, Station | None]:
    """The user (by user name) or the station (picked from the list) the form names; exactly one."""
    username = request.form.get("username", "").strip()
    station_id = None
    try:
        station_id = read_int(request.form.get("station_id"), "station_id")
    except InvalidInput as refused:
        errors.update(refused.errors)
    if bool(username) == bool(station_id):
        errors["owner"] = _("Hãy nhập một tên đăng nhập hoặc chọn một đài (chỉ một trong hai).")
        return None, None
    if username:
        user = get_db().scalar(select(User).where(User.username == username[:80]))
        if user is None or not is_owner_visible(actor(), user=user):
            errors["owner"] = _("Không có tài khoản '%(name)s' trong địa bàn của bạn.", name=username[:80])
        return user, None
    station = get_db().get(Station, station_id)
    if station is None or not is_owner_visible(actor(), station=station):
        errors["owner"] = _("Không có đài này trong địa bàn của bạn.")
    return None, station


def issue() -> ResponseReturnValue:
    errors: dict[str, str] = {}
    user, station = _owner(errors)
    expires_on = None
    try:
        expires_on = read_date(request.form.get("expires_on"), "expires")
    except InvalidInput as refused:
        errors.update(refused.errors)
    if expires_on is None and "expires" not in errors:
        errors["expires"] = _("Hãy chọn ngày hết hạn.")
    try:
        if errors:
            raise InvalidInput(errors)
        assert expires_on is not None
        # Good until the end of the chosen local day.
        issued = issue_api_token(get_db(), issuer=actor(), name=request.form.get("name", ""), user=user,
                                 station=station, scopes=request.form.getlist("scopes"), now=now(),
                                 expires_at=day_bounds(expires_on, zone())[1], remote_addr=request.remote_addr)
    except InvalidInput as refused:
        get_db().rollback()
        return _page(request.form, refused.errors, 400)
    get_db().commit()
    response = make_response(render_template("admin/api_token_issued.html", token=issued.token,
                                             secret=issued.secret))
    # Neither the browser's back button nor a proxy may keep a copy of the page.
    response.headers["Cache-Control"] = "no-store"
    return response


def revoke(token_id: int) -> ResponseReturnValue:
    token = get_or_404(ApiToken, token_id, _("Không có mã truy cập này."))
    if not is_visible_to(actor(), token):
        raise NotFound(_("Không có mã truy cập này."))
    revoke_api_token(get_db(), token, actor=actor(), now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã thu hồi mã %(prefix)s: từ giờ mã này không dùng được nữa.", prefix=token.prefix), "success")
    return redirect(url_for("admin.api_tokens"))
