"""LOA_WEBSUB_HUB: feeds name the hub only when set, a bad address stops the start, the desk queues pings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from flask import url_for
from sqlalchemy import select

from campaigns import websub
from campaigns.websub_models import WebSubPing
from tests.feed_world import BASE_URL, build_feed_world
from tests.web.helpers import csrf_token, log_in

ATOM = "{http://www.w3.org/2005/Atom}"
HUB = "https://hub.thu-nghiem.vn/dang"


@pytest.fixture
def world(app, session, session_factory, now, tmp_path):  # type: ignore[no-untyped-def]
    app.config.update(SERVER_NAME=None, BASE_URL=BASE_URL, MEDIA_ROOT=tmp_path / "media")
    return build_feed_world(session, session_factory, now, tmp_path / "media")


def _links(client, path: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200, path
    root = ET.fromstring(response.data)
    parent = root.find("channel") if root.tag == "rss" else root
    return {link.get("rel", ""): link.get("href", "") for link in parent.findall(f"{ATOM}link")}


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom", "/chu-de/lua-dao-qua-mang/feed.rss",
                                  "/chien-dich/thang-cao-diem/feed.atom", "/loai/article/feed.rss"])
def test_a_feed_names_the_hub_and_itself_only_when_a_hub_is_set(app, client, world, path) -> None:
    assert "hub" not in _links(client, path)
    app.config["WEBSUB_HUB"] = HUB
    links = _links(client, path)
    assert links["hub"] == HUB and links["self"] == f"{BASE_URL}{path}"


def test_an_area_feed_names_the_hub_too(app, client, world) -> None:
    app.config["WEBSUB_HUB"] = HUB
    assert _links(client, f"/dia-ban/{world.commune.code}/feed.atom")["hub"] == HUB


@pytest.mark.parametrize("hub", ["javascript:alert(1)", "ftp://hub.example/", "https://user:mat-khau@hub.example/",
                                 "https://hub.example/#x", "https:///no-host", "https://hub.example:abc/",
                                 "https://hub.example/a b", "hub.example"])
def test_a_hostile_or_malformed_hub_stops_the_start_with_a_clear_error(database_url, hub) -> None:
    from web import create_app

    with pytest.raises(ValueError, match="LOA_WEBSUB_HUB must be an http:// or https:// address"):
        create_app({"DATABASE_URL": database_url, "SECRET_KEY": "k", "TESTING": True, "WEBSUB_HUB": hub})


def test_the_feed_paths_pinged_are_the_feeds_routes(app) -> None:
    with app.test_request_context():
        assert url_for("feeds.site_rss") == websub.SITE_FEED.format(fmt="rss")
        assert url_for("feeds.campaign_atom", slug="s") == websub.CAMPAIGN_FEED.format(slug="s", fmt="atom")
        assert url_for("feeds.topic_rss", slug="s") == websub.TOPIC_FEED.format(slug="s", fmt="rss")
        assert url_for("feeds.area_atom", code="79") == websub.AREA_FEED.format(code="79", fmt="atom")
        assert url_for("feeds.kind_rss", kind="notice") == websub.KIND_FEED.format(kind="notice", fmt="rss")


def _archive(client, world) -> None:  # type: ignore[no-untyped-def]
    log_in(client, world.approver.username)
    page = f"/desk/messages/{world.elsewhere.id}"
    response = client.post(f"{page}/archive", data={"csrf_token": csrf_token(client, page)})
    assert response.status_code == 302


def test_withdrawing_from_the_desk_queues_pings_for_its_feeds(app, client, session, world) -> None:
    app.config["WEBSUB_HUB"] = HUB
    _archive(client, world)
    session.rollback()
    queued = set(session.scalars(select(WebSubPing.topic_url)))
    assert f"{BASE_URL}/loai/notice/feed.rss" in queued and f"{BASE_URL}/feed.atom" in queued
    assert f"{BASE_URL}/dia-ban/{world.other_province.code}/feed.atom" in queued
    assert f"{BASE_URL}/chien-dich/thang-cao-diem/feed.rss" not in queued


def test_without_a_hub_the_desk_queues_nothing(client, session, world) -> None:
    _archive(client, world)
    session.rollback()
    assert session.scalars(select(WebSubPing)).all() == []
