"""Bringing a database to the schema the code expects, through Alembic's migrations."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

# migrations/ sits beside the packages: at the top of a checkout, or in site-packages (it is installed as a package).
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser interpolation would read a "%" in a password as a placeholder.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_database(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


@functools.cache
def head_revisions() -> frozenset[str]:
    """The revisions this code's migrations end at; read once, as they cannot change under a running process."""
    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def database_revisions(connection: Connection) -> frozenset[str]:
    """The revisions the database says it is at: empty when it was never migrated (one small query)."""
    # Read directly rather than through Alembic's MigrationContext, which logs at INFO each time: /readyz asks often.
    if not inspect(connection).has_table("alembic_version"):
        return frozenset()
    return frozenset(connection.scalars(text("SELECT version_num FROM alembic_version")))


def pending_migrations(connection: Connection) -> bool:
    """Whether the database is behind (or beside) the code's migrations: `loa db upgrade` is needed."""
    return database_revisions(connection) != head_revisions()



# Search indexes migration 0015 builds beside the models: SQLite's FTS5 table (and the shadow tables FTS5 keeps
# for it) and PostgreSQL's GIN expression index. They are no model's, so comparing models with the database
# skips exactly these names and nothing else.
SEARCH_INDEX_TABLES = ("message_search", "message_search_data", "message_search_idx", "message_search_docsize",
                       "message_search_config")
SEARCH_INDEX_INDEXES = ("ix_messages_search",)


def is_model_object(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's include_name: False for the search index objects the models do not describe."""
    if type_ == "table":
        return name not in SEARCH_INDEX_TABLES
    if type_ == "index":
        return name not in SEARCH_INDEX_INDEXES
    return True
