"""Restoring over an install that has moved on since: what it has now is replaced, not merged."""

from __future__ import annotations

from sqlalchemy import text

import scheduler.backup.sqlite_copy
from content.db import make_engine
from content.models import Role
from tests.backup_world import Install, scratch_database, small_install
from tests.factories import make_user


def test_a_second_restore_puts_back_the_archive_as_it_was(database_url, session_factory, session, tmp_path):
    source = small_install(session, database_url, tmp_path / "source")
    archive = tmp_path / "loa.tar.gz"
    assert source.loa("backup", str(archive)).exit_code == 0
    target = Install(scratch_database(database_url, tmp_path, "restore"), tmp_path / "target", keys=dict(source.keys))
    assert target.loa("restore", str(archive), "--yes").exit_code == 0

    # Life goes on in the restored install: an account and a table the archive never had, an image added.
    engine = make_engine(target.database_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO users (username, full_name, password_hash, role, is_active, created_at, "
                                "session_version) VALUES ('moi.them', 'Hà Văn Mới', 'x', 'editor', true, "
                                "'2026-11-24 02:00:00', 1)"))
        connection.execute(text("CREATE TABLE ghi_chu_tam (id INTEGER PRIMARY KEY)"))
    (target.media / "cd").mkdir()
    (target.media / "cd" / "moi.png").write_bytes(b"anh moi")

    again = target.loa("restore", str(archive), "--yes")
    assert again.exit_code == 0, again.output
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT username FROM users")).scalars().all() == ["bientap.suoimat"]
            tables = set(connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'table'" if engine.dialect.name == "sqlite" else
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    finally:
        engine.dispose()
    assert "users" in tables and "ghi_chu_tam" not in tables
    assert sorted(p.relative_to(target.media).as_posix() for p in target.media.rglob("*.png")) == ["ab/anh.png"]


def test_a_restore_that_fails_while_writing_leaves_the_database_and_files_as_they_were(
        database_url, session_factory, session, tmp_path, monkeypatch):
    source = small_install(session, database_url, tmp_path / "source")
    first, second = tmp_path / "first.tar.gz", tmp_path / "second.tar.gz"
    assert source.loa("backup", str(first)).exit_code == 0
    target = Install(scratch_database(database_url, tmp_path, "restore"), tmp_path / "target", keys=dict(source.keys))
    assert target.loa("restore", str(first), "--yes").exit_code == 0
    make_user(session, role=Role.APPROVER, username="pheduyet.suoimat")
    session.commit()
    (source.media / "ab" / "anh-hai.png").write_bytes(b"anh thu hai")
    assert source.loa("backup", str(second)).exit_code == 0

    # A process still using the database (Loa not stopped) holds a lock the restore must wait for; it gives up.
    engine = make_engine(target.database_url)
    holder = engine.raw_connection()
    cursor = holder.cursor()
    if engine.dialect.name == "sqlite":
        monkeypatch.setattr(scheduler.backup.sqlite_copy, "TIMEOUT_SECONDS", 0.2)
        cursor.execute("BEGIN EXCLUSIVE")
    else:
        monkeypatch.setenv("PGOPTIONS", "-c lock_timeout=500")
        cursor.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
    try:
        failed = target.loa("restore", str(second), "--yes")
    finally:
        holder.rollback()
        holder.close()
    assert failed.exit_code != 0 and "Restored." not in failed.output
    assert "stop `loa run`" in failed.output or "nothing was changed" in failed.output, failed.output
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT username FROM users")).scalars().all() == ["bientap.suoimat"]
    finally:
        engine.dispose()
    assert sorted(p.name for p in target.media.rglob("*.png")) == ["anh.png"]
    assert not list(target.root.glob(".*")) and not list(tmp_path.glob(".loa-restore-*"))
