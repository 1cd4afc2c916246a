"""LOA_TRACKING: with tracking off, portal pages and tracked links still work and nothing is counted."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from campaigns.links import short_link
from campaigns.models import ChannelKind, ReachEvent
from campaigns.visitor_models import PortalCount, SeenVisitor
from tests.factories import make_channel, make_published_message
from web.config import tracking_enabled
from web.write_behind import flush_pending

ADDRESS = "198.51.100.61"
AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 xa-Dong-Tam"


def counted(session) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    events = session.scalar(select(func.coalesce(func.sum(ReachEvent.value), 0)))
    pages = session.scalar(select(func.coalesce(func.sum(PortalCount.value), 0)))
    seen = session.scalar(select(func.count()).select_from(SeenVisitor))
    return float(events), float(pages), int(seen)


def read_all(client, message, link) -> None:  # type: ignore[no-untyped-def]
    for path in (f"/tin/{message.slug}", "/", f"/r/{link.code}"):
        response = client.get(path, headers={"User-Agent": AGENT}, environ_base={"REMOTE_ADDR": ADDRESS})
        assert response.status_code in (200, 302), path
    flush_pending(client.application)


@pytest.fixture
def published(session, session_factory, now):  # type: ignore[no-untyped-def]
    message = make_published_message(session, session_factory, now, title="Cảnh giác kẻ gian giả danh cán bộ ngân hàng")
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã Đồng Tâm")
    link = short_link(session, message, channel, now=now)
    session.commit()
    return message, link


def test_with_tracking_off_pages_and_links_work_and_nothing_is_counted(client, session, published):
    message, link = published
    client.application.config["TRACKING"] = False
    read_all(client, message, link)
    assert counted(session) == (0.0, 0.0, 0)


def test_tracking_is_on_unless_switched_off(client, session, published):
    message, link = published
    read_all(client, message, link)
    events, pages, seen = counted(session)
    assert events == 3  # the message's view, its first visitor of the day, the click
    assert pages == 2 and seen == 2  # the index's view and the site-wide visitor; the visitor per page and site-wide


@pytest.mark.parametrize(("value", "enabled"), [
    (None, True), (True, True), (False, False), ("false", False), ("0", False), ("off", False), ("no", False),
    ("true", True), ("1", True), ("on", True),
])
def test_the_setting_reads_as_an_environment_variable_would_give_it(value, enabled):
    app = Flask("switch")
    if value is not None:
        app.config["TRACKING"] = value
    assert tracking_enabled(app) is enabled
