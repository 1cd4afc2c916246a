"""Restoring over an install that has moved on since: what it has now is replaced, not merged."""

from __future__ import annotations

from sqlalchemy import text

from content.db import make_engine
from tests.backup_world import Install, scratch_database, small_install


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
