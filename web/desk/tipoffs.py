"""The desk's tip-off pages: the area's queue, one tip-off opened (audited), and its handling steps."""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.tipoff_desk import (
    add_note,
    assign_tipoff,
    change_status,
    find_tipoff,
    open_photo,
    open_tipoff,
    possible_assignees,
    tipoff_queue,
)
from campaigns.tipoff_models import Tipoff, TipoffStatus
from campaigns.tipoff_photos import read_photo
from content.errors import InvalidInput
from content.models import User
from web.auth import actor
from web.database import get_db, now
from web.i18n.locale import translate_all
from web.params import query_page, read_int
from web.tipoff_settings import tipoff_key, tipoff_photo_root

PRIVATE = {"Cache-Control": "private, no-store"}


def _status(value: str | None) -> TipoffStatus | None:
    try:
        return TipoffStatus(value) if value else None
    except ValueError:
        flash(_("Trạng thái “%(value)s” không có; đang hiện mọi trạng thái.", value=value[:40] if value else ""),
              "error")
        return None


@login_required
def queue() -> ResponseReturnValue:
    status = _status(request.args.get("status"))
    mine = request.args.get("mine") == "1"
    page = tipoff_queue(get_db(), actor(), status=status, mine=mine, page=query_page(),
                        per_page=current_app.config["PAGE_SIZE"])
    return render_template("desk/tipoffs.html", page=page, status=status, mine=mine, statuses=list(TipoffStatus)), \
        200, PRIVATE


def _show(tipoff: Tipoff, errors: dict[str, str], typed: dict[str, str], status: int = 200) -> ResponseReturnValue:
    opened = open_tipoff(get_db(), actor(), tipoff, key=tipoff_key(current_app), now=now(),
                         remote_addr=request.remote_addr)
    get_db().commit()  # the read is in the audit log before the page leaves
    return render_template("desk/tipoff.html", opened=opened, statuses=list(TipoffStatus), errors=errors,
                           typed=typed, assignees=possible_assignees(get_db(), tipoff)), status, PRIVATE


@login_required
def tipoff(tipoff_id: int) -> ResponseReturnValue:
    return _show(find_tipoff(get_db(), actor(), tipoff_id), {}, {})


@login_required
def set_status(tipoff_id: int) -> ResponseReturnValue:
    found = find_tipoff(get_db(), actor(), tipoff_id)
    try:
        status = TipoffStatus(request.form.get("status", ""))
    except ValueError:
        return _show(found, {"status": _("Hãy chọn một trạng thái trong danh sách.")}, request.form.to_dict(), 400)
    change_status(get_db(), found, actor(), status, now=now())
    get_db().commit()
    flash(_("Đã đổi trạng thái."), "success")
    return redirect(url_for("desk.tipoff", tipoff_id=tipoff_id), code=303)


@login_required
def set_assignee(tipoff_id: int) -> ResponseReturnValue:
    found = find_tipoff(get_db(), actor(), tipoff_id)
    assignee = None
    try:
        chosen = read_int(request.form.get("assignee_id"), "assignee", default=None, minimum=1)
        assignee = get_db().get(User, chosen) if chosen is not None else None
        if chosen is not None and assignee is None:
            raise InvalidInput({"assignee": _("Không có tài khoản này.")})
        assign_tipoff(get_db(), found, actor(), assignee, now=now())
    except InvalidInput as error:
        get_db().rollback()
        return _show(found, translate_all(error.errors), request.form.to_dict(), 400)
    get_db().commit()
    flash(_("Đã giao phản ánh.") if assignee else _("Phản ánh chưa giao cho ai."), "success")
    return redirect(url_for("desk.tipoff", tipoff_id=tipoff_id), code=303)


@login_required
def new_note(tipoff_id: int) -> ResponseReturnValue:
    found = find_tipoff(get_db(), actor(), tipoff_id)
    try:
        add_note(get_db(), found, actor(), request.form.get("note", ""), key=tipoff_key(current_app), now=now())
    except InvalidInput as error:
        get_db().rollback()
        return _show(find_tipoff(get_db(), actor(), tipoff_id), translate_all(error.errors), request.form.to_dict(),
                     400)
    get_db().commit()
    flash(_("Đã lưu ghi chú nội bộ."), "success")
    return redirect(url_for("desk.tipoff", tipoff_id=tipoff_id, _anchor="ghi-chu"), code=303)


@login_required
def photo(tipoff_id: int, photo_id: int) -> ResponseReturnValue:
    found = find_tipoff(get_db(), actor(), tipoff_id)
    stored = open_photo(get_db(), actor(), found, photo_id, now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    data = read_photo(tipoff_photo_root(current_app), tipoff_key(current_app), stored)
    return Response(data, mimetype=stored.mime_type, headers=PRIVATE)
