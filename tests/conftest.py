"""Shared fixtures: a migrated database (SQLite, or PostgreSQL when LOA_TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

import campaigns.api_token_models
import campaigns.commendation_models
import campaigns.feedback_models
import campaigns.local_wording_models
import campaigns.models  # (the whole schema on Base.metadata)
import campaigns.nomination_models
import campaigns.notice_models
import campaigns.selfmanaged_models
import campaigns.target_models
import campaigns.tipoff_history_models
import campaigns.tipoff_models
import campaigns.village_models
import campaigns.visitor_models
import campaigns.websub_models  # noqa: F401
import content.models  # noqa: F401
from content.db import Base, make_engine, make_session_factory
from content.schema import upgrade_database

POSTGRES_URL = os.environ.get("LOA_TEST_DATABASE_URL")


def pytest_report_header(config: pytest.Config) -> str:
    if POSTGRES_URL:
        return f"database: PostgreSQL ({POSTGRES_URL})"
    return "database: SQLite only — LOA_TEST_DATABASE_URL is not set, so PostgreSQL is NOT being tested"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    if not POSTGRES_URL:
        terminalreporter.write_line(
            "NOTE: ran on SQLite only; set LOA_TEST_DATABASE_URL=postgresql+psycopg://... to test PostgreSQL too",
            yellow=True,
        )


def reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id costs ~50 ms and 19 MiB a hash by design; hundreds of test logins don't need that strength."""
    from argon2 import PasswordHasher, Type

    import content.passwords

    monkeypatch.setattr(content.passwords, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if POSTGRES_URL:
        reset_postgres(POSTGRES_URL)
        url = POSTGRES_URL
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'loa-test.db'}"
    upgrade_database(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def wipe(engine: Engine) -> None:
    """Empty every table, so each test starts from nothing whatever it committed."""
    tables = list(reversed(Base.metadata.sorted_tables))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(t.name for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture
def session_factory(engine: Engine) -> Iterator[sessionmaker[Session]]:
    yield make_session_factory(engine)
    wipe(engine)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        yield session


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand: scheduling is tested without a single sleep."""

    def __init__(self, start: datetime):
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def set(self, moment: datetime) -> None:
        self.current = moment


@pytest.fixture
def clock(now: datetime) -> Clock:
    return Clock(now)


@pytest.fixture
def app(database_url: str, session_factory, clock: Clock, tmp_path):  # type: ignore[no-untyped-def]
    from web import create_app

    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret",
                      "TESTING": True, "SERVER_NAME": "loa.test"})
    app.instance_path = str(tmp_path / "instance")
    yield app
    # Close the app's own connections before the database is wiped (PostgreSQL would wait on them).
    app.extensions["loa.engine"].dispose()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags chromium keeps dialling out, which this network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def live_server(app):  # type: ignore[no-untyped-def]
    """The app served by waitress on a free loopback port, for a real browser to visit."""
    import threading

    from waitress.server import create_server

    app.config["SERVER_NAME"] = None
    # poll() rather than select(): the server is closed from this thread while its loop waits in the
    # other, and select() then fails on the closed socket (EBADF, a thread exception that errors the
    # test at teardown) where poll() reports it as closed and the loop lets it go.
    server = create_server(app, host="127.0.0.1", port=0, threads=4, asyncore_use_poll=True)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run should have installed Debian's chromium")
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
