"""Two installs for backup tests: the one backed up (on the session's database) and one restored into.

The restored install has a database of its own: a file beside the test's on SQLite, `<db>_restore` (or another
suffix) on PostgreSQL, made when missing and emptied first — never the shared test database.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner, Result
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from content.db import Base, make_engine
from content.models import Role
from tests.factories import make_area, make_user
from tests.samples import image_bytes
from web.cli import cli


@dataclass
class Install:
    """One Loa install as the `loa` command sees it: its database, its folders and its keys."""

    database_url: str
    root: Path
    keys: dict[str, str] = field(default_factory=lambda: {
        "SECRET_KEY": "khoa-bi-mat-thu", "CREDENTIALS_KEY": Fernet.generate_key().decode(),
        "TIPOFF_KEY": Fernet.generate_key().decode()})

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def consent(self) -> Path:
        return self.root / "consent"

    @property
    def tipoff_root(self) -> Path:
        return self.root / "private"

    def env(self) -> dict[str, str]:
        return {"LOA_DATABASE_URL": self.database_url, "LOA_MEDIA_ROOT": str(self.media),
                "LOA_CONSENT_ROOT": str(self.consent), "LOA_TIPOFF_ROOT": str(self.tipoff_root),
                "LOA_ARTIFACTS_DIR": str(self.root / "public"),
                **{f"LOA_{name}": value for name, value in self.keys.items()}}

    def loa(self, *args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, env=self.env(), catch_exceptions=False)


def scratch_database(database_url: str, folder: Path, suffix: str) -> str:
    """An empty database of its own beside the test database, for a restore to land in."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{folder / f'{suffix}.db'}"
    name = f"{url.database}_{suffix}"
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    scratch = url.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(scratch)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return scratch


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table the database has, the search index's and Alembic's included."""
    with engine.connect() as connection:
        return {name: connection.scalar(select(func.count()).select_from(text(f'"{name}"')))
                for name in inspect(connection).get_table_names()}


def table_rows(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every model table, in primary-key order."""
    with engine.connect() as connection:
        return {table.name: [tuple(row) for row in connection.execute(
            select(table).order_by(*table.primary_key.columns))] for table in Base.metadata.sorted_tables}


def file_digests(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def rewrite_archive(archive: Path, out: Path, *, manifest: Callable[[dict], None] | None = None,
                    damage: str | None = None) -> Path:
    """A copy of `archive` with its manifest edited, or with one member's bytes changed (same size)."""
    with tarfile.open(archive, "r:gz") as old, tarfile.open(out, "w:gz") as new:
        for entry in old.getmembers():
            stream = old.extractfile(entry)
            assert stream is not None
            data = stream.read()
            if entry.name == "manifest.json" and manifest is not None:
                document = json.loads(data)
                manifest(document)
                data = json.dumps(document).encode()
            if entry.name.startswith(damage or "\0"):
                data = bytes([data[0] ^ 0xFF]) + data[1:]
                damage = None
            entry.size = len(data)
            new.addfile(entry, io.BytesIO(data))
    return out


def small_install(session: Session, database_url: str, root: Path) -> Install:
    """The session's database with one commune and one account, one image and one consent scan beside it."""
    make_user(session, role=Role.EDITOR, area=make_area(session, name="Xã Suối Mát"), username="bientap.suoimat")
    session.commit()
    install = Install(database_url, root)
    (install.media / "ab").mkdir(parents=True)
    (install.media / "ab" / "anh.png").write_bytes(image_bytes(size=(32, 32)))
    (install.consent / "7f").mkdir(parents=True)
    (install.consent / "7f" / "giay-dong-y.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return install
