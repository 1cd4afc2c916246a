"""`loa backup` then `loa restore` into another install: every row, every file, and audio made again."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Delivery, Station
from campaigns.nomination_consent import scan_path
from campaigns.station_tokens import issue_station_token
from campaigns.tipoff_photos import CleanPhoto, photo_folder, write_photo
from content.db import make_engine
from tests.audio_tools import require_tool
from tests.backup_world import Install, file_digests, scratch_database, table_counts, table_rows
from tests.samples import image_bytes

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def source(database_url, session_factory, tmp_path):  # type: ignore[no-untyped-def]
    return Install(database_url, tmp_path / "source")


@pytest.fixture
def target(database_url, source, tmp_path):  # type: ignore[no-untyped-def]
    return Install(scratch_database(database_url, tmp_path, "restore"), tmp_path / "target", keys=dict(source.keys))


def add_private_files(install: Install) -> None:
    """What the demo does not make: a signed consent form's scan and a sealed tip-off photo."""
    scan = b"%PDF-1.4\n% Giay dong y cua ong Tran Van Lanh, thon Suoi Mat\n%%EOF\n"
    path = scan_path(install.consent, hashlib.sha256(scan).hexdigest(), "application/pdf")
    path.parent.mkdir(parents=True)
    path.write_bytes(scan)
    write_photo(install.tipoff_root, install.keys["TIPOFF_KEY"], CleanPhoto("image/png", image_bytes(size=(64, 48))), now=NOW)


def test_a_restored_install_has_every_row_and_file_of_the_one_backed_up_and_makes_its_audio_again(source, target,
                                                                                                  tmp_path):
    require_tool("espeak-ng", "espeak-ng")
    assert source.loa("demo", "--no-serve").exit_code == 0
    add_private_files(source)
    archive = tmp_path / "loa.tar.gz"
    made = source.loa("backup", str(archive))
    assert made.exit_code == 0, made.output
    restored = target.loa("restore", str(archive), "--yes")
    assert restored.exit_code == 0, restored.output
    assert "Restored." in restored.output and "loa db upgrade" not in restored.output

    before, after = make_engine(source.database_url), make_engine(target.database_url)
    try:
        counts = table_counts(before)
        assert counts["messages"] == 39 and counts["alembic_version"] == 1
        assert table_counts(after) == counts
        assert table_rows(after) == table_rows(before)
    finally:
        before.dispose()
        after.dispose()
    for folder in ("media", "consent"):
        assert file_digests(getattr(target, folder)) == file_digests(getattr(source, folder)) != {}
    photos = file_digests(photo_folder(target.tipoff_root))
    assert photos == file_digests(photo_folder(source.tipoff_root)) and len(photos) == 1
    assert_audio_is_made(target, tmp_path)


def assert_audio_is_made(target: Install, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A restored station's item read aloud from nothing: the archive holds no audio, the cache starts empty."""
    from web import create_app

    app = create_app({"DATABASE_URL": target.database_url, "SECRET_KEY": "khoa-bi-mat-thu", "TESTING": True,
                      "SERVER_NAME": "loa.test"})
    app.instance_path = str(tmp_path / "target-instance")
    try:
        with Session(app.extensions["loa.engine"]) as session:
            delivery = session.scalars(select(Delivery).where(Delivery.station_id.is_not(None))
                                       .order_by(Delivery.due_at)).first()
            assert delivery is not None and delivery.station_id is not None
            token = issue_station_token(session.get_one(Station, delivery.station_id), now=NOW)
            session.commit()
            day = delivery.due_at.astimezone(ZONE).date()
            path = f"/radio/stations/{delivery.station_id}/scripts/{day}/items/{delivery.id}.wav"
        with app.test_client().get(path, query_string={"token": token}) as response:
            body = response.get_data()
        assert response.status_code == 200, body[:300]
        assert response.mimetype == "audio/wav" and body[:4] == b"RIFF" and len(body) > 10_000
    finally:
        app.extensions["loa.engine"].dispose()
