"""Bringing a database to the schema the code expects, through Alembic's migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

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
