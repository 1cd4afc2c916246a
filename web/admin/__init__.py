"""Admin pages: accounts (role and area) and the audit log."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select

from content.audit import record_audit
from content.errors import InvalidInput, NotFound
from content.models import Area, AuditLog, Role, User
from content.permissions import Action, authorize
from content.users import create_user, list_users, update_user
from web.database import get_db, now
from web.params import query_page

bp = Blueprint("admin", __name__, url_prefix="/admin")


def actor() -> User:
    return current_user.user


@bp.before_request
@login_required
def require_admin():  # type: ignore[no-untyped-def]
    authorize(actor(), Action.USER_MANAGE, None)


def _area(value: str | None, errors: dict[str, str]) -> Area | None:
    if not value:
        return None
    area = get_db().scalar(select(Area).where(Area.code == value.strip()))
    if area is None:
        errors["area_code"] = _("Không có địa bàn mã '%(code)s'.", code=value)
    return area


def _role(value: str | None, errors: dict[str, str]) -> Role:
    try:
        return Role(value or "")
    except ValueError:
        errors["role"] = _("Vai trò không hợp lệ.")
        return Role.EDITOR


def _users_page(form, errors, status=200):  # type: ignore[no-untyped-def]
    return render_template("admin/users.html", users=list_users(get_db(), actor().area), roles=Role, form=form,
                           errors=errors), status


@bp.get("/users")
def users():
    return _users_page({}, {})


@bp.post("/users")
def add_user():
    errors: dict[str, str] = {}
    area, role = _area(request.form.get("area_code"), errors), _role(request.form.get("role"), errors)
    try:
        if errors:
            raise InvalidInput(errors)
        authorize(actor(), Action.USER_MANAGE, area or actor().area)
        user = create_user(get_db(), username=request.form.get("username", ""), password=request.form.get("password", ""),
                           role=role, area=area or actor().area, full_name=request.form.get("full_name", ""))
    except InvalidInput as error:
        get_db().rollback()
        return _users_page(request.form, error.errors, 400)
    record_audit(get_db(), actor=actor(), action="user.create", object_type="user", object_id=user.id, now=now(),
                 remote_addr=request.remote_addr, detail={"role": role.value})
    get_db().commit()
    flash(_("Đã tạo tài khoản %(name)s.", name=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>")
def edit_user(user_id: int):
    user = get_db().get(User, user_id)
    if user is None:
        raise NotFound(_("Không có tài khoản này."))
    errors: dict[str, str] = {}
    area, role = _area(request.form.get("area_code"), errors), _role(request.form.get("role"), errors)
    if errors:
        for text in errors.values():
            flash(text, "error")
        return redirect(url_for("admin.users"))
    authorize(actor(), Action.USER_MANAGE, user.area)
    authorize(actor(), Action.USER_MANAGE, area)
    update_user(get_db(), user, role=role, area=area, is_active=request.form.get("is_active") == "on")
    record_audit(get_db(), actor=actor(), action="user.update", object_type="user", object_id=user.id, now=now(),
                 remote_addr=request.remote_addr,
                 detail={"role": role.value, "area": area.code if area else None, "active": user.is_active})
    get_db().commit()
    flash(_("Đã cập nhật %(name)s.", name=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.get("/audit")
def audit():
    authorize(actor(), Action.AUDIT_VIEW, None)
    page = query_page()
    size = current_app.config["PAGE_SIZE"] * 2
    query = select(AuditLog)
    if action := request.args.get("action", "").strip():
        query = query.where(AuditLog.action.startswith(action, autoescape=True))
    total = get_db().scalar(select(func.count()).select_from(query.subquery()))
    entries = get_db().scalars(query.order_by(AuditLog.at.desc(), AuditLog.id.desc())
                               .limit(size).offset((page - 1) * size)).all()
    actors = {u.id: u for u in get_db().scalars(select(User).where(User.id.in_({e.actor_id for e in entries})))}
    return render_template("admin/audit.html", entries=entries, actors=actors, page=page,
                           has_next=page * size < total, action=action)


from web.admin import spoken  # noqa: E402,F401  (its routes join this blueprint)
