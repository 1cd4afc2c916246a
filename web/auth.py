"""Logins: Flask-Login sessions over the domain's users (passwords are content.users' business)."""

from __future__ import annotations

from flask_babel import lazy_gettext
from flask_login import LoginManager

from content.models import User
from web.database import get_db

login_manager = LoginManager()
login_manager.login_view = "desk.login"
login_manager.login_message = lazy_gettext("Vui lòng đăng nhập để tiếp tục.")
# Flask-Login flashes the message; str() renders it in the visitor's language then, and stores plain text.
login_manager.localize_callback = str


class LoginUser:
    """Flask-Login's view of a User, so the domain model stays free of web concerns."""

    def __init__(self, user: User):
        self.user = user
        self.id = user.id
        self.is_authenticated = True
        self.is_active = user.is_active
        self.is_anonymous = False

    def get_id(self) -> str:
        return str(self.user.id)


@login_manager.user_loader
def load_user(user_id: str) -> LoginUser | None:
    user = get_db().get(User, int(user_id))
    return LoginUser(user) if user and user.is_active else None

