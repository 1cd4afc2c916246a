"""Database foundations shared by every layer: the declarative base, UTC times, engines, and the two
lookups every use-case repeats (rows by id with none missing, a slug nobody has taken)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, Final, TypeVar

from sqlalchemy import DateTime, Enum, MetaData, create_engine, event, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, InstrumentedAttribute, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from content.vietnamese import slugify

T = TypeVar("T")

# Stable constraint names let Alembic drop and alter them the same way on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; naive values are refused rather than guessed at."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        utc = value.astimezone(timezone.utc)
        # SQLite keeps no zone, so store the bare UTC wall time there.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def text_enum(cls: type[enum.Enum]) -> Enum:
    """An enum stored as its readable value in a string column: a new member needs no ALTER TYPE."""
    return Enum(cls, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def make_engine(url: str, **options: Any) -> Engine:
    """An engine with the per-dialect settings Loa relies on (SQLite: WAL, foreign keys, late write lock)."""
    if url.startswith("sqlite"):
        options.setdefault("connect_args", {"timeout": 30})
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        event.listen(engine, "before_cursor_execute", _take_write_lock_before_writing)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin (see _begin_sqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _begin_sqlite(connection: Any) -> None:
    mode = connection.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")
    connection.info[_SQLITE_WRITING] = mode == "IMMEDIATE"


_SQLITE_BEGIN: Final = "loa_sqlite_begin"
_SQLITE_WRITING = "loa_sqlite_writing"
# Statements that write, or open a savepoint a write will follow (upgrading inside one would end it).
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT")


def _take_write_lock_before_writing(connection: Any, cursor: Any, statement: str, _parameters: Any,
                                    context: Any, _executemany: bool) -> None:
    """Hold SQLite's one write lock from a transaction's first write to its end, not from its first read.

    A transaction begins DEFERRED: it reads from a snapshot and blocks no one. Before its first write
    (or a read that asks for a row lock, `with_for_update`) it ends that snapshot, having written nothing,
    and begins again IMMEDIATE, waiting its turn for the lock. So a request renders, hashes and decodes
    while others write, and what it read before writing may since have changed: the same READ COMMITTED
    PostgreSQL gives, which version counters and unique constraints already guard. A deferred
    transaction that wrote on its stale snapshot would instead fail at once with "database is locked".
    """
    if connection.info.get(_SQLITE_WRITING, True) or not connection.in_transaction():
        return
    writes = statement.lstrip()[:9].upper().startswith(_WRITE_VERBS) or any(
        getattr(context, flag, False) for flag in ("isinsert", "isupdate", "isdelete"))
    compiled = getattr(getattr(context, "compiled", None), "statement", None)
    if not writes and getattr(compiled, "_for_update_arg", None) is None:
        return
    driver = cursor.connection
    if driver.in_transaction:
        driver.execute("COMMIT")
    driver.execute("BEGIN IMMEDIATE")
    connection.info[_SQLITE_WRITING] = True


def begin_write(session: Session) -> None:
    """Start the session's transaction as a writer, for a read-then-write that must not be interleaved.

    On SQLite this is BEGIN IMMEDIATE: the write lock is taken before anything is read, so two
    workers never both read a row as unclaimed (SQLite's single-writer claim). Readers are not
    blocked (WAL). Elsewhere it does nothing: PostgreSQL locks rows, not the database. Without it a
    transaction takes the lock at its first write (see _take_write_lock_before_writing), which is what
    a request wants: never hold the lock while computing.
    """
    if session.get_bind().dialect.name == "sqlite" and not session.in_transaction():
        session.connection(execution_options={_SQLITE_BEGIN: "IMMEDIATE"})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def rows_by_ids(session: Session, model: type[T], ids: Iterable[int]) -> tuple[list[T], list[int]]:
    """The rows with these ids, and the ids that name no row (sorted)."""
    wanted = set(ids)
    key = inspect(model).primary_key[0]
    rows = list(session.scalars(select(model).where(key.in_(wanted)))) if wanted else []
    found = {getattr(row, key.key) for row in rows}
    return rows, sorted(wanted - found)


def load_by_ids(session: Session, model: type[T], ids: Iterable[int]) -> list[T] | None:
    """The rows with these ids, or None when any id names no row."""
    rows, missing = rows_by_ids(session, model, ids)
    return None if missing else rows


def free_slug(session: Session, column: InstrumentedAttribute[Any], text: str) -> str:
    """The text's slug, numbered (-2, -3 …) past the ones this column already holds."""
    base = slugify(text)
    slug, n = base, 1
    while session.scalar(select(column).where(column == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def add_with_free_slug(session: Session, row: Any, column: InstrumentedAttribute[Any], text: str, *,
                       attempts: int = 5) -> None:
    """Add `row` under the text's free slug, taking the next one when another writer took it meanwhile.

    Two officers saving the same title at the same moment both find the slug free; the unique index
    lets one in, and the other, instead of failing, looks again.
    """
    for attempt in range(attempts):
        slug = free_slug(session, column, text)
        setattr(row, column.key, slug)
        try:
            with session.begin_nested():
                session.add(row)
            return
        except IntegrityError:
            if attempt == attempts - 1 or session.scalar(select(column).where(column == slug)) is None:
                raise  # always taken again, or another constraint failed
