"""Signing in and out of the desk, and the signed-in user's own account: password, every device signed out."""

from __future__ import annotations

import math

from flask import current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Role
from content.user_sessions import close_all_user_sessions
from content.users import authenticate, change_password, record_failed_login
from web.auth import actor, restamp, sign_in, sign_out
from web.database import get_db, now
from web.login_throttle import record_failure, seconds_to_wait
from web.paths import local_target


def login() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("desk/login.html", username="")
    username, password = request.form.get("username", ""), request.form.get("password", "")
    if (wait := seconds_to_wait(username)) is not None:
        current_app.logger.warning("login throttled: address %s, account %r", request.remote_addr, username[:80])
        page = render_template("desk/login.html", username=username, throttled_minutes=math.ceil(wait / 60))
        return page, 429, {"Retry-After": str(wait)}
    user = authenticate(get_db(), username, password)
    if user is None:
        record_failure(username)
        record_failed_login(get_db(), username, now=now(), remote_addr=request.remote_addr)
        get_db().commit()
        flash(_("Tên đăng nhập hoặc mật khẩu không đúng."), "error")
        return render_template("desk/login.html", username=username)
    sign_in(user)
    get_db().commit()
    # Only same-site paths: never bounce a fresh login to another host.
    home = url_for("stations.mine") if user.role is Role.RADIO_OPERATOR else url_for("desk.index")
    return redirect(local_target(request.args.get("next"), home))


def logout() -> ResponseReturnValue:
    sign_out()
    get_db().commit()
    return redirect(url_for("portal.index"))


@login_required
def password() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("desk/password.html", errors={})
    try:
        change_password(get_db(), actor(), current=request.form.get("current", ""), new=request.form.get("new", ""),
                        confirm=request.form.get("confirm", ""))
    except InvalidInput as error:
        return render_template("desk/password.html", errors=error.errors), 400
    # Every other login ended with the old password; this one goes on under the new version.
    restamp(actor())
    record_audit(get_db(), actor=actor(), action="user.password", object_type="user", object_id=actor().id,
                 now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc."), "success")
    return redirect(url_for("desk.index"))


@login_required
def end_all_sessions() -> ResponseReturnValue:
    user = actor()
    close_all_user_sessions(get_db(), user)
    record_audit(get_db(), actor=user, action="user.sessions_ended", object_type="user", object_id=user.id,
                 now=now(), remote_addr=request.remote_addr)
    sign_out()
    get_db().commit()
    flash(_("Đã đăng xuất khỏi mọi thiết bị. Hãy đăng nhập lại."), "success")
    return redirect(url_for("desk.login"))
