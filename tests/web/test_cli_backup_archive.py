"""What `loa backup` writes: a private archive whose manifest describes it, keys only as fingerprints."""

from __future__ import annotations

import json
import stat
import tarfile

import pytest
from alembic.script import ScriptDirectory

from content.schema import alembic_config
from scheduler.backup.manifest import fingerprint
from tests.backup_world import Install, small_install


@pytest.fixture
def source(database_url, session_factory, session, tmp_path):  # type: ignore[no-untyped-def]
    return small_install(session, database_url, tmp_path / "source")


def head(database_url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()


def test_the_archive_is_private_and_its_manifest_lists_every_member_with_the_keys_as_fingerprints(source, tmp_path):
    archive = tmp_path / "loa.tar.gz"
    result = source.loa("backup", str(archive))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        everything = b"".join(tar.extractfile(m).read() for m in tar.getmembers() if m.isfile())  # type: ignore[union-attr]
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    backend = "postgresql" if source.database_url.startswith("postgresql") else "sqlite"
    assert manifest["backend"] == backend and manifest["revision"] == head(source.database_url)
    assert manifest["format_version"] == 1 and manifest["created_at"].endswith("+00:00")
    assert {m["name"] for m in manifest["members"]} == set(names) - {"manifest.json"}
    assert "files/consent/7f/giay-dong-y.pdf" in names and any(n.startswith("database/") for n in names)
    assert manifest["key_fingerprints"] == {"secret_key": fingerprint(source.keys["SECRET_KEY"]),
                                            "credentials_key": fingerprint(source.keys["CREDENTIALS_KEY"]),
                                            "tipoff_key": fingerprint(source.keys["TIPOFF_KEY"])}
    for key in source.keys.values():
        assert key.encode() not in everything
    assert "loa artifacts build" in manifest["not_included"]["artifacts"]


def test_a_folder_gets_an_archive_named_by_time_and_keeps_only_the_newest(source, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in ("20261101", "20261102", "20261103"):
        (folder / f"loa-backup-{day}T013000Z.tar.gz").write_bytes(b"cu")
    (folder / "ghi-chu.txt").write_text("không phải bản sao lưu")
    result = source.loa("backup", str(folder), "--keep", "2")
    assert result.exit_code == 0, result.output
    kept = sorted(p.name for p in folder.iterdir())
    assert kept[0] == "ghi-chu.txt" and kept[1] == "loa-backup-20261103T013000Z.tar.gz" and len(kept) == 3
    assert kept[2].startswith("loa-backup-2") and tarfile.is_tarfile(folder / kept[2])


def test_an_existing_file_is_not_overwritten(source, tmp_path):
    archive = tmp_path / "loa.tar.gz"
    archive.write_bytes(b"ban sao hom qua")
    result = source.loa("backup", str(archive))
    assert result.exit_code != 0 and "already exists" in result.output
    assert archive.read_bytes() == b"ban sao hom qua"


def test_keep_without_a_folder_is_a_usage_error(source, tmp_path):
    result = source.loa("backup", str(tmp_path / "loa.tar.gz"), "--keep", "3")
    assert result.exit_code == 2 and "--keep needs PATH to be a folder" in result.output


def test_a_backup_that_fails_says_why_and_leaves_no_archive(source, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    unreachable = Install("postgresql+psycopg://loa@127.0.0.1:9/khong_co", source.root, keys=source.keys)
    result = unreachable.loa("backup", str(folder))
    assert result.exit_code != 0 and "cannot be read" in result.output and "nothing was backed up" in result.output
    assert list(folder.iterdir()) == []


def test_a_folder_it_may_not_write_in_is_a_clear_error_not_a_traceback(source):
    # /sys refuses even root, which CI runs as; a folder owned by root refuses Loa's own account the same way.
    result = source.loa("backup", "/sys")
    assert result.exit_code == 1 and "Cannot write in /sys" in result.output and "Nothing was backed up" in result.output
    assert "Traceback" not in result.output
