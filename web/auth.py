"""Logins: Flask-Login sessions over the domain's users (passwords are content.users' business).

Flask's session is a signed cookie held by the browser, so it cannot be taken back by itself. Each
login therefore also carries a random token recorded server-side (signing out deletes it, so a copy of
the cookie dies with it) and the user's session version (raised on a password, role, area or activity
change and by "sign out everywhere"), plus its start and last-seen times for the absolute and idle
timeouts. Last-seen lives in the signed cookie, so idleness costs no database write per request.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from flask import current_app, flash, g, redirect, request, session
from flask.typing import ResponseReturnValue
from flask_babel import gettext, lazy_gettext
from flask_login import LoginManager, current_user, login_required, login_url, login_user, logout_user
from flask_wtf.csrf import CSRFError

from content.models import User
from content.permissions import Action, authorize
from content.user_sessions import close_user_session, is_user_session_open, open_user_session
from web.database import get_db, now
from web.errors import handle_csrf_error

login_manager = LoginManager()
login_manager.login_view = "desk.login"
login_manager.login_message = lazy_gettext("Vui lòng đăng nhập để tiếp tục.")
# Flask-Login flashes the message; str() renders it in the visitor's language then, and stores plain text.
login_manager.localize_callback = str

TOKEN, VERSION, SIGNED_IN_AT, SEEN_AT = "loa_token", "loa_version", "loa_signed_in_at", "loa_seen_at"
# Last-seen is re-signed into the cookie at most this often, not on every request.
SEEN_PRECISION_SECONDS = 60


def actor() -> User:
    """The signed-in user, for views behind `login_required` (the domain takes them as an argument)."""
    return current_user.user


def requiring(action: Action, *, object_type: str = "") -> Callable[[], ResponseReturnValue | None]:
    """A blueprint's `before_request` hook: every page of it needs a login allowed `action` somewhere."""
    @login_required
    def check() -> None:
        authorize(actor(), action, None, object_type=object_type)

    return check


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


def sign_in(user: User) -> None:
    """Start a login in a fresh cookie: nothing from before the login (a planted session) survives it."""
    moment = now()
    max_age = timedelta(hours=current_app.config["SESSION_MAX_HOURS"])
    token = open_user_session(get_db(), user, now=moment, expired_before=moment - max_age)
    session.clear()
    login_user(LoginUser(user))
    session[TOKEN], session[VERSION] = token, user.session_version
    session[SIGNED_IN_AT] = session[SEEN_AT] = int(moment.timestamp())


def sign_out() -> None:
    if token := session.get(TOKEN):
        close_user_session(get_db(), str(token))
    logout_user()
    session.clear()


def restamp(user: User) -> None:
    """Keep this login after the user's own change ended all the others (e.g. a new password)."""
    session[VERSION] = user.session_version


def _is_current(user: User) -> bool:
    token, version = session.get(TOKEN), session.get(VERSION)
    signed_in_at, seen_at = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
    if not (isinstance(token, str) and isinstance(version, int)
            and isinstance(signed_in_at, int) and isinstance(seen_at, int)):
        return False
    config, moment = current_app.config, int(now().timestamp())
    if moment - signed_in_at > config["SESSION_MAX_HOURS"] * 3600:
        return False
    if moment - seen_at > config["SESSION_IDLE_MINUTES"] * 60:
        return False
    if version != user.session_version or not is_user_session_open(get_db(), user, token):
        return False
    if moment - seen_at >= SEEN_PRECISION_SECONDS:
        session[SEEN_AT] = moment
    return True


@login_manager.user_loader
def load_user(user_id: str) -> LoginUser | None:
    # Also the loader Flask-Login calls for a remember-me cookie: such a login carries no token and no
    # version, so it is refused like any other stale session (Loa never sets that cookie).
    user = get_db().get(User, int(user_id)) if user_id.isdigit() else None
    if user is not None and user.is_active and _is_current(user):
        return LoginUser(user)
    if user_id:
        g.loa_session_ended = True
    for key in ("_user_id", "_fresh", "_id", TOKEN, VERSION, SIGNED_IN_AT, SEEN_AT):
        session.pop(key, None)
    return None


@login_manager.unauthorized_handler
def unauthorized():
    """Back to the login page; a form sent after its session ended gets back everything that was typed."""
    ended = bool(g.get("loa_session_ended"))
    if ended and request.method == "POST":
        return handle_csrf_error(CSRFError())
    flash(gettext("Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.") if ended
          else str(login_manager.login_message), "message")
    return redirect(login_url(str(login_manager.login_view), next_url=request.url))
