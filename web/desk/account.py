"""The signed-in user's own account."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from content.audit import record_audit
from content.errors import InvalidInput
from content.users import change_password
from web.database import get_db, now
from web.desk import actor, bp


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
    record_audit(get_db(), actor=actor(), action="user.password", object_type="user", object_id=actor().id,
                 now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã đổi mật khẩu."), "success")
    return redirect(url_for("desk.index"))
