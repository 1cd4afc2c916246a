"""PostgreSQL through its own tools: `pg_dump -Fc` for the copy, `pg_restore` and `psql` for a clean restore.

The restore is one transaction: the public schema is dropped and recreated and the dump's objects and rows
are loaded inside it, so a failure at any point leaves the database as it was. The tools must be of the
server's major version (or newer): docs/backup.md says which package to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from scheduler.backup.errors import BackupError

CLEAN = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed: install the PostgreSQL client tools of your server's major "
                          "version (Debian: postgresql-client-15 for a PostgreSQL 15 server).")
    return path


def _connection(database_url: str) -> tuple[str, dict[str, str]]:
    """libpq's URI for the database and the environment carrying its password (never on a command line)."""
    url = make_url(database_url)
    environment = dict(os.environ)
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), environment


def _run(arguments: list[str], environment: dict[str, str], what: str) -> None:
    done = subprocess.run(arguments, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {done.stderr.strip() or done.stdout.strip()}")


def dump_postgres(database_url: str, target: Path) -> None:
    """The whole database in pg_dump's custom format, without owners or grants (restored as the app's role)."""
    uri, environment = _connection(database_url)
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-acl", f"--file={target}", f"--dbname={uri}"],
         environment, "pg_dump")


def load_postgres(dump: Path, database_url: str, *, work: Path) -> None:
    """Replace the database's public schema with the dump's, in one transaction."""
    uri, environment = _connection(database_url)
    script = work / "restore.sql"
    _run([_tool("pg_restore"), "--no-owner", "--no-acl", f"--file={script}", str(dump)], environment,
         "Reading the archive's PostgreSQL dump")
    _run([_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
          f"--command={CLEAN}", f"--file={script}", f"--dbname={uri}"], environment,
         "Restoring into PostgreSQL (nothing was changed)")
