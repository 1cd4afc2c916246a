"""Accounts: creation with a checked password, and authentication against a scrypt hash."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from content.errors import InvalidInput
from content.models import Area, Role, User

MIN_PASSWORD_LENGTH = 8


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
    # werkzeug's default is scrypt: a memory-hard KDF with a per-hash salt.
    user = User(username=username, full_name=full_name, password_hash=generate_password_hash(password),
                role=role, area=area)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.is_active or not check_password_hash(user.password_hash, password):
        return None
    return user
