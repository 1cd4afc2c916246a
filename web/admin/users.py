"""Admin pages for accounts: who may sign in, with which role, over which area."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from content.areas import find_area_by_code
from content.audit import record_audit
from content.errors import InvalidInput, PermissionDenied
from content.models import Area, Role, User
from content.users import create_user, list_users, update_user
from web.auth import actor
from web.database import get_db, get_or_404, now
from web.errors import describe, discard_and_audit
from web.i18n.locale import translate_all
from web.params import query_page

# Typed in the area box to give a user the whole country; an empty box never does (see _area).
NATIONWIDE = "VN"


def _area(value: str | None, errors: dict[str, str], *, empty: Area | None) -> Area | None:
    """The area a form names: `empty` when left blank (unchanged, or the admin's own), None for NATIONWIDE."""
    code = (value or "").strip()
    if not code:
        return empty
    if code.upper() == NATIONWIDE:
        return None
    area = find_area_by_code(get_db(), code)
    if area is None:
        errors["area_code"] = _("Không có địa bàn mã '%(code)s'.", code=code)
    return area


def _role(value: str | None, errors: dict[str, str]) -> Role:
    try:
        return Role(value or "")
    except ValueError:
        errors["role"] = _("Vai trò không hợp lệ.")
        return Role.EDITOR


def _users_page(form, errors, status=200, *, row=None):
    """The accounts page; `row` is an edited row sent back with what was typed and its error."""
    search = request.args.get("q", "")
    page = list_users(get_db(), actor().area, search=search, page=query_page())
    return render_template("admin/users.html", page=page, users=page.items, search=search, roles=Role, form=form,
                           errors=errors, row=row or {}, nationwide=NATIONWIDE), status


def _back_to_the_list() -> ResponseReturnValue:
    """After a change, the page and search the admin was on: an edit on page 4 does not land on page 1."""
    kept: dict[str, Any] = {name: request.args[name] for name in ("page", "q") if request.args.get(name)}
    return redirect(url_for("admin.users", **kept))


def users() -> ResponseReturnValue:
    return _users_page({}, {})


def add_user() -> ResponseReturnValue:
    errors: dict[str, str] = {}
    area = _area(request.form.get("area_code"), errors, empty=actor().area)
    role = _role(request.form.get("role"), errors)
    try:
        if errors:
            raise InvalidInput(errors)
        user = create_user(get_db(), actor=actor(), username=request.form.get("username", ""),
                           password=request.form.get("password", ""), role=role, area=area,
                           full_name=request.form.get("full_name", ""))
    except InvalidInput as error:
        get_db().rollback()
        return _users_page(request.form, error.errors, 400)
    except PermissionDenied as error:
        discard_and_audit(error, actor=actor())  # a refused grant is an attempt on someone's scope
        return _users_page(request.form, {"area_code": describe(error)}, 403)
    record_audit(get_db(), actor=actor(), action="user.create", object_type="user", object_id=user.id, now=now(),
                 remote_addr=request.remote_addr, detail={"role": role.value, "area": area.code if area else None})
    get_db().commit()
    flash(_("Đã tạo tài khoản %(name)s.", name=user.username), "success")
    return redirect(url_for("admin.users"))


def edit_user(user_id: int) -> ResponseReturnValue:
    user = get_or_404(User, user_id, _("Không có tài khoản này."))
    errors: dict[str, str] = {}
    area = _area(request.form.get("area_code"), errors, empty=user.area)
    role = _role(request.form.get("role"), errors)
    typed = {"id": user.id, **request.form.to_dict()}
    try:
        if errors:
            raise InvalidInput(errors)
        update_user(get_db(), user, actor=actor(), role=role, area=area,
                    is_active=request.form.get("is_active") == "on")
    except InvalidInput as error:
        get_db().rollback()
        return _users_page({}, {}, 400, row={**typed, "error": " ".join(translate_all(error.errors).values())})
    except PermissionDenied as error:
        discard_and_audit(error, actor=actor())  # a refused grant is an attempt on someone's scope
        return _users_page({}, {}, 403, row={**typed, "error": describe(error)})
    record_audit(get_db(), actor=actor(), action="user.update", object_type="user", object_id=user.id, now=now(),
                 remote_addr=request.remote_addr,
                 detail={"role": role.value, "area": area.code if area else None, "active": user.is_active})
    get_db().commit()
    flash(_("Đã cập nhật %(name)s.", name=user.username), "success")
    return _back_to_the_list()
