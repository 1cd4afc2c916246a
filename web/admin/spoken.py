"""Admin page for the loudspeaker's reading dictionary, the link pointer, and a box to hear-test any text."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from content.errors import InvalidInput
from content.permissions import is_install_wide
from content.spoken import estimate_seconds, to_spoken
from content.spoken.dictionary import (
    add_abbreviation,
    change_abbreviation,
    link_pointer,
    list_entries,
    load_rules,
    remove_abbreviation,
    set_link_pointer,
)
from web.auth import actor
from web.database import get_db, now

MAX_SAMPLE_CHARS = 5_000


def _page(*, form=None, errors=None, editing: str | None = None, status: int = 200):
    sample = request.args.get("sample", "")
    result, sample_error = None, None
    if len(sample) > MAX_SAMPLE_CHARS:
        sample_error = _("Đoạn thử dài tối đa %(limit)s ký tự.", limit=f"{MAX_SAMPLE_CHARS:,}")
    elif sample.strip():
        spoken = to_spoken(sample, rules=load_rules(get_db()))
        result = {"spoken": spoken, "seconds": estimate_seconds(spoken)}
    return render_template("admin/spoken.html", entries=list_entries(get_db()), pointer=link_pointer(get_db()),
                           form=form or {}, errors=errors or {}, editing=editing, sample=sample, result=result,
                           sample_error=sample_error, can_edit=is_install_wide(actor())), status


def _saved(message: str):
    get_db().commit()
    flash(message, "success")
    return redirect(url_for("admin.spoken"))


def spoken():
    return _page()


def add_spoken_entry():
    try:
        row = add_abbreviation(get_db(), actor(), abbreviation=request.form.get("abbreviation", ""),
                               expansion=request.form.get("expansion", ""), now=now(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(form=request.form, errors=error.errors, status=400)
    return _saved(_("Đã thêm “%(token)s” vào từ điển đọc.", token=row.abbreviation))


def edit_spoken_entry():
    abbreviation = request.form.get("abbreviation", "")
    try:
        row = change_abbreviation(get_db(), actor(), abbreviation=abbreviation,
                                  expansion=request.form.get("expansion", ""), now=now(),
                                  remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(form=request.form, errors=error.errors, editing=abbreviation, status=400)
    return _saved(_("Đã lưu cách đọc “%(token)s”.", token=row.abbreviation))


def delete_spoken_entry():
    abbreviation = request.form.get("abbreviation", "")
    remove_abbreviation(get_db(), actor(), abbreviation=abbreviation, now=now(), remote_addr=request.remote_addr)
    return _saved(_("Đã bỏ mục “%(token)s” của quản trị.", token=abbreviation))


def set_spoken_pointer():
    try:
        set_link_pointer(get_db(), actor(), pointer=request.form.get("pointer", ""), now=now(),
                         remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(form=request.form, errors=error.errors, status=400)
    return _saved(_("Đã lưu lời chỉ dẫn thay cho đường liên kết."))
