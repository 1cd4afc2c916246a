"""/healthz and /readyz as a load balancer calls them: cheap, uncached, uncounted, honest about the database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from campaigns.models import ReachEvent
from content.schema import upgrade_database
from web import create_app
from web.write_behind import flush_pending, init_write_behind

# A port nothing listens on: the database server is down.
DOWN = "postgresql+psycopg://loa@127.0.0.1:9/loa"


@pytest.fixture
def make_app(tmp_path, clock):  # type: ignore[no-untyped-def]
    made = []

    def make(database_url: str):  # type: ignore[no-untyped-def]
        app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                          "PROPAGATE_EXCEPTIONS": False})
        app.instance_path = str(tmp_path / "instance")
        made.append(app)
        return app.test_client()

    yield make
    for app in made:
        app.extensions["loa.engine"].dispose()


def test_healthz_answers_ok_without_asking_the_database(make_app):
    response = make_app(DOWN).get("/healthz")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "ok\n")
    assert response.headers["Cache-Control"] == "no-store"


def test_readyz_is_ready_on_a_migrated_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ready", "checks": {"database": "ok", "migrations": "ok"}}
    assert response.headers["Cache-Control"] == "no-store"


def test_readyz_says_the_database_is_unreachable(make_app):
    response = make_app(DOWN).get("/readyz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "not ready", "checks": {"database": "unreachable",
                                                                       "migrations": "unknown"}}


def test_readyz_says_which_migrations_are_pending(make_app, tmp_path):
    url = f"sqlite:///{tmp_path / 'behind.db'}"
    upgrade_database(url, "0027_commendations")
    response = make_app(url).get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["migrations"].startswith("pending: the database is at 0027_commendations")
    assert "loa db upgrade" in body["checks"]["migrations"]


def test_readyz_on_a_database_never_migrated_says_no_revision(make_app, tmp_path):
    body = make_app(f"sqlite:///{tmp_path / 'new.db'}").get("/readyz").get_json()
    assert body["checks"]["migrations"].startswith("pending: the database is at no revision")


def test_probes_are_not_rate_limited_and_count_no_view(app, client, session):
    for _ in range(200):
        for path in ("/healthz", "/readyz", "/metrics"):
            assert client.get(path).status_code == 200, path
    assert init_write_behind(app).pending_counts().get("visits", 0) == 0
    flush_pending(app)
    assert session.scalar(select(func.count()).select_from(ReachEvent)) == 0


def test_probes_answer_under_the_backend_address_when_only_the_public_name_is_trusted(database_url, clock):
    """A load balancer asks 10.0.0.5:8000/readyz and Prometheus 127.0.0.1:8000/metrics: no Host header to set."""
    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                      "TRUSTED_HOSTS": ["loa.example.vn"]})
    client = app.test_client()
    backend = {"base_url": "http://10.0.0.5:8000", "environ_base": {"REMOTE_ADDR": "127.0.0.1"}}
    assert client.get("/healthz", **backend).status_code == 200
    assert client.get("/readyz", **backend).status_code == 200
    assert client.get("/metrics", **backend).status_code == 200
    # Every other page still refuses a name the site does not serve.
    assert client.get("/", **backend).status_code == 400
    assert client.get("/healthz/", **backend).status_code == 400
    app.extensions["loa.engine"].dispose()
