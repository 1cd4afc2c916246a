"""Several gunicorn workers, one /metrics: with PROMETHEUS_MULTIPROC_DIR each process's counts are summed."""

from __future__ import annotations

import os
import subprocess
import sys
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
