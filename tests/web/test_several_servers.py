"""Two web servers (gunicorn, two processes each) and two `loa worker` processes on one PostgreSQL and one Redis.

Each server has an instance folder of its own and shares with the other only what docs/deploy.md says servers share:
the database, Redis (LOA_REDIS_URL), the data folder (LOA_DATA_DIR) and the keys (LOA_SECRET_KEY, LOA_CREDENTIALS_KEY,
LOA_TIPOFF_KEY). Nothing here may pass because both servers happen to be one process.

It needs PostgreSQL by nature (SQLite is one machine's file): when LOA_TEST_DATABASE_URL is unset (the SQLite phase)
it uses the PostgreSQL on 127.0.0.1:5432 anyway, which CI and this machine have. Its database is its own
(`<test database>_multi`), made afresh and migrated; Redis is LOA_TEST_REDIS_URL (default db 3), emptied first.
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
import requests
from PIL import Image
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bench.fakes.webhook import spawn_receiver
from bench.servers import ROOT, clean_env, free_port
from campaigns.credentials import generate_key, set_channel_secret
from campaigns.models import ChannelKind, Delivery, DeliveryStatus, ReachEvent
from campaigns.tipoff_sealing import generate_tipoff_key
from content.db import make_engine, make_session_factory, utcnow
from content.media import media_file_name
from content.models import MediaItem, Role
from content.schema import upgrade_database
from tests.factories import PASSWORD, make_area, make_channel, make_station, make_user
from tests.scenarios import approved

WEBHOOKS = 200
STARTUP = 120.0  # two servers of two processes each booting at once on a busy CI machine
# The version memo's bound (LOA_PUBLIC_VERSION_SECONDS, 1 s) with room for a busy machine.
PROMPTLY = 5.0


def postgres_url() -> str:
    base = make_url(os.environ.get("LOA_TEST_DATABASE_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/loa_test")
    assert base.get_backend_name() == "postgresql", "LOA_TEST_DATABASE_URL must name PostgreSQL or be unset"
    return base.set(database=f"{base.database}_multi").render_as_string(hide_password=False)


def fresh_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    upgrade_database(url)


def wait_until(condition: Callable[[], bool], what: str, timeout: float) -> float:
    """Seconds it took `condition()` to hold; fails after `timeout`."""
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > timeout:
            raise AssertionError(f"not within {timeout:g} s: {what}")
        time.sleep(0.05)
    return time.monotonic() - began


class Cluster:
    def __init__(self, tmp: Path, database_url: str, redis_url: str) -> None:
        self.tmp, self.processes, self.log = tmp, [], tmp / "servers.log"
        self.env = {**clean_env(), "LOA_DATABASE_URL": database_url, "LOA_REDIS_URL": redis_url,
                    "LOA_DATA_DIR": str(tmp / "shared"), "LOA_SECRET_KEY": uuid.uuid4().hex,
                    "LOA_CREDENTIALS_KEY": generate_key(), "LOA_TIPOFF_KEY": generate_tipoff_key(),
                    "LOA_TICK_SECONDS": "1", "LOA_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
                    "LOA_BASE_URL": "https://loa.example.vn"}

    def start(self, name: str, command: list[str], **env: str) -> subprocess.Popen[bytes]:
        environment = {**self.env, "LOA_INSTANCE_PATH": str(self.tmp / name), **env}
        with self.log.open("ab") as log:
            process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)
        self.processes.append(process)
        return process

    def web(self, name: str, **env: str) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        process = self.start(name, [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
                                    "--graceful-timeout", "20", "web:create_app()"], **env)
        return process, f"http://127.0.0.1:{port}"

    def wait_answering(self, process: subprocess.Popen[bytes], base: str) -> None:
        def answers() -> bool:
            assert process.poll() is None, self.log.read_text()[-3000:]
            try:
                return requests.get(f"{base}/desk/login", timeout=5).status_code == 200
            except (requests.ConnectionError, requests.Timeout):  # bound by the master, workers still booting
                return False
        wait_until(answers, f"{base} answering", STARTUP)

    def worker(self, name: str) -> subprocess.Popen[bytes]:
        return self.start(name, [sys.executable, "-c", "import sys; from web.cli import cli; cli(sys.argv[1:])",
                                 "worker", "--name", name])

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[Cluster, sessionmaker[Session]]]:
    url = postgres_url()
    fresh_database(url)
    redis_url = os.environ.get("LOA_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
    redis.Redis.from_url(redis_url).flushdb()  # a Redis that is not running fails here: CI starts one
    engine = make_engine(url)
    group = Cluster(tmp_path, url, redis_url)
    try:
        yield group, make_session_factory(engine)
    finally:
        group.stop()
        engine.dispose()


def form_token(browser: requests.Session, url: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', browser.get(url, timeout=10).text).group(1)


def log_in(browser: requests.Session, base: str, username: str, password: str = PASSWORD) -> requests.Response:
    return browser.post(f"{base}/desk/login", allow_redirects=False, timeout=30, data={
        "username": username, "password": password, "csrf_token": form_token(browser, f"{base}/desk/login")})


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 40, 40)).save(out, "PNG")
    return out.getvalue()


def test_two_servers_and_two_workers_share_logins_limits_files_pages_and_the_outbox(cluster, tmp_path):
    group, factory = cluster
    now = utcnow()
    with factory() as session:
        province = make_area(session, name="Tỉnh Sơn Lâm")
        station = make_station(session, province, name="Đài xã Đồi Thông")
        public = [make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh").id,
                  make_channel(session, ChannelKind.FEED, name="Tin RSS của tỉnh").id]
        message, approver = approved(session, province, now, "Cảnh giác kẻ gian giả danh cán bộ điện lực")
        approver.username = "pheduyet"
        make_user(session, role=Role.EDITOR, area=province, username="bientap")
        make_user(session, role=Role.EDITOR, area=province, username="thukho")
        session.commit()
        message_id, slug, title, station_id, approver_id = message.id, message.slug, message.title, station.id, approver.id

    # Server A never writes its counts on its own (an hour), so only its exit can: see the end.
    server_a, a = group.web("a", LOA_WRITE_BEHIND_SECONDS="3600")
    server_b, b = group.web("b")
    for name_ in ("w1", "w2"):  # idle until the deliveries below are due
        group.worker(name_)
    group.wait_answering(server_a, a)
    group.wait_answering(server_b, b)

    # A login made through A is a login on B: the session is signed with the shared key and recorded in the database.
    officer = requests.Session()
    assert log_in(officer, a, "pheduyet").status_code == 302
    assert officer.get(f"{b}/desk/", allow_redirects=False, timeout=10).status_code == 200

    # Failures split across both servers lock the account: five in all, then even the right password waits.
    guesser = requests.Session()
    for base in (a, b, a, b, a):
        assert log_in(guesser, base, "thukho", "sai-mat-khau").status_code == 200
    assert log_in(requests.Session(), b, "thukho").status_code == 429
    # So does a route's rate limit: ten refused station tokens in all, five through each server.
    script = f"/radio/stations/{station_id}/scripts/{now.date().isoformat()}.txt"
    wrong = {"Authorization": "Bearer sai-ma-truy-cap"}
    assert [requests.get(f"{base}{script}", headers=wrong, timeout=10).status_code
            for base in (a, b) * 5] == [403] * 10
    assert requests.get(f"{b}{script}", headers=wrong, timeout=10).status_code == 429

    # An image uploaded through A is served by B, from the shared data folder (each has its own instance folder).
    editor = requests.Session()
    assert log_in(editor, a, "bientap").status_code == 302
    uploaded = editor.post(f"{a}/desk/media/", timeout=30, allow_redirects=False, files={"image": ("den.png", png())},
                           data={"alt_text": "Ảnh minh họa đèn đường", "csrf_token": form_token(editor, f"{a}/desk/media/")})
    assert uploaded.status_code == 302, uploaded.text[:500]
    with factory() as session:
        item = session.scalars(select(MediaItem)).one()
        name = media_file_name(item)
    served = editor.get(f"{b}/media/{name}", timeout=10)
    assert served.status_code == 200 and served.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (tmp_path / "a" / "media").exists() and (tmp_path / "shared" / "media").is_dir()

    # B keeps its portal and feed for anonymous readers; the workers publish; B shows it within a second or so.
    reader = requests.Session()
    assert title not in reader.get(f"{b}/feed.rss", timeout=10).text
    assert title not in reader.get(f"{b}/", timeout=10).text
    key, secret = group.env["LOA_CREDENTIALS_KEY"], "khóa-ký-webhook-thử-nghiệm"
    with spawn_receiver(secret, tmp_path / "received.jsonl") as receiver:
        with factory() as session:
            webhook = make_channel(session, ChannelKind.WEBHOOK, name="Hệ thống tin tỉnh", settings={"url": receiver.url})
            set_channel_secret(webhook, key, secret)
            keys = [f"loa-{uuid.uuid4().hex}" for _ in range(WEBHOOKS)]
            rows = [{"message_id": message_id, "channel_id": webhook.id, "idempotency_key": k} for k in keys]
            rows += [{"message_id": message_id, "channel_id": channel_id, "idempotency_key": f"loa-{uuid.uuid4().hex}"}
                     for channel_id in public]
            session.execute(insert(Delivery), [{**row, "due_at": now, "status": DeliveryStatus.PLANNED,
                                                "created_at": now, "created_by_id": approver_id} for row in rows])
            session.commit()

        def sent() -> int:
            with factory() as session:
                return session.scalar(select(func.count()).where(Delivery.status == DeliveryStatus.SENT)) or 0
        wait_until(lambda: sent() == len(rows), f"all {len(rows)} deliveries sent", 120)
        wait_until(lambda: title in reader.get(f"{b}/feed.rss", timeout=10).text, "the feed on B", PROMPTLY)
        wait_until(lambda: title in reader.get(f"{b}/", timeout=10).text, "the portal on B", PROMPTLY)
        record = receiver.read()
    # Each delivery went out exactly once between the two workers.
    assert sorted(record.accepted) == sorted(keys) and not record.duplicates
    # Read on A, whose counts wait in memory until it stops (checked at the end).
    for _ in range(3):
        assert reader.get(f"{a}/tin/{slug}", timeout=10).status_code == 200

    # Archived through A: gone from B's feed and portal as promptly.
    archive = officer.post(f"{a}/desk/messages/{message_id}/archive", timeout=30, allow_redirects=False,
                           data={"csrf_token": form_token(officer, f"{a}/desk/messages/{message_id}")})
    assert archive.status_code == 302, archive.text[:500]
    wait_until(lambda: title not in reader.get(f"{b}/feed.rss", timeout=10).text, "the archive on B's feed", PROMPTLY)
    assert reader.get(f"{b}/tin/{slug}", timeout=10).status_code == 410  # gone, and said so

    # A stopped by its master's SIGTERM writes what its workers counted and had not yet written.
    with factory() as session:
        before = session.scalar(select(func.count()).select_from(ReachEvent)) or 0
    server_a.send_signal(signal.SIGTERM)
    assert server_a.wait(timeout=30) == 0
    with factory() as session:
        after = session.scalar(select(func.count()).select_from(ReachEvent)) or 0
    assert after > before, "the views counted by server A were lost when it stopped"
