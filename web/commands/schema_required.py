"""Commands that need the database migrated refuse, with the command to run, before any query fails obscurely."""

from __future__ import annotations

import click
from flask import current_app
from sqlalchemy import inspect


def require_schema(table: str = "deliveries") -> None:
    """Refuse unless `table` exists: the oldest table a command reads, or the newest it needs (e.g. api_tokens)."""
    if table not in inspect(current_app.extensions["loa.engine"]).get_table_names():
        raise click.ClickException("The database has no schema yet, or an older one: run `loa db upgrade` "
                                   "(or `loa demo`).")
