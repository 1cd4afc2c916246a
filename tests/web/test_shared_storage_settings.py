"""The settings several servers share: one data folder for every kind of file, the instance folder, Redis."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from content.db import make_session_factory
from web import create_app
from web.artifacts import artifacts_dir
from web.desk.nominations import consent_root
from web.limits import is_shared_store
from web.media.files import media_root
from web.tipoff_settings import tipoff_photo_root
from web.write_behind import WriteBehind

KINDS = {"MEDIA_ROOT": "media", "CONSENT_ROOT": "consent", "AUDIO_DIR": "audio", "ARTIFACTS_DIR": "public"}


def folders(app) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    from web.data_dir import data_path

    with app.test_request_context():
        return {"MEDIA_ROOT": media_root(), "CONSENT_ROOT": consent_root(), "AUDIO_DIR": data_path(app, "AUDIO_DIR", "audio"),
                "ARTIFACTS_DIR": artifacts_dir(app), "TIPOFF_ROOT": tipoff_photo_root(app)}


def make(database_url: str, **config: object):  # type: ignore[no-untyped-def]
    return create_app({"DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "TESTING": True, **config})


def test_the_data_folder_moves_every_kind_of_file_together(database_url, tmp_path):
    app = make(database_url, DATA_DIR=str(tmp_path / "shared"))
    found = folders(app)
    assert {setting: found[setting] for setting in KINDS} == {s: tmp_path / "shared" / name for s, name in KINDS.items()}
    assert found["TIPOFF_ROOT"] == tmp_path / "shared"  # its photos go to shared/tipoffs
    app.extensions["loa.engine"].dispose()


def test_a_setting_of_its_own_still_moves_one_kind_elsewhere(database_url, tmp_path):
    app = make(database_url, DATA_DIR=str(tmp_path / "shared"), MEDIA_ROOT=str(tmp_path / "srv-media"),
               TIPOFF_ROOT=str(tmp_path / "sealed"))
    found = folders(app)
    assert found["MEDIA_ROOT"] == tmp_path / "srv-media" and found["TIPOFF_ROOT"] == tmp_path / "sealed"
    assert found["CONSENT_ROOT"] == tmp_path / "shared" / "consent"
    app.extensions["loa.engine"].dispose()


def test_without_a_data_folder_everything_stays_in_the_instance_folder(database_url, tmp_path):
    app = make(database_url, INSTANCE_PATH=str(tmp_path / "instance"))
    assert set(folders(app).values()) == {tmp_path / "instance" / name for name in KINDS.values()} | {tmp_path / "instance"}
    app.extensions["loa.engine"].dispose()


def test_the_instance_folder_is_set_from_the_environment_and_made_absolute(database_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LOA_INSTANCE_PATH", "may-chu-1")
    monkeypatch.setenv("LOA_DATABASE_URL", database_url)
    app = create_app({"TESTING": True})  # no SECRET_KEY: it is made once in the instance folder
    assert app.instance_path == str(tmp_path / "may-chu-1")
    assert (tmp_path / "may-chu-1" / "secret_key").read_text().strip() == app.config["SECRET_KEY"]
    app.extensions["loa.engine"].dispose()


@pytest.mark.parametrize(("environment", "store"), [
    ({"LOA_REDIS_URL": "redis://127.0.0.1:6379/3"}, "redis://127.0.0.1:6379/3"),
    # Memory means the locked in-memory store (web.limit_storage), whichever way it is asked for.
    ({"LOA_REDIS_URL": "redis://127.0.0.1:6379/3", "LOA_RATELIMIT_STORAGE_URI": "memory://"}, "loa-memory://"),
    ({}, "loa-memory://"),
])
def test_redis_is_the_limiters_store_unless_another_is_named(database_url, monkeypatch, environment, store):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    app = make(database_url)
    assert app.config["RATELIMIT_STORAGE_URI"] == store
    assert is_shared_store(app) == store.startswith("redis://")
    app.extensions["loa.engine"].dispose()


class Nothing:
    def drain(self, now, *, final):  # type: ignore[no-untyped-def]
        return None


def test_a_writer_forked_from_another_process_starts_a_thread_of_its_own(engine):
    writer = WriteBehind(make_session_factory(engine), lambda: None, seconds=60, background=True)  # type: ignore[arg-type,return-value]
    try:
        writer.source("nothing", Nothing)
        parents = writer._thread
        assert parents is not None and parents.is_alive()
        writer._pid = -1  # what a forked child sees: the pid that started the thread is not its own
        writer.source("nothing", Nothing)
        assert writer._thread is not None and writer._thread is not parents and writer._thread.is_alive()
    finally:
        writer._stopping.set()
        for thread in threading.enumerate():
            if thread.name == "loa-write-behind":
                thread.join(timeout=5)
