"""Anonymous readers get kept public pages without Flask being entered, with the same headers, counts and freshness."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from campaigns.models import ReachEvent
from campaigns.visits import VIEW, VISITOR
from content.messages import transition_message
from content.models import Role
from tests.factories import make_published_message, make_user
from tests.web.helpers import log_in, switch
from web import create_app
from web.public_fast_path import MAX_BYTES, MAX_ENTRIES, Kept, KeptResponses
from web.write_behind import flush_pending


@pytest.fixture
def message(session, session_factory, now):  # type: ignore[no-untyped-def]
    return make_published_message(session, session_factory, now, title="Nhận diện tin nhắn giả mạo ngân hàng")


@pytest.fixture
def entered(app):  # type: ignore[no-untyped-def]
    """The paths of the requests that went through Flask."""
    paths: list[str] = []
    app.before_request(lambda: paths.append(__import__("flask").request.path))
    return paths


def _without_date(headers) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((k, v) for k, v in headers.items() if k != "Date")


@pytest.mark.parametrize("path", ["/", "/tin/{slug}", "/feed.rss", "/loai/article/feed.atom", "/sitemap.xml"])
def test_a_second_anonymous_reader_is_answered_before_flask_with_the_same_bytes_and_headers(client, message, entered,
                                                                                          path):
    path = path.format(slug=message.slug)
    first = client.get(path)
    second = client.get(path)
    assert entered == [path]
    assert second.status_code == 200 and second.data == first.data
    assert _without_date(second.headers) == _without_date(first.headers)
    assert "Content-Security-Policy" in second.headers  # the security headers Flask added are replayed too


def test_a_conditional_request_gets_304_from_the_kept_copy(client, message, entered):
    path = f"/tin/{message.slug}"
    first = client.get(path)
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b"" and entered == [path]
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == "public, max-age=60" and "Content-Length" not in again.headers
    other = client.get(path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.data == first.data


def test_a_head_request_gets_the_headers_only(client, message):
    path = f"/tin/{message.slug}"
    first = client.get(path)
    head = client.head(path)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Length"] == first.headers["Content-Length"]


def test_a_withdrawal_committed_anywhere_in_this_process_is_served_at_once(app, client, session, message, now,
                                                                         entered):
    app.config["PUBLIC_VERSION_SECONDS"] = 3600
    path = f"/tin/{message.slug}"
    client.get(path)
    approver = make_user(session, role=Role.APPROVER, area=message.area)
    transition_message(session, message, "archive", actor=approver, now=now + timedelta(minutes=5))
    session.commit()
    assert client.get(path).status_code == 410
    assert entered == [path, path]


def test_the_home_page_is_built_again_when_the_hour_turns(client, clock, message, entered):
    client.get("/")
    client.get("/")
    clock.set(clock() + timedelta(hours=1))
    client.get("/")
    assert entered == ["/", "/"]


def test_each_language_has_its_own_kept_copy(client, message):
    vietnamese = client.get("/").get_data(as_text=True)
    switch(client, "en", "/")
    english = client.get("/").get_data(as_text=True)
    assert english != vietnamese and 'lang="en"' in english
    switch(client, "vi", "/")
    assert client.get("/").get_data(as_text=True) == vietnamese


def test_a_signed_in_officer_goes_through_flask_and_is_never_kept(app, client, session, message, entered):
    client.get("/")
    officer = make_user(session, role=Role.EDITOR, area=message.area, username="can_bo_nhanh")
    session.commit()
    log_in(client, officer.username)
    entered.clear()
    page = client.get("/")
    assert entered == ["/"] and "can_bo_nhanh" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "private, no-store"
    assert "can_bo_nhanh" not in app.test_client().get("/").get_data(as_text=True)


def test_any_other_cookie_goes_through_flask(client, message, entered):
    client.get("/")
    client.set_cookie("session", "not-a-real-session", domain="loa.test")
    client.get("/")
    assert entered == ["/", "/"]


def _sum(session, metric: str, message_id: int) -> int:  # type: ignore[no-untyped-def]
    session.rollback()
    return session.scalar(select(func.coalesce(func.sum(ReachEvent.value), 0))
                          .where(ReachEvent.metric == metric, ReachEvent.message_id == message_id))


def test_kept_pages_count_views_and_visitors_as_flask_would(client, session, message):
    path = f"/tin/{message.slug}"
    tag = client.get(path).headers["ETag"]
    client.get(path)
    client.get(path, headers={"If-None-Match": tag})
    client.head(path)  # a HEAD reads nothing
    client.get(path, headers={"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})  # a bot: counted apart
    flush_pending(client.application)
    assert _sum(session, VIEW, message.id) == 3
    assert _sum(session, VISITOR, message.id) == 1


def test_behind_a_proxy_the_reader_counted_is_the_forwarded_address(database_url, session_factory, clock, session,
                                                                     message, tmp_path):
    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                      "SERVER_NAME": "loa.test", "PROXY_COUNT": 1})
    app.instance_path = str(tmp_path / "instance")
    client = app.test_client()
    path = f"/tin/{message.slug}"
    for address in ("203.0.113.7", "203.0.113.8", "203.0.113.8"):
        client.get(path, headers={"X-Forwarded-For": address})
    flush_pending(app)
    app.extensions["loa.engine"].dispose()
    assert _sum(session, VISITOR, message.id) == 2


def _kept(size: int) -> Kept:
    return Kept("tag", False, [], b"x" * size, None, "portal.index")


def test_kept_responses_stay_within_their_bounds():
    kept = KeptResponses()
    for n in range(MAX_ENTRIES + 50):  # a script inventing query strings
        kept.put(("/", f"q={n}", ""), _kept(10))
    assert kept.get(("/", "q=0", "")) is None and kept.get(("/", f"q={MAX_ENTRIES + 49}", "")) is not None
    for n in range(6):
        kept.put(("/big", str(n), ""), _kept(MAX_BYTES // 4))
    assert sum(kept.get(("/big", str(n), "")) is not None for n in range(6)) <= 4
    kept.put(("/huge", "", ""), _kept(MAX_BYTES))
    assert kept.get(("/huge", "", "")) is None
