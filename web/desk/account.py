"""The signed-in user's own account: password, and signing out of every device."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from content.audit import record_audit
from content.errors import InvalidInput
from content.user_sessions import close_all_user_sessions
from content.users import change_password
from web.auth import actor, restamp, sign_out
from web.database import get_db, now
from web.desk import bp


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
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


@bp.post("/sessions/end-all")
@login_required
def end_all_sessions():
    user = actor()
    close_all_user_sessions(get_db(), user)
    record_audit(get_db(), actor=user, action="user.sessions_ended", object_type="user", object_id=user.id,
                 now=now(), remote_addr=request.remote_addr)
    sign_out()
    get_db().commit()
    flash(_("Đã đăng xuất khỏi mọi thiết bị. Hãy đăng nhập lại."), "success")
    return redirect(url_for("desk.login"))
