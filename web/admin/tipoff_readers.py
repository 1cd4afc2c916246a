"""The admin's grant of reading tip-offs, one account at a time, on the accounts page."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from campaigns.tipoff_desk import set_tipoff_reader
from content.models import User
from web.auth import actor
from web.database import get_db, get_or_404, now


def tipoff_reader(user_id: int) -> ResponseReturnValue:
    user = get_or_404(User, user_id, _("Không có tài khoản này."))
    allowed = request.form.get("allowed") == "1"
    set_tipoff_reader(get_db(), user, actor=actor(), allowed=allowed, now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("%(name)s được đọc phản ánh, tố giác trong địa bàn của mình.", name=user.username) if allowed
          else _("%(name)s không còn được đọc phản ánh, tố giác.", name=user.username), "success")
    kept: dict[str, Any] = {name: request.args[name] for name in ("page", "q") if request.args.get(name)}
    return redirect(url_for("admin.users", **kept))
