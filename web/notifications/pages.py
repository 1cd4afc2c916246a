"""The notifications page and its forms; every view acts on the signed-in user's own notices only."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from campaigns.notice_models import EmailStatus, NoticeKind
from campaigns.notifications import list_notifications, mark_all_read, mark_read, set_notice_email, unread_count
from content.errors import InvalidInput
from web.auth import actor
from web.database import get_db, now
from web.mail_settings import is_mail_on


def unread_in_menu() -> dict[str, Any]:
    """`unread_notices` for the menu: one small count per page a signed-in person opens."""
    if not current_user.is_authenticated:
        return {}
    return {"unread_notices": unread_count(get_db(), actor())}


def _page(errors: dict[str, str], typed: str | None, status: int = 200) -> ResponseReturnValue:
    listing = list_notifications(get_db(), actor())
    return render_template("notifications/list.html", listing=listing, errors=errors,
                           typed=actor().email or "" if typed is None else typed, kinds=NoticeKind,
                           mail=EmailStatus, mail_on=is_mail_on(current_app)), status


@login_required
def index() -> ResponseReturnValue:
    return _page({}, None)


@login_required
def read(notification_id: int) -> ResponseReturnValue:
    notice = mark_read(get_db(), actor(), notification_id, now=now())
    get_db().commit()
    go = request.form.get("go")
    if go == "day":
        alert = notice.alert
        if notice.kind is NoticeKind.CONFIRMATION_REMINDER:
            return redirect(url_for("airings.day_page", station_id=alert.station_id, day=alert.day.isoformat()))
        return redirect(url_for("stations.airings", area=alert.station.area_id, day=alert.day.isoformat()))
    return redirect(url_for("notifications.index"))


@login_required
def read_all() -> ResponseReturnValue:
    mark_all_read(get_db(), actor(), now=now())
    get_db().commit()
    flash(_("Đã đánh dấu mọi thông báo là đã đọc."), "success")
    return redirect(url_for("notifications.index"))


@login_required
def email() -> ResponseReturnValue:
    typed = request.form.get("email", "")
    try:
        set_notice_email(get_db(), actor(), typed)
    except InvalidInput as error:
        get_db().rollback()
        return _page(error.errors, typed, 400)
    get_db().commit()
    flash(_("Đã lưu địa chỉ nhận thông báo.") if actor().email else _("Đã tắt e-mail thông báo."), "success")
    return redirect(url_for("notifications.index"))
