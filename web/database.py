"""One engine per app, one session per request, closed at teardown; views commit, nothing else does."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from content.db import make_engine, make_session_factory
from content.errors import NotFound

T = TypeVar("T")


def init_database(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["loa.engine"] = engine
    app.extensions["loa.sessions"] = make_session_factory(engine)
    app.teardown_appcontext(_close_session)


def session_factory() -> sessionmaker[Session]:
    return current_app.extensions["loa.sessions"]


def get_db() -> Session:
    """The request's session. On SQLite it takes the write lock at its first write, never before: a
    request renders, hashes and decodes while others write (content.db._take_write_lock_before_writing)."""
    if "db" not in g:
        g.db = session_factory()()
    return g.db


def get_or_404(model: type[T], ident: int, missing: str) -> T:
    """The row with this id, or a 404 saying `missing`: checked before any permission, which needs the row."""
    row = get_db().get(model, ident)
    if row is None:
        raise NotFound(missing)
    return row


def _close_session(_error: BaseException | None) -> None:
    session = g.pop("db", None)
    if session is not None:
        session.close()


def now() -> datetime:
    return current_app.config["CLOCK"]()


def zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIMEZONE"])
