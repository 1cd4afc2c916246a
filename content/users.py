"""Accounts: creation and changes within the actor's scope, passwords under a policy, authentication.

Scopes: a user's area is the root of the subtree they work in, and None is the whole country. An
admin may only manage users inside their own scope and only grant scopes inside it, and nobody may
change their own role, area or activity: widening it is the attack, and narrowing or deactivating it
can leave an area with no admin — another admin (or `loa user create` at the console) does that.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from content.audit import record_audit
from content.errors import InvalidInput, PermissionDenied
from content.models import Area, Role, User
from content.paging import Page, paginate
from content.passwords import hash_password, needs_rehash, password_problem, verify_nothing, verify_password
from content.permissions import Action, authorize_scope
from content.wording import Text

SELF_CHANGE = Text("Bạn không thể tự đổi vai trò, địa bàn hay tự khóa tài khoản của mình; "
                   "hãy nhờ một quản trị viên khác.")


def _outside_scope(actor: User) -> str:
    where = actor.area.name if actor.area else Text("cả nước")
    return Text("Bạn chỉ được quản lý tài khoản và giao địa bàn trong phạm vi của mình (%(where)s).", where=where)


def create_user(
    session: Session,
    *,
    actor: User | None,
    username: str,
    password: str,
    role: Role,
    area: Area | None,
    full_name: str = "",
) -> User:
    """Create an account; `actor` None is the operator at the console (`loa user create`, `loa demo`)."""
    if actor is not None:
        authorize_scope(actor, Action.USER_MANAGE, area, reason=_outside_scope(actor), object_type="user")
    errors: dict[str, str] = {}
    username = username.strip()
    if not username:
        errors["username"] = Text("Tên đăng nhập không được để trống.")
    elif session.scalar(select(User.id).where(User.username == username)) is not None:
        errors["username"] = Text("Tên đăng nhập '%(name)s' đã có người dùng.", name=username)
    if problem := password_problem(password, username=username):
        errors["password"] = problem
    if errors:
        raise InvalidInput(errors)
    user = User(username=username, full_name=full_name, password_hash=hash_password(password), role=role, area=area)
    session.add(user)
    session.flush()
    return user


def update_user(session: Session, user: User, *, actor: User | None, role: Role, area: Area | None,
                is_active: bool) -> User:
    """Set a user's role, scope and activity; any change ends that user's sessions."""
    if actor is not None:
        authorize_scope(actor, Action.USER_MANAGE, user.area, reason=_outside_scope(actor), object_type="user",
                        object_id=user.id)
        if actor.id == user.id and (role, area, is_active) != (user.role, user.area, user.is_active):
            raise PermissionDenied(SELF_CHANGE, attempted=Action.USER_MANAGE.value, object_type="user",
                                   object_id=user.id)
        if area is not user.area:
            authorize_scope(actor, Action.USER_MANAGE, area, reason=_outside_scope(actor), object_type="user",
                            object_id=user.id)
    if (role, area, is_active) != (user.role, user.area, user.is_active):
        user.role, user.area, user.is_active = role, area, is_active
        end_all_sessions(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, or None — at the same hashing cost either way."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.is_active:
        # A real verification against a dummy hash: an unknown name must not answer faster than a known one.
        verify_nothing(password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        # The password is at hand only now: move an old scrypt/pbkdf2 (or weaker Argon2) hash to the current one.
        user.password_hash = hash_password(password)
        session.flush()
    return user


def record_failed_login(session: Session, username: str, *, now: datetime, remote_addr: str | None) -> None:
    """Audit a refused sign-in against the account it named, so its area's admins see guessing at it.

    The typed name itself is never stored: people type their password into the name field.
    """
    user = session.scalar(select(User).where(User.username == username.strip()))
    record_audit(session, actor=None, action="user.login_failed", object_type="user",
                 object_id=user.id if user else None, now=now, remote_addr=remote_addr,
                 detail={"account": "known" if user else "unknown"})


def change_password(session: Session, user: User, *, current: str, new: str, confirm: str) -> None:
    """Set a new password; every other session of the user ends (the caller re-stamps its own)."""
    errors: dict[str, str] = {}
    if not verify_password(user.password_hash, current):
        errors["current"] = Text("Mật khẩu hiện tại không đúng.")
    if problem := password_problem(new, username=user.username):
        errors["new"] = problem
    elif new != confirm:
        errors["confirm"] = Text("Hai lần nhập mật khẩu mới không khớp.")
    if errors:
        raise InvalidInput(errors)
    user.password_hash = hash_password(new)
    end_all_sessions(user)
    session.flush()


def end_all_sessions(user: User) -> None:
    """Invalidate every session of `user`: each login carries the version it started under."""
    user.session_version += 1


def list_users(session: Session, within: Area | None, *, search: str = "", page: int = 1,
               per_page: int = 50) -> Page[User]:
    """The accounts in `within`'s subtree by name, `search` a part of the user name or the full name."""
    query = select(User).order_by(User.username)
    if within is not None:
        query = query.join(Area, User.area_id == Area.id).where(Area.path.startswith(within.path, autoescape=True))
    if needle := search.strip()[:100].lower():
        query = query.where(or_(func.lower(User.username).contains(needle, autoescape=True),
                                func.lower(User.full_name).contains(needle, autoescape=True)))
    return paginate(session, query, page=page, per_page=per_page)
