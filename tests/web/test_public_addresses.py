"""Absolute links come from the configured public address: a forged Host header never reaches a feed or a page."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from flask import url_for
from sqlalchemy import select

from campaigns.models import Station
from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from tests.audio_tools import require_tool
from tests.factories import make_area, make_published_message, make_station, make_user
from tests.web.helpers import csrf_token, log_in
from web.dispatch_settings import dispatch_settings

EVIL = "evil.example"
PUBLIC = "https://loa.tinh-thu-nghiem.vn"
FORGED = {"Host": EVIL, "X-Forwarded-Host": EVIL}
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def assert_no_forged_host(response) -> None:  # type: ignore[no-untyped-def]
    assert EVIL not in response.get_data(as_text=True)
    assert not any(EVIL in value for _, value in response.headers.items())


@pytest.fixture
def deployed(app):  # type: ignore[no-untyped-def]
    """The app as `loa run` serves it: LOA_BASE_URL set, no SERVER_NAME, so the Host header is the client's."""
    app.config.update(SERVER_NAME=None, BASE_URL=PUBLIC)
    return app


@pytest.fixture
def published(session, session_factory, now):  # type: ignore[no-untyped-def]
    return make_published_message(session, session_factory, now, title="Thôn Đồng Lư ra quân giữ bình yên")


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_a_forged_host_never_reaches_the_site_feeds(deployed, client, published, path):
    response = client.get(path, headers=FORGED)
    assert response.status_code == 200
    assert_no_forged_host(response)
    assert f"{PUBLIC}/tin/{published.slug}" in response.get_data(as_text=True)


def test_a_forged_host_never_reaches_the_portal_pages(deployed, client, published):
    for path in ("/", f"/tin/{published.slug}", "/desk/login", "/khong-co-trang-nay"):
        assert_no_forged_host(client.get(path, headers=FORGED))


def test_without_a_base_url_the_feeds_use_the_server_name(client, published):
    body = client.get("/feed.rss", headers=FORGED).get_data(as_text=True)
    assert f"http://loa.test/tin/{published.slug}" in body and EVIL not in body


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_the_feeds_link_to_the_configured_base_url_with_its_path(app, client, published, path):
    app.config["BASE_URL"] = "https://loa.tinh-thu-nghiem.vn/cong/"
    body = client.get(path, headers=FORGED).get_data(as_text=True)
    assert f"https://loa.tinh-thu-nghiem.vn/cong/tin/{published.slug}" in body
    assert EVIL not in body and "loa.test" not in body


def test_a_forged_host_never_reaches_the_podcast(deployed, client, session, now):
    require_tool("espeak-ng", "espeak-ng")
    commune = make_area(session, parent=make_area(session), name="Xã Bến Đò")
    station = make_station(session, commune)
    token = issue_station_token(station, now=now)
    editor = make_user(session, role=Role.EDITOR, area=commune)
    approver = make_user(session, role=Role.APPROVER, area=commune)
    message = create_message(session, editor, MessageInput(
        kind=MessageKind.NOTICE, title="Phòng cháy mùa khô", body_md="Bà con không đốt rơm gần nhà.",
        area_id=commune.id), now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    plan_deliveries(session, message, actor=approver, due_at=datetime(2026, 11, 24, 6, tzinfo=ZONE), now=now,
                    stations=[station])
    session.commit()
    with client.get(f"/radio/stations/{station.id}/podcast.xml", query_string={"token": token},
                    headers=FORGED) as response:
        assert response.status_code == 200
        assert_no_forged_host(response)
        assert f'url="{PUBLIC}/radio/stations/' in response.get_data(as_text=True)  # the links an attack would take


def forged_post(client, path: str, form_page: str):  # type: ignore[no-untyped-def]
    """A signed-in POST whose Host is forged: the cookie jar keeps cookies per domain, so copy the session."""
    form = {"csrf_token": csrf_token(client, form_page)}
    signed_in = client.get_cookie("session", domain=client.application.config["SERVER_NAME"] or "localhost")
    client.set_cookie("session", signed_in.value, domain=EVIL)
    return client.post(path, data=form, headers=FORGED)


def test_a_forged_host_never_reaches_the_station_token_page(deployed, client, session):
    station = make_station(session, make_area(session, name="Xã Khe Lim"))
    make_user(session, role=Role.ADMIN, username="quantri")
    session.commit()
    log_in(client, "quantri")
    response = forged_post(client, f"/stations/{station.id}/token", f"/stations/{station.id}")
    assert response.status_code == 200
    assert_no_forged_host(response)
    assert f"{PUBLIC}/radio/stations/" in response.get_data(as_text=True)


@pytest.fixture
def production(app):  # type: ignore[no-untyped-def]
    """The app as deployed without LOA_BASE_URL: neither testing nor debug, and no SERVER_NAME."""
    app.config.update(TESTING=False, SERVER_NAME=None, PROPAGATE_EXCEPTIONS=False)
    app.config.pop("BASE_URL", None)
    return app


def test_without_a_base_url_a_production_feed_refuses_loudly_instead_of_trusting_the_host(
        production, client, published, caplog):
    with caplog.at_level(logging.ERROR):
        response = client.get("/feed.rss", headers=FORGED)
    assert response.status_code == 500
    assert_no_forged_host(response)
    assert "LOA_BASE_URL" in caplog.text


def test_without_a_base_url_the_token_page_fails_before_the_old_token_is_replaced(production, client, session):
    station = make_station(session, make_area(session, name="Xã Khe Lim"))
    old_token = issue_station_token(station, now=datetime(2026, 11, 1, tzinfo=ZONE))
    make_user(session, role=Role.ADMIN, username="quantri")
    session.commit()
    hash_before = station.token_hash
    log_in(client, "quantri")
    response = forged_post(client, f"/stations/{station.id}/token", f"/stations/{station.id}")
    assert response.status_code == 500
    session.expire_all()
    assert session.scalar(select(Station.token_hash).where(Station.id == station.id)) == hash_before
    assert old_token not in response.get_data(as_text=True)


def test_trusted_hosts_refuse_a_request_for_another_host(app, client, published):
    app.config["TRUSTED_HOSTS"] = ["loa.test"]
    assert client.get("/feed.rss").status_code == 200
    refused = client.get("/feed.rss", headers={"Host": EVIL})
    assert refused.status_code == 400
    assert_no_forged_host(refused)


def test_the_dispatcher_builds_its_links_from_the_same_public_address(app):
    assert dispatch_settings(app).base_url == "http://loa.test"
    app.config["BASE_URL"] = "https://loa.tinh-thu-nghiem.vn/"
    assert dispatch_settings(app).base_url == "https://loa.tinh-thu-nghiem.vn"


def test_the_dispatcher_is_handed_the_portal_route_of_a_message(app, session, published):
    with app.test_request_context():
        assert dispatch_settings(app).message_path(published) == url_for("portal.message", slug=published.slug)
