"""`loa restore` refuses an archive it cannot use, says why, exits non-zero and changes nothing."""

from __future__ import annotations

import pytest

from content.db import make_engine
from tests.backup_world import Install, rewrite_archive, scratch_database, small_install, table_counts


@pytest.fixture
def source(database_url, session_factory, session, tmp_path):  # type: ignore[no-untyped-def]
    return small_install(session, database_url, tmp_path / "source")


@pytest.fixture
def archive(source, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "loa.tar.gz"
    result = source.loa("backup", str(path))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def target(database_url, source, tmp_path):  # type: ignore[no-untyped-def]
    install = Install(scratch_database(database_url, tmp_path, "restore"), tmp_path / "target", keys=dict(source.keys))
    install.media.mkdir(parents=True)
    (install.media / "con-nguyen.txt").write_text("tệp của bản cài đặt này")
    return install


def assert_untouched(target: Install) -> None:
    engine = make_engine(target.database_url)
    try:
        assert table_counts(engine) == {}
    finally:
        engine.dispose()
    assert [p.name for p in target.media.iterdir()] == ["con-nguyen.txt"]
    assert not list(target.root.glob(".*")) and not list(target.root.rglob(".*restor*"))


def refused(target: Install, archive, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = target.loa("restore", str(archive), "--yes", *args)
    assert result.exit_code != 0, result.output
    assert "Restored." not in result.output
    assert_untouched(target)
    return result.output


def test_a_truncated_archive_is_refused(archive, target, tmp_path):
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    assert "damaged or incomplete" in refused(target, cut)


def test_a_file_that_is_no_archive_is_refused(target, tmp_path):
    other = tmp_path / "notes.tar.gz"
    other.write_text("Biên bản họp thôn, không phải bản sao lưu.")
    assert "damaged or incomplete" in refused(target, other)


def test_a_member_that_does_not_match_its_checksum_is_refused(archive, target, tmp_path):
    damaged = rewrite_archive(archive, tmp_path / "damaged.tar.gz", damage="files/media/")
    output = refused(target, damaged)
    assert "files/media/ab/anh.png" in output and "does not match its checksum" in output


def test_an_archive_of_the_other_database_backend_is_refused(archive, target, tmp_path):
    other = "sqlite" if target.database_url.startswith("postgresql") else "postgresql"
    changed = rewrite_archive(archive, tmp_path / "other.tar.gz", manifest=lambda m: m.update(backend=other))
    output = refused(target, changed)
    assert "Loa does not convert between databases" in output and "LOA_DATABASE_URL" in output


def test_an_archive_from_a_newer_schema_is_refused(archive, target, tmp_path):
    newer = rewrite_archive(archive, tmp_path / "newer.tar.gz",
                            manifest=lambda m: m.update(revision="0099_tuong_lai", loa_version="9.0"))
    output = refused(target, newer)
    assert "0099_tuong_lai" in output and "newer Loa (9.0)" in output


def test_an_archive_in_a_newer_backup_format_is_refused(archive, target, tmp_path):
    newer = rewrite_archive(archive, tmp_path / "format.tar.gz", manifest=lambda m: m.update(format_version=2))
    assert "backup format 2" in refused(target, newer)


def test_other_keys_are_refused_unless_told_to_ignore_them(archive, source, database_url, tmp_path):
    stranger = Install(scratch_database(database_url, tmp_path, "restore"), tmp_path / "target")
    stranger.media.mkdir(parents=True)
    (stranger.media / "con-nguyen.txt").write_text("tệp của bản cài đặt này")
    output = refused(stranger, archive)
    assert "tipoff_key" in output and "credentials_key" in output and "Put the original keys in place" in output

    ignored = stranger.loa("restore", str(archive), "--yes", "--ignore-keys")
    assert ignored.exit_code == 0, ignored.output
    assert "sealed tip-offs and their photos cannot be read" in ignored.output and "Restored." in ignored.output


def test_answering_no_restores_nothing_and_yes_restores(archive, target):
    declined = target.loa("restore", str(archive), input="n\n")
    assert declined.exit_code != 0 and "Nothing was restored." in declined.output
    assert "(Asia/Ho_Chi_Minh)" in declined.output and "1 media files, 1 consent files" in declined.output
    assert_untouched(target)

    accepted = target.loa("restore", str(archive), input="y\n")
    assert accepted.exit_code == 0, accepted.output
    engine = make_engine(target.database_url)
    try:
        assert table_counts(engine)["users"] == 1
    finally:
        engine.dispose()
    assert [p.name for p in target.media.iterdir()] == ["ab"]  # the folder is the archive's now
