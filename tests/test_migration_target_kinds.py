"""Migration 0012 (target kinds): free-text kinds become "other" without losing what they said."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from content.schema import alembic_config, upgrade_database

REVISION = "0012"
POSTGRES_URL = os.environ.get("LOA_TEST_DATABASE_URL")
SCHEMA = "migration_0012"


@contextmanager
def empty_databases(tmp_path: Path) -> Iterator[list[str]]:
    """A new SQLite file, and on PostgreSQL (when tested) a schema of its own beside the suite's."""
    urls = [f"sqlite:///{tmp_path / 'before.db'}"]
    if POSTGRES_URL:
        admin = create_engine(POSTGRES_URL)
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        urls.append(f"{POSTGRES_URL}?options=-csearch_path%3D{SCHEMA}")
    try:
        yield urls
    finally:
        if POSTGRES_URL:
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            admin.dispose()


def insert(connection, table: str, **values: object) -> int:  # type: ignore[no-untyped-def]
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    return connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"), values).scalar_one()


def test_old_kinds_become_other_and_a_blank_description_keeps_the_old_kind(tmp_path):
    with empty_databases(tmp_path) as urls:
        for url in urls:
            migrate_old_kinds(url)


def migrate_old_kinds(url: str) -> None:
    before = ScriptDirectory.from_config(alembic_config(url)).get_revision(REVISION).down_revision
    upgrade_database(url, str(before))
    engine = create_engine(url)
    with engine.begin() as connection:
        area = insert(connection, "areas", code="01", name="Tỉnh Thử", kind="province", division_type="", path="/01/")
        campaign = insert(connection, "campaigns", plan_number="Kế hoạch số 32/KH-UBND", issuing_body="UBND tỉnh",
                          title="Khu dân cư an toàn", slug="khu-dan-cu-an-toan", description="",
                          starts_on=date(2026, 1, 15), ends_on=date(2030, 12, 31), owner_area_id=area,
                          created_at=datetime(2026, 11, 23, 1, tzinfo=timezone.utc))
        for kind, description in (("khac", "Phường đạt chuẩn an toàn"), ("safe_communes", ""),
                                  ("milestones", "13 xã, phường đạt chuẩn"), ("", "  ")):
            insert(connection, "targets", campaign_id=campaign, kind=kind, description=description, value=13.0,
                   unit="")
    upgrade_database(url, REVISION)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT kind, description, min_airings, message_kind FROM targets "
                                       "ORDER BY id")).all()
        milestones = connection.scalar(text("SELECT count(*) FROM target_milestones"))
    engine.dispose()
    assert [tuple(r) for r in rows] == [("other", "Phường đạt chuẩn an toàn", None, None),
                                        ("other", "safe_communes", None, None),
                                        ("milestones", "13 xã, phường đạt chuẩn", None, None),
                                        ("other", "", None, None)]
    assert milestones == 0
