"""/metrics as Prometheus reads it: who may read it, and figures that match what the test did."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from prometheus_client.parser import text_string_to_metric_families

from scheduler.radio_scripts.building import build_daily_script
from tests.factories import make_area, make_station
from tests.outbox_world import mixed_outbox
from web.tracking import NOT_COUNTED
from web.write_behind import flush_pending

TOKEN = "mã-theo-dõi-riêng-của-máy-chủ-giám-sát"
REMOTE = {"REMOTE_ADDR": "203.0.113.7"}


def samples(client, **kwargs) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:  # type: ignore[no-untyped-def]
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.mimetype == "text/plain"
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.get_data(as_text=True)) for s in family.samples}


def requests_of(figures, route: str, status: str = "200", method: str = "GET") -> float:  # type: ignore[no-untyped-def]
    return figures.get(("loa_http_requests_total", (("method", method), ("route", route), ("status", status))), 0.0)


def test_three_requests_to_a_page_add_three_to_its_route(client):
    before = samples(client)
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
    after = samples(client)
    assert requests_of(after, "ops.healthz") - requests_of(before, "ops.healthz") == 3
    count = ("loa_http_request_duration_seconds_count", (("route", "ops.healthz"),))
    assert after[count] - before.get(count, 0) == 3


def test_a_path_no_rule_has_is_counted_unmatched_never_by_its_path(client):
    before = samples(client)
    assert client.get("/khong-co-trang/12345?token=bi-mat").status_code == 404
    after = samples(client)
    assert requests_of(after, "unmatched", "404") - requests_of(before, "unmatched", "404") == 1
    assert not any("khong-co-trang" in value or "bi-mat" in value
                   for _, labels in after for _, value in labels)


def test_pages_the_fast_path_answers_are_counted_under_their_endpoint(app, client):
    reader = app.test_client()  # no cookie: the fast path may answer it
    before = samples(client)
    kept = app.wsgi_app.wsgi_app.kept  # the fast path inside the request metrics
    assert reader.get("/").status_code == 200
    assert kept.get(("/", "", "")) is not None  # built by Flask and kept ...
    assert reader.get("/").status_code == 200  # ... so this one never entered Flask
    assert requests_of(samples(client), "portal.index") - requests_of(before, "portal.index") == 2


def test_the_outbox_figures_are_read_from_the_database_at_each_scrape(client, session, now):
    empty = samples(client)
    assert empty[("loa_deliveries_due", ())] == 0
    mixed_outbox(session, now)
    figures = samples(client)
    assert figures[("loa_deliveries_due", ())] == 2  # 20 minutes late, and one waiting out its backoff
    assert figures[("loa_deliveries_ready", ())] == 1
    assert figures[("loa_deliveries_retrying", ())] == 1
    assert figures[("loa_deliveries_oldest_due_lateness_seconds", ())] == 20 * 60

    def deliveries(kind: str, status: str) -> float:
        return figures[("loa_deliveries", (("kind", kind), ("status", status)))]

    assert (deliveries("portal", "planned"), deliveries("portal", "claimed"), deliveries("portal", "sent")) == (3, 2, 1)
    assert (deliveries("station", "claimed"), deliveries("station", "sent")) == (1, 1)
    assert (deliveries("telegram", "failed"), deliveries("telegram", "uncertain")) == (1, 1)


def test_each_radio_script_built_counts_once(client, session, now):
    station = make_station(session, make_area(session, name="Xã Hòa Bình"), name="Đài xã Hòa Bình")
    session.commit()
    before = samples(client)[("loa_radio_scripts_built_total", ())]
    build_daily_script(session, station, date(2026, 11, 23), zone=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert samples(client)[("loa_radio_scripts_built_total", ())] - before == 1


def test_views_counted_in_memory_show_as_buffered_until_written(app, client):
    reader = app.test_client()
    flush_pending(app, final=False)
    assert reader.get("/").status_code == 200
    assert samples(client)[("loa_tracking_events_buffered", (("source", "visits"),))] == 1
    flush_pending(app, final=False)
    assert samples(client)[("loa_tracking_events_buffered", (("source", "visits"),))] == 0


def test_a_remote_reader_without_the_token_finds_nothing(app, client):
    assert client.get("/metrics", environ_base=REMOTE).status_code == 404
    app.config["METRICS_TOKEN"] = TOKEN
    assert client.get("/metrics", environ_base=REMOTE).status_code == 404


def test_a_remote_reader_with_the_token_reads_and_a_wrong_token_is_forbidden(app, client):
    app.config["METRICS_TOKEN"] = TOKEN
    assert samples(client, environ_base=REMOTE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert client.get("/metrics", environ_base=REMOTE,
                      headers={"Authorization": f"Bearer {TOKEN}x"}).status_code == 403
    assert client.get("/metrics", environ_base=REMOTE, headers={"Authorization": "Bearer "}).status_code == 403


def test_without_a_token_configured_no_bearer_opens_it(client):
    assert client.get("/metrics", environ_base=REMOTE, headers={"Authorization": "Bearer "}).status_code == 403
    assert client.get("/metrics", environ_base=REMOTE, headers={"Authorization": "Bearer x"}).status_code == 403


@pytest.fixture
def behind_nginx(database_url, session_factory, clock, tmp_path):  # type: ignore[no-untyped-def]
    from web import create_app

    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                      "SERVER_NAME": "loa.test", "PROXY_COUNT": 1, "METRICS_TOKEN": TOKEN})
    app.instance_path = str(tmp_path / "instance")
    yield app.test_client()
    app.extensions["loa.engine"].dispose()


def test_behind_nginx_a_forwarded_remote_reader_is_remote(behind_nginx):
    # nginx talks from loopback and appends the reader's address; a forged first entry changes nothing.
    forwarded = {"environ_base": {"REMOTE_ADDR": "127.0.0.1"},
                 "headers": {"X-Forwarded-For": "127.0.0.1, 198.51.100.20"}}
    assert behind_nginx.get("/metrics", **forwarded).status_code == 404
    assert behind_nginx.get("/metrics", environ_base={"REMOTE_ADDR": "127.0.0.1"},
                            headers={"X-Forwarded-For": "198.51.100.20"}).status_code == 404
    assert samples(behind_nginx, environ_base={"REMOTE_ADDR": "127.0.0.1"},
                   headers={"X-Forwarded-For": "198.51.100.20", "Authorization": f"Bearer {TOKEN}"})


def test_behind_nginx_a_scraper_on_the_machine_calling_the_app_server_reads(behind_nginx):
    assert samples(behind_nginx, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert samples(behind_nginx, environ_base={"REMOTE_ADDR": "::1"})


def test_feed_polls_counted_in_memory_show_as_buffered(app, client):
    flush_pending(app, final=False)
    assert app.test_client().get("/feed.rss").status_code == 200
    assert samples(client)[("loa_tracking_events_buffered", (("source", "feeds"),))] == 1


def test_the_published_files_build_is_no_request_of_anyone(app, client):
    """A worker's build asks the app for every public page; counting those would swamp what readers asked for."""
    before = samples(client)
    assert client.get("/feed.rss", environ_base={NOT_COUNTED: True}).status_code == 200
    assert client.get("/feed.rss").status_code == 200
    after = samples(client)
    assert requests_of(after, "feeds.site_rss") - requests_of(before, "feeds.site_rss") == 1
