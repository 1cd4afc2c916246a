"""An archive made at an older schema restores, says to upgrade, and `loa db upgrade` brings it to the newest."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import text

from content.db import make_engine
from content.schema import alembic_config, upgrade_database
from tests.backup_world import Install, scratch_database

OLDER = "0026_models"
AT = "2026-11-23 01:00:00"


def test_an_archive_of_an_older_schema_restores_and_upgrades_with_its_rows(database_url, tmp_path):
    older = Install(scratch_database(database_url, tmp_path, "older"), tmp_path / "older")
    upgrade_database(older.database_url, OLDER)
    engine = make_engine(older.database_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO areas (code, name, kind, division_type, path) "
                                "VALUES ('91', 'Tỉnh Sông Lam', 'province', 'tỉnh', '/91/')"))
        connection.execute(text("INSERT INTO users (username, full_name, password_hash, role, is_active, created_at, "
                                "session_version) VALUES ('pheduyet.songlam', 'Lò Thị Mai', 'x', 'approver', true, "
                                ":at, 1)"), {"at": AT})
    engine.dispose()
    archive = tmp_path / "older.tar.gz"
    made = older.loa("backup", str(archive))
    assert made.exit_code == 0 and f"revision {OLDER}" in made.output, made.output

    target = Install(scratch_database(database_url, tmp_path, "restore"), tmp_path / "target", keys=dict(older.keys))
    restored = target.loa("restore", str(archive), "--yes")
    assert restored.exit_code == 0, restored.output
    assert "run `loa db upgrade` before starting it" in restored.output
    upgraded = target.loa("db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output

    head = ScriptDirectory.from_config(alembic_config(target.database_url)).get_current_head()
    engine = make_engine(target.database_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == head != OLDER
            assert connection.execute(text("SELECT code, name FROM areas")).all() == [("91", "Tỉnh Sông Lam")]
            assert connection.execute(text("SELECT username, full_name, role FROM users")).all() == \
                [("pheduyet.songlam", "Lò Thị Mai", "approver")]
    finally:
        engine.dispose()
