"""Migration 0019 (programmes): down and up again on both databases, and deliveries still writable when down."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

import campaigns.models  # noqa: F401  (the tables compared against)
from content.db import Base
from content.schema import alembic_config, is_model_object, upgrade_database

POSTGRES_URL = os.environ.get("LOA_TEST_DATABASE_URL")
SCHEMA = "migration_0019"
# Prepared, not run: a foreign key naming a missing table fails here, at prepare time, on SQLite.
WRITE = ("EXPLAIN INSERT INTO deliveries (message_id, due_at, status, urgent, attempts, idempotency_key, created_at) "
         "VALUES (1, '2027-09-09 12:00:00', 'planned', false, 0, 'k', '2027-09-01 00:00:00')")


@contextmanager
def empty_databases(tmp_path: Path) -> Iterator[list[str]]:
    urls = [f"sqlite:///{tmp_path / 'programmes.db'}"]
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


def test_down_to_0018_and_up_again_gives_the_models_schema_and_deliveries_stay_writable(tmp_path):
    with empty_databases(tmp_path) as urls:
        for url in urls:
            upgrade_database(url)
            command.downgrade(alembic_config(url), "0018")
            engine = create_engine(url)
            with engine.connect() as connection:
                connection.execute(text(WRITE))
                if engine.dialect.name == "postgresql":
                    assert "programmes" not in inspect(connection).get_table_names()
            upgrade_database(url)
            with engine.connect() as connection:
                assert compare_metadata(MigrationContext.configure(
                    connection, opts={"compare_type": True, "include_name": is_model_object}), Base.metadata) == []
                connection.execute(text(WRITE))
            engine.dispose()
