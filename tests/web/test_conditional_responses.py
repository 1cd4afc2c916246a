"""Public pages and feeds answer 304 from the content version before anything is built, and never share a signed-in page."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from campaigns import portal_lists
from campaigns.models import ReachEvent
from campaigns.visits import VIEW
from content.messages import MessageInput, transition_message, update_message
from content.models import MessageKind, Role
from tests.factories import make_published_message, make_user
from tests.web.helpers import log_in
from web.feeds import site_feeds
from web.write_behind import flush_pending

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def message(session, session_factory, now):  # type: ignore[no-untyped-def]
    return make_published_message(session, session_factory, now, title="Cảnh giác cuộc gọi giả danh công an phường")


@pytest.fixture
def builds(monkeypatch):  # type: ignore[no-untyped-def]
    """How many times a message page and the site feed were built."""
    counted = {"page": 0, "feed": 0}
    page, feed = portal_lists.get_public_message, site_feeds.list_published

    def counting_page(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted["page"] += 1
        return page(*args, **kwargs)

    def counting_feed(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted["feed"] += 1
        return feed(*args, **kwargs)

    monkeypatch.setattr(portal_lists, "get_public_message", counting_page)
    monkeypatch.setattr(site_feeds, "list_published", counting_feed)
    return counted


@pytest.fixture
def statements(app):  # type: ignore[no-untyped-def]
    seen: list[str] = []
    engine = app.extensions["loa.engine"]
    listener = lambda conn, cursor, sql, *rest: seen.append(sql)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    yield seen
    event.remove(engine, "before_cursor_execute", listener)


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom", "/", "/tin/{slug}", "/loai/article", "/sitemap.xml",
                                  "/feeds.opml", "/theo-doi"])
def test_a_repeated_request_with_the_etag_gets_304_and_no_body(client, message, path):
    path = path.format(slug=message.slug)
    first = client.get(path)
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in first.headers["Vary"] and first.headers["Last-Modified"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_the_304_builds_nothing_and_runs_one_small_query(client, message, builds, statements):
    page, feed = f"/tin/{message.slug}", "/feed.rss"
    tags = {path: client.get(path).headers["ETag"] for path in (page, feed)}
    assert builds == {"page": 1, "feed": 1}
    statements.clear()
    for path, tag in tags.items():
        assert client.get(path, headers={"If-None-Match": tag}).status_code == 304
    assert builds == {"page": 1, "feed": 1}
    # The version read for each; the message page may also look up its id to count the view.
    assert len(statements) <= 4, statements


def test_an_unchanged_page_is_served_from_the_built_bytes(client, message, builds):
    first = client.get(f"/tin/{message.slug}")
    second = client.get(f"/tin/{message.slug}")
    assert second.status_code == 200 and second.data == first.data
    assert second.mimetype == "text/html" and builds["page"] == 1


def test_a_304_of_a_message_page_still_counts_a_view(client, session, message):
    page = f"/tin/{message.slug}"
    tag = client.get(page).headers["ETag"]
    client.get(page, headers={"If-None-Match": tag})
    client.get(page)
    flush_pending(client.application)
    session.rollback()
    views = session.scalar(select(func.coalesce(func.sum(ReachEvent.value), 0))
                           .where(ReachEvent.metric == VIEW, ReachEvent.message_id == message.id))
    assert views == 3


def test_editing_a_published_message_changes_the_etag(client, session, message, now):
    page = f"/tin/{message.slug}"
    before = client.get(page).headers["ETag"]
    editor = make_user(session, role=Role.EDITOR, area=message.area)
    update_message(session, message, editor, MessageInput(kind=MessageKind.ARTICLE, title="Cảnh giác cuộc gọi lạ",
                                                          body_md="Gọi ngay số 113.", area_id=message.area_id),
                   expected_version=message.version, now=now + timedelta(hours=1))
    session.commit()
    changed = client.get(page, headers={"If-None-Match": before})
    assert changed.status_code == 200 and changed.headers["ETag"] != before


def test_publishing_and_withdrawing_change_the_feed_etag(client, session, session_factory, message, now):
    before = client.get("/feed.rss").headers["ETag"]
    make_published_message(session, session_factory, now + timedelta(hours=1), title="Phòng cháy chữa cháy mùa khô")
    published = client.get("/feed.rss", headers={"If-None-Match": before})
    assert published.status_code == 200 and "Phòng cháy chữa cháy mùa khô" in published.get_data(as_text=True)
    approver = make_user(session, role=Role.APPROVER, area=message.area)
    transition_message(session, message, "archive", actor=approver, now=now + timedelta(hours=2))
    session.commit()
    withdrawn = client.get("/feed.rss", headers={"If-None-Match": published.headers["ETag"]})
    assert withdrawn.status_code == 200 and message.title not in withdrawn.get_data(as_text=True)
    assert client.get(f"/tin/{message.slug}").status_code == 410


def test_vietnamese_and_english_pages_have_different_etags(client, message):
    vietnamese = client.get("/")
    client.set_cookie("loa_locale", "en", domain="loa.test")
    english = client.get("/", headers={"If-None-Match": vietnamese.headers["ETag"]})
    assert english.status_code == 200 and english.headers["ETag"] != vietnamese.headers["ETag"]
    assert english.data != vietnamese.data


def test_a_signed_in_officer_never_gets_a_shared_page(app, client, session, message):
    anonymous = client.get("/")
    officer = make_user(session, role=Role.EDITOR, area=message.area, username="can_bo_thu")
    session.commit()
    log_in(client, "can_bo_thu")
    mine = client.get("/", headers={"If-None-Match": anonymous.headers["ETag"]})
    assert mine.status_code == 200 and "ETag" not in mine.headers
    assert mine.headers["Cache-Control"] == "private, no-store"
    assert "can_bo_thu" in mine.get_data(as_text=True) and officer.username not in anonymous.get_data(as_text=True)
    other = app.test_client()
    assert "can_bo_thu" not in other.get("/").get_data(as_text=True)


def test_a_change_made_in_this_process_shows_at_once(app, client, session, message, now):
    app.config["PUBLIC_VERSION_SECONDS"] = 3600
    before = client.get("/feed.rss").headers["ETag"]
    approver = make_user(session, role=Role.APPROVER, area=message.area)
    transition_message(session, message, "archive", actor=approver, now=now + timedelta(hours=1))
    session.commit()
    assert client.get("/feed.rss", headers={"If-None-Match": before}).status_code == 200


ARCHIVE_ELSEWHERE = """
import sys
from datetime import datetime, timezone
from content.db import make_engine, make_session_factory
from content.messages import transition_message
from content.models import Message, User
with make_session_factory(make_engine(sys.argv[1]))() as session:
    message = session.get(Message, int(sys.argv[2]))
    actor = session.get(User, int(sys.argv[3]))
    transition_message(session, message, "archive", actor=actor, now=datetime.now(timezone.utc))
    session.commit()
"""


def test_another_process_change_shows_within_the_set_seconds(app, client, session, message, database_url):
    app.config["PUBLIC_VERSION_SECONDS"] = 3600
    before = client.get("/feed.rss").headers["ETag"]
    approver = make_user(session, role=Role.APPROVER, area=message.area)
    session.commit()
    client.get("/feed.rss")  # the commit above is this process's: read the version once more
    subprocess.run([sys.executable, "-c", ARCHIVE_ELSEWHERE, database_url, str(message.id), str(approver.id)],
                   check=True, cwd=ROOT)
    assert client.get("/feed.rss", headers={"If-None-Match": before}).status_code == 304  # within the hour
    app.config["PUBLIC_VERSION_SECONDS"] = 0
    assert client.get("/feed.rss", headers={"If-None-Match": before}).status_code == 200


def test_a_note_meant_for_one_visitor_is_never_kept_for_the_next(app, client, message):
    shared = client.get("/")
    with client.session_transaction() as flask_session:
        flask_session["_flashes"] = [("success", "Đã đăng xuất khỏi mọi thiết bị.")]
    mine = client.get("/", headers={"If-None-Match": shared.headers["ETag"]})
    assert mine.status_code == 200 and "Đã đăng xuất khỏi mọi thiết bị." in mine.get_data(as_text=True)
    assert "ETag" not in mine.headers
    assert "Đã đăng xuất" not in app.test_client().get("/").get_data(as_text=True)
