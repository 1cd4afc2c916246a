"""`loa worker --name`: the name and pid a worker goes by, in its claims and its first line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from campaigns.models import DeliveryStatus
from scheduler.jobs import worker_name
from tests.scenarios import planned, reload
from web.cli import cli, make_worker_scheduler, worker_name_option

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_is_its_name_and_pid_or_the_host_and_pid():
    assert worker_name("may-chu-2") == f"may-chu-2:{os.getpid()}"
    assert worker_name() == f"{socket.gethostname()}:{os.getpid()}"


def test_the_commands_scheduler_claims_in_the_workers_name(app, session, now, clock):
    delivery, *_ = planned(session, now)
    clock.set(now + timedelta(hours=1))
    with app.app_context():
        scheduler = make_worker_scheduler(blocking=False, worker=worker_name("may-chu-2"))
        scheduler.get_job("dispatch").func()  # one tick, here, rather than a started scheduler's thread
    delivery = reload(session, delivery)
    assert delivery.status is DeliveryStatus.SENT
    assert delivery.claimed_by == f"may-chu-2:{os.getpid()}"


@pytest.mark.parametrize("name", ["máy chủ 2", "", "may:2", "a" * 101, "may-2\n"])
@pytest.mark.parametrize("command", ["worker", "run"])
def test_a_name_that_cannot_go_into_a_claim_is_refused(app, command, name):
    result = app.test_cli_runner().invoke(cli, [command, "--name", name])
    assert result.exit_code == 2
    assert "Invalid value for '--name'" in result.output and "1 to 100 letters" in result.output


def test_a_vietnamese_name_is_a_name():
    @click.command()
    @worker_name_option
    def named(name: str | None) -> None:  # the option `loa worker` and `loa run` take, on a command that returns
        click.echo(worker_name(name))

    result = CliRunner().invoke(named, ["--name", "máy-chủ-Hòa_Bình.2"])
    assert result.exit_code == 0 and result.output == f"máy-chủ-Hòa_Bình.2:{os.getpid()}\n"


def test_loa_worker_started_with_a_name_says_so_and_claims_with_it(database_url, session, tmp_path):
    due = datetime.now(timezone.utc) - timedelta(minutes=1)
    delivery, *_ = planned(session, due, due_in=timedelta(0))
    env = {**os.environ, "LOA_DATABASE_URL": database_url, "LOA_SECRET_KEY": "cli-test", "PYTHONUNBUFFERED": "1",
           "LOA_MEDIA_ROOT": str(tmp_path / "media"), "LOA_ARTIFACTS_DIR": str(tmp_path / "public"),
           "LOA_BASE_URL": "https://loa.example.vn", "LOA_LEASE_SECONDS": "30",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    worker = subprocess.Popen([sys.executable, "-c", "from web.cli import cli; cli()", "worker", "--name", "may-chu-2"],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    logged: list[str] = []
    assert worker.stderr is not None
    reader = threading.Thread(target=lambda: logged.extend(worker.stderr), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        assert worker.stdout is not None
        started = worker.stdout.readline()
        # The tick logs its report once nothing more is due, a moment after the send is recorded.
        deadline = time.monotonic() + 60
        while not any("dispatch by" in line for line in logged) and worker.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        reader.join(timeout=30)
        for pipe in (worker.stdout, worker.stderr):
            pipe.close()  # type: ignore[union-attr]
    errors = "".join(logged)
    assert started == f"Loa worker may-chu-2:{worker.pid} started; lease 30 s.\n", errors
    assert reload(session, delivery).claimed_by == f"may-chu-2:{worker.pid}", errors
    assert f"dispatch by may-chu-2:{worker.pid}: TickReport(claimed=1, sent=1" in errors


def test_a_worker_with_a_lease_out_of_bounds_stops_with_the_reason_before_starting(app):
    app.config["LEASE_SECONDS"] = "7200"
    result = app.test_cli_runner().invoke(cli, ["worker", "--name", "may-chu-2"])
    assert result.exit_code == 1
    assert "LOA_LEASE_SECONDS must be between 10 and 3600 seconds" in result.output
    assert "started" not in result.output
