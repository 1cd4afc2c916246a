"""`loa db upgrade` on an empty database must give exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from content.db import Base
from content.schema import is_model_object


def test_migrations_give_exactly_the_models_schema(engine):
    # The session-wide database was built by upgrade_database() alone; nothing called create_all().
    with engine.connect() as connection:
        # Only the search indexes migration 0015 adds beside the models are skipped (content.schema says which).
        differences = compare_metadata(MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": is_model_object}), Base.metadata)
    assert differences == []


def test_the_migrated_database_is_at_the_newest_revision(engine):
    from alembic.script import ScriptDirectory

    from content.schema import alembic_config

    head = ScriptDirectory.from_config(alembic_config(str(engine.url))).get_current_head()
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
