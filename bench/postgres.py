"""The PostgreSQL a benchmark may wipe: where it is, whether it answers, and a fresh schema in it."""

from __future__ import annotations

import os

# CI never runs the benchmarks; on a shared server point LOA_BENCH_DATABASE_URL at a scratch database.
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def bench_url() -> str:
    return os.environ.get("LOA_BENCH_DATABASE_URL", DEFAULT_URL)


def unreachable(url: str) -> str | None:
    """Why PostgreSQL cannot be used, or None when it can."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
    except ImportError as missing:  # no driver: pip install -e '.[postgres]'
        return str(missing)
    try:
        with engine.connect():
            return None
    except SQLAlchemyError as error:
        return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    finally:
        engine.dispose()


def shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def reset_schema(url: str) -> None:
    """Drop everything in the public schema and migrate it afresh."""
    from sqlalchemy import text

    from content.db import make_engine
    from content.schema import upgrade_database

    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(url)


def fresh_database() -> str | None:
    """The benchmark's PostgreSQL with a freshly migrated schema, or None after saying why it cannot be used."""
    url = bench_url()
    reason = unreachable(url)
    if reason:
        print(f"  skipped: PostgreSQL is not reachable at {shown(url)} ({reason}).")
        print("  Set LOA_BENCH_DATABASE_URL to a PostgreSQL database this benchmark may wipe.")
        return None
    reset_schema(url)
    return url


def ensure_database(url: str) -> None:
    """Create the database `url` names when the server does not have it yet (connecting to `postgres` to do so)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ProgrammingError

    target = make_url(url)
    engine = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            query = text("SELECT 1 FROM pg_database WHERE datname = :name")
            if connection.scalar(query, {"name": target.database}) is None:
                try:
                    connection.execute(text(f'CREATE DATABASE "{target.database}"'))
                except ProgrammingError:  # made a moment ago by another run: the same end
                    if connection.scalar(query, {"name": target.database}) is None:
                        raise
    finally:
        engine.dispose()
