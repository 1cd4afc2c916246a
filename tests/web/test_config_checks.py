"""Each of `loa check`'s findings appears with its condition and not without it."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from campaigns.worker_models import WorkerBeat, record_worker_beat, worker_beats
from content.schema import head_revisions, upgrade_database
from tests.outbox_world import mixed_outbox
from tests.web.check_world import STRONG_KEY, healthy_apps
from web.checks import CHECKS
from web.checks.database_checks import check_channels, check_database, check_workers
from web.checks.setup_checks import check_audio_tools, check_base_url, check_instance_files, check_secret_key


@pytest.fixture
def healthy(database_url, session_factory, clock, tmp_path):  # type: ignore[no-untyped-def]
    yield from healthy_apps(database_url, session_factory, clock, tmp_path)


def test_a_healthy_installation_has_no_finding(healthy):
    app = healthy()
    assert {name: check(app) for name, check in CHECKS.items()} == {name: [] for name in CHECKS}


@pytest.mark.parametrize("key", ["test-secret", "changeme", "ngắn-quá-chưa-đủ-32-ký-tự"])
def test_a_known_or_short_secret_key_is_weak(healthy, key):
    (finding,) = check_secret_key(healthy(SECRET_KEY=key))
    assert "weak" in finding.problem and "LOA_SECRET_KEY" in finding.remedy


def test_a_key_from_the_instance_folder_is_fine_on_one_server_and_wrong_with_redis(healthy, tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir(mode=0o700)
    (instance / "secret_key").write_text(STRONG_KEY + "\n")
    assert check_secret_key(healthy()) == []
    for shared in ({"REDIS_URL": "redis://127.0.0.1:6379/2"}, {"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/2"}):
        (finding,) = check_secret_key(healthy(**shared))
        assert "several servers" in finding.problem and "same LOA_SECRET_KEY on every server" in finding.remedy
    assert check_secret_key(healthy(REDIS_URL="redis://127.0.0.1:6379/2", SECRET_KEY="a" * 8 + STRONG_KEY)) == []


def test_the_base_address_is_needed_unless_loa_run_serves_on_one_address(healthy):
    assert check_base_url(healthy(BASE_URL=None), "127.0.0.1") == []
    (behind,) = check_base_url(healthy(BASE_URL=None, PROXY_COUNT=1), "127.0.0.1")
    assert "behind a proxy" in behind.problem and "LOA_BASE_URL" in behind.remedy
    (everywhere,) = check_base_url(healthy(BASE_URL=None), "0.0.0.0")
    assert "http://0.0.0.0:" in everywhere.problem
    (workers,) = check_base_url(healthy(BASE_URL=None))
    assert "`loa worker` cannot write the published pages" in workers.problem
    assert check_base_url(healthy(PROXY_COUNT=1, BASE_URL="https://loa.tinh.example"), "0.0.0.0") == []


def test_missing_speech_and_encoder_programs_are_named(healthy, tmp_path, monkeypatch):
    (espeak,) = check_audio_tools(healthy(AUDIO_ESPEAK="espeak-ng-khong-co"))
    assert "'espeak-ng-khong-co'" in espeak.problem and "apt-get install espeak-ng" in espeak.remedy
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on it: no ffmpeg
    (ffmpeg,) = check_audio_tools(healthy(AUDIO_ESPEAK="/usr/bin/espeak-ng"))
    assert "ffmpeg is not found" in ffmpeg.problem and "MP3" in ffmpeg.problem
    assert check_audio_tools(healthy(AUDIO_ESPEAK="/usr/bin/espeak-ng", AUDIO_FORMAT="wav")) == []


def test_world_readable_instance_files_are_listed(healthy, tmp_path):
    app = healthy()
    instance = Path(app.instance_path)
    instance.mkdir(mode=0o700)
    key = instance / "credentials_key"
    key.write_text("khóa")
    os.chmod(key, 0o600)
    assert check_instance_files(app) == []
    os.chmod(key, 0o644)
    (finding,) = check_instance_files(app)
    assert str(key) in finding.problem and f"chmod -R o-rwx {instance}" in finding.remedy


def test_an_unreachable_database_is_said_plainly(healthy):
    app = healthy(DATABASE_URL="postgresql+psycopg://loa@127.0.0.1:9/loa")
    (finding,) = check_database(app)
    assert finding.problem.startswith("The database cannot be reached:") and "LOA_DATABASE_URL" in finding.remedy
    assert check_channels(app) == check_workers(app) == []  # the database's finding says it once


def test_pending_migrations_name_the_revisions(healthy, tmp_path):
    url = f"sqlite:///{tmp_path / 'behind.db'}"
    upgrade_database(url, "0027_commendations")
    (finding,) = check_database(healthy(DATABASE_URL=url))
    assert "at migration 0027_commendations" in finding.problem and f"expects {min(head_revisions())}" in finding.problem
    assert "loa db upgrade" in finding.remedy
    (empty,) = check_database(healthy(DATABASE_URL=f"sqlite:///{tmp_path / 'new.db'}"))
    assert empty.problem == "The database has no schema yet."


def test_channels_that_need_a_person_are_each_named(healthy, session, now):
    world = mixed_outbox(session, now)
    problems = [finding.problem for finding in check_channels(healthy())]
    assert len(problems) == 4
    assert problems[0].startswith(f"Channel 'Kênh Telegram xã Tân Phong' (#{world.telegram.id}) needs attention: "
                                  "Telegram từ chối mã truy cập (401)")
    assert problems[1].startswith("Channel 'Webhook Công an tỉnh'") and "paused until 2026-11-23 01:05 UTC" in problems[1]
    assert problems[2].startswith("Channel 'Zalo OA huyện'") and "switched off with 1 deliveries" in problems[2]
    assert problems[3].startswith("1 deliveries may or may not have been posted")


def test_no_worker_ever_and_a_silent_worker_are_findings(healthy, session, clock, now):
    app = healthy()
    assert check_workers(app) == []
    clock.set(now + timedelta(minutes=3))
    (silent,) = check_workers(app)
    assert silent.problem.startswith("No worker has ticked since 2026-11-23 01:00 UTC (the last was may-chu-1:101)")
    session.query(WorkerBeat).delete()
    session.commit()
    (never,) = check_workers(app)
    assert never.problem.startswith("No worker has ever ticked")


def test_a_worker_holding_lapsed_claims_is_named(healthy, session, now):
    mixed_outbox(session, now)
    (stuck,) = check_workers(healthy())
    assert stuck.problem.startswith("Worker may-1:111 holds 2 claims whose lease ran out")


def test_a_beat_renews_its_row_and_forgets_week_old_workers(session, now):
    record_worker_beat(session, "may-cu:1", now=now - timedelta(days=8))
    record_worker_beat(session, "may-chu-2:202", now=now - timedelta(minutes=1))
    record_worker_beat(session, "may-chu-2:202", now=now)
    session.commit()
    assert [(b.name, b.last_seen_at) for b in worker_beats(session)] == [("may-chu-2:202", now)]
