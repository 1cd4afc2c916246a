"""The instance folder, the SQLite database, media and audio: never readable by other local users."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from content.db import make_engine
from content.media import store_image
from content.models import Role
from scheduler.audio.cache import AudioCache
from tests.factories import make_area, make_user
from tests.samples import image_bytes
from web.cli import cli
from web.config import _instance_secret
from web.instance import prepare_database_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most servers run with, which leaves new files world-readable unless the code says otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_db_upgrade_on_a_fresh_instance_makes_the_folder_and_database_private(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    database = instance / "loa.db"
    monkeypatch.setenv("LOA_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("LOA_SECRET_KEY", "cli-test")
    result = CliRunner().invoke(cli, ["db", "upgrade"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert mode(instance) == 0o700 and mode(database) == 0o600

    engine = make_engine(f"sqlite:///{database}")
    with engine.begin() as connection:  # a write leaves the WAL and its index beside the database
        connection.execute(text("CREATE TABLE thu (x INTEGER)"))
        wal, shm = database.with_name("loa.db-wal"), database.with_name("loa.db-shm")
        assert wal.exists() and shm.exists()
        assert mode(wal) == 0o600 and mode(shm) == 0o600
    engine.dispose()


def test_the_generated_secret_key_and_its_folder_are_private(tmp_path):
    instance = tmp_path / "instance"
    _instance_secret(instance)
    assert mode(instance) == 0o700 and mode(instance / "secret_key") == 0o600


def test_threads_making_a_secret_at_once_all_get_the_same_whole_key(tmp_path):
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    start = Barrier(16)
    made = iter(range(10**6))

    def make_key() -> str:
        return f"khoa-{next(made)}-" + "x" * 4096  # long, so a half-written file would show

    def read(_: int) -> str:
        start.wait()
        return _instance_secret(tmp_path / "instance", "tipoff_key", make_key)

    with ThreadPoolExecutor(16) as pool:
        keys = set(pool.map(read, range(16)))
    assert len(keys) == 1 and next(iter(keys)).endswith("x" * 4096)  # one key, never empty nor cut short
    assert [p.name for p in (tmp_path / "instance").iterdir()] == ["tipoff_key"]  # no temporary file left
    assert mode(tmp_path / "instance" / "tipoff_key") == 0o600


def test_an_existing_world_readable_database_loses_world_access(tmp_path):
    database = tmp_path / "loa.db"
    database.touch(mode=0o644)
    os.chmod(database, 0o644)
    prepare_database_file(f"sqlite:///{database}")
    assert mode(database) & 0o007 == 0


def test_uploaded_images_are_not_world_readable(session, tmp_path, now):
    editor = make_user(session, role=Role.EDITOR, area=make_area(session))
    root = tmp_path / "instance" / "media"
    store_image(session, data=image_bytes("PNG"), original_name="anh.png", alt_text="Cổng làng Đông Hà",
                uploader=editor, media_root=root, now=now)
    paths = [root, *root.rglob("*")]
    assert len([p for p in paths if p.is_file()]) == 2  # the picture and its thumbnail
    assert all(mode(p) & 0o007 == 0 for p in paths), {str(p): oct(mode(p)) for p in paths}


def test_cached_audio_is_private(tmp_path):
    cache = AudioCache(tmp_path / "audio")
    made = cache.produce("khoa", "wav", lambda path: path.write_bytes(b"RIFF"))
    assert mode(cache.directory) == 0o700 and mode(made) == 0o600


def test_db_upgrade_in_an_existing_open_folder_still_makes_a_private_database(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    instance.mkdir(mode=0o755)
    database = instance / "loa.db"
    monkeypatch.setenv("LOA_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("LOA_SECRET_KEY", "cli-test")
    result = CliRunner().invoke(cli, ["db", "upgrade"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert mode(database) == 0o600
