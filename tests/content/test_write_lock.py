"""SQLite's one write lock is held from a transaction's first write to its end, never while it only reads."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from content.db import begin_write, make_engine, make_session_factory
from content.models import Area, AreaKind
from content.schema import upgrade_database


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "khoa.db"
    upgrade_database(f"sqlite:///{path}")
    engine = make_engine(f"sqlite:///{path}")
    yield path, make_session_factory(engine)
    engine.dispose()


def can_take_write_lock(path) -> bool:
    """Whether another process could start writing now (it gives up at once rather than wait)."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return False
    finally:
        other.close()


def area(code: str) -> Area:
    return Area(code=code, name=f"Xã Thử {code}", kind=AreaKind.COMMUNE, path=f"/{code}/")


def test_a_transaction_that_only_reads_leaves_the_write_lock_free(database):
    path, sessions = database
    with sessions() as session:
        session.scalars(select(Area)).all()
        assert session.in_transaction()
        assert can_take_write_lock(path)


def test_the_write_lock_is_taken_at_the_first_write_and_held_to_commit(database):
    path, sessions = database
    with sessions() as session:
        session.scalars(select(Area)).all()
        session.add(area("X01"))
        session.flush()
        assert not can_take_write_lock(path)
        session.commit()
        assert can_take_write_lock(path)


def test_a_write_after_someone_else_wrote_since_our_read_goes_through(database):
    # A deferred SQLite transaction writing on its stale snapshot would fail at once with "database is
    # locked"; the upgrade writes in a fresh one instead, as PostgreSQL's READ COMMITTED would.
    path, sessions = database
    with sessions() as reader, sessions() as writer:
        assert reader.scalars(select(Area)).all() == []
        writer.add(area("X02"))
        writer.commit()
        reader.add(area("X03"))
        reader.commit()
    with sessions() as session:
        assert sorted(session.scalars(select(Area.code))) == ["X02", "X03"]


def test_a_locking_read_takes_the_write_lock_before_reading(database):
    path, sessions = database
    with sessions() as session:
        session.scalars(select(Area)).all()
        session.scalars(select(Area).with_for_update()).all()
        assert not can_take_write_lock(path)


def test_begin_write_takes_the_lock_before_anything_is_read(database):
    path, sessions = database
    with sessions() as session:
        begin_write(session)
        assert not can_take_write_lock(path)
        session.scalars(select(Area)).all()
        session.add(area("X04"))
        session.commit()
    assert can_take_write_lock(path)


def test_a_savepoint_inside_a_reading_transaction_survives_the_upgrade(database):
    path, sessions = database
    with sessions() as session:
        session.scalars(select(Area)).all()
        with session.begin_nested():
            session.add(area("X05"))
        session.commit()
    with sessions() as session:
        assert session.scalar(select(Area.code)) == "X05"
