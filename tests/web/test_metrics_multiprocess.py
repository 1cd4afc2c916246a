"""Several gunicorn workers, one /metrics: with PROMETHEUS_MULTIPROC_DIR each process's counts are summed.

time.sleep here only polls for a real server to start listening; nothing is timed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).resolve().parents[2]
# One "worker process": answers `hits` requests to /healthz, then prints /metrics as it would answer a scrape.
PROCESS = """
import sys
from web import create_app
app = create_app({"DATABASE_URL": sys.argv[1], "SECRET_KEY": "test-secret", "TESTING": True})
client = app.test_client()
for _ in range(int(sys.argv[2])):
    assert client.get("/healthz").status_code == 200
response = client.get("/metrics")
assert response.status_code == 200, response.status_code
sys.stdout.write(response.get_data(as_text=True))
app.extensions["loa.engine"].dispose()
"""


def worker(database_url: str, directory: Path, hits: int) -> dict[str, float]:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(directory), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROCESS, database_url, str(hits)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return {f"{s.name}{sorted(s.labels.items())}": s.value
            for family in text_string_to_metric_families(done.stdout) for s in family.samples}


def test_requests_answered_by_two_processes_are_summed_in_either_scrape(database_url, engine, tmp_path):
    healthz = "loa_http_requests_total[('method', 'GET'), ('route', 'ops.healthz'), ('status', '200')]"
    first = worker(database_url, tmp_path, 3)
    assert first[healthz] == 3
    second = worker(database_url, tmp_path, 2)
    assert second[healthz] == 5  # its own two and the first process's three, read from the shared directory
    assert second["loa_deliveries_due[]"] == 0  # the outbox figures come along, read from the database


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scrape(base: str) -> str:
    with urllib.request.urlopen(f"{base}/metrics", timeout=10) as response:
        return response.read().decode()


def test_gunicorn_with_two_workers_and_the_hooks_counts_every_request_once(database_url, engine, tmp_path):
    port = free_port()
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir), "PYTHONPATH": str(ROOT),
           "LOA_DATABASE_URL": database_url, "LOA_SECRET_KEY": "k" * 40}
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:web.gunicorn_hooks", "--workers",
                                   "2", "--bind", f"127.0.0.1:{port}", "web:create_app()"], env=env, cwd=tmp_path,
                                  stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        for _ in range(20):  # new connections each time: both workers answer some
            urllib.request.urlopen(f"{base}/healthz", timeout=5).close()
        counts = {f"{s.name}{sorted(s.labels.items())}": s.value
                  for family in text_string_to_metric_families(scrape(base)) for s in family.samples}
        assert counts["loa_http_requests_total[('method', 'GET'), ('route', 'ops.healthz'), ('status', '200')]"] == 21
        # A file per process that loaded the app (both workers at least): the scrape read them all.
        assert len(list(metrics_dir.glob("counter_*.db"))) >= 2
    finally:
        server.terminate()
        server.wait(timeout=30)
