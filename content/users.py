"""Accounts: creation with a checked password, and authentication against a scrypt hash."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from content.errors import InvalidInput
from content.models import Area, Role, User

MIN_PASSWORD_LENGTH = 8
# scrypt: memory-hard, with a per-hash salt (werkzeug's parameters). Tests lower the cost, never production.
HASH_METHOD = "scrypt"


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: Role,
    area: Area | None,
    full_name: str = "",
) -> User:
    errors = {}
    username = username.strip()
    if not username:
        errors["username"] = "Tên đăng nhập không được để trống."
    elif session.scalar(select(User.id).where(User.username == username)) is not None:
        errors["username"] = f"Tên đăng nhập '{username}' đã có người dùng."
    if len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự."
    if errors:
        raise InvalidInput(errors)
    user = User(username=username, full_name=full_name, password_hash=generate_password_hash(password, HASH_METHOD),
                role=role, area=area)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.is_active or not check_password_hash(user.password_hash, password):
        return None
    return user


def update_user(session: Session, user: User, *, role: Role, area: Area | None, is_active: bool) -> User:
    user.role, user.area, user.is_active = role, area, is_active
    session.flush()
    return user


def change_password(session: Session, user: User, *, current: str, new: str, confirm: str) -> None:
    errors = {}
    if not check_password_hash(user.password_hash, current):
        errors["current"] = "Mật khẩu hiện tại không đúng."
    if len(new) < MIN_PASSWORD_LENGTH:
        errors["new"] = f"Mật khẩu mới cần ít nhất {MIN_PASSWORD_LENGTH} ký tự."
    elif new != confirm:
        errors["confirm"] = "Hai lần nhập mật khẩu mới không khớp."
    if errors:
        raise InvalidInput(errors)
    user.password_hash = generate_password_hash(new, HASH_METHOD)
    session.flush()


def list_users(session: Session, within: Area | None) -> list[User]:
    query = select(User).order_by(User.username)
    if within is not None:
        query = query.join(Area, User.area_id == Area.id).where(Area.path.startswith(within.path, autoescape=True))
    return list(session.scalars(query))
