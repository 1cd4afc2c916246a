"""Which schema revision a database is at, and whether this code knows it, is at it, or is behind it."""

from __future__ import annotations

import enum

from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from content.schema import alembic_config, database_revisions, head_revisions


class Standing(enum.Enum):
    CURRENT = "current"  # the code's newest revision
    OLDER = "older"  # known, behind: `loa db upgrade` brings it up
    UNKNOWN = "unknown"  # made by a newer Loa (or another branch of it)
    EMPTY = "empty"  # never migrated


def database_revision(connection: Connection) -> str | None:
    # Loa's migrations are one chain, so a migrated database is at exactly one revision.
    return next(iter(database_revisions(connection)), None)


def revision_standing(revision: str | None) -> Standing:
    if revision is None:
        return Standing.EMPTY
    if revision in head_revisions():
        return Standing.CURRENT
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}
    return Standing.OLDER if revision in known else Standing.UNKNOWN
