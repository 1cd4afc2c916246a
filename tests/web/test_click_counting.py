"""Tracked links: a click never writes in its request, counts once per visitor, and no address is kept."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import pytest
from sqlalchemy import func, select

from campaigns.links import CLICK, short_link
from campaigns.models import ChannelKind, ReachEvent, ShortLink
from campaigns.visits import rotate_salts
from tests.factories import make_channel
from tests.scenarios import approved_message
from tests.stored_text import stored_text
from tests.write_watch import LimiterClock, watch_writes
from web.write_behind import flush_pending

ADDRESS = "203.0.113.77"
NEIGHBOUR = "203.0.113.78"
AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) Zalo/24.1 thon-Bai-Say"
OTHER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5) Facebook/470"


@pytest.fixture
def link(session, now) -> ShortLink:  # type: ignore[no-untyped-def]
    message, *_ = approved_message(session, now, title="Cảnh giác kẻ gian giả danh công an xã Bãi Sậy")
    channel = make_channel(session, ChannelKind.TELEGRAM, name="Kênh Telegram xã Bãi Sậy")
    link = short_link(session, message, channel, now=now)
    session.commit()
    return link


def follow(client, link: ShortLink, address: str = ADDRESS, agent: str = AGENT):  # type: ignore[no-untyped-def]
    return client.get(f"/r/{link.code}", headers={"User-Agent": agent}, environ_base={"REMOTE_ADDR": address})


def counted(session) -> float:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    return session.scalar(select(func.coalesce(func.sum(ReachEvent.value), 0)).where(ReachEvent.metric == CLICK))


@contextmanager
def write_lock_held(database_url: str) -> Iterator[None]:
    """SQLite's write lock taken by another connection, as a long save or a scheduler tick would."""
    holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_thousand_clicks_from_one_client_take_no_write_lock_and_count_once(client, session, link, database_url, now):
    rotate_salts(session, now.date())  # the write-behind thread made today's visitor salt the day before
    session.commit()
    engine = client.application.extensions["loa.engine"]
    held = write_lock_held(database_url) if database_url.startswith("sqlite") else nullcontext()
    with held, watch_writes(engine) as writes:
        # Were the click written, this would wait 30 s for the lock and then fail.
        first = follow(client, link)
        assert first.status_code == 302
        answers = [first] + [follow(client, link) for _ in range(999)]
    assert writes == []
    assert Counter(a.status_code for a in answers) == {302: 300, 429: 700}  # 300 a minute per address
    assert all(a.headers["Location"].startswith(f"/tin/{link.message.slug}?utm_source=telegram&utm_medium=social")
               for a in answers if a.status_code == 302)
    assert all(int(a.headers["Retry-After"]) > 0 for a in answers if a.status_code == 429)
    flush_pending(client.application)
    assert counted(session) == 1
    assert client.head(f"/r/{link.code}").status_code == 302  # a link-preview crawler: redirected, not counted
    flush_pending(client.application)
    assert counted(session) == 1


def test_each_visitor_counts_once_in_half_an_hour(client, session, link, monkeypatch):
    limiter_clock = LimiterClock(monkeypatch)
    for address, agent in [(ADDRESS, AGENT), (ADDRESS, AGENT), (NEIGHBOUR, OTHER_AGENT), (NEIGHBOUR, OTHER_AGENT)]:
        assert follow(client, link, address, agent).status_code == 302
    flush_pending(client.application)
    assert counted(session) == 2
    limiter_clock.advance(31 * 60)
    follow(client, link)
    flush_pending(client.application)
    assert counted(session) == 3


def test_one_address_counts_at_most_twenty_visitors_a_link_in_half_an_hour(client, session, link):
    # A script inventing user agents is not twenty-five readers.
    for n in range(25):
        assert follow(client, link, agent=f"{AGENT} build/{n}").status_code == 302
    flush_pending(client.application)
    assert counted(session) == 20


def test_the_raw_address_and_user_agent_are_nowhere_in_the_database(client, session, link):
    for agent in (AGENT, OTHER_AGENT):
        follow(client, link, agent=agent)
    flush_pending(client.application)
    assert counted(session) == 2
    assert [table for table, value in stored_text(session) if ADDRESS in value or "Zalo/24.1" in value] == []


def test_the_write_behind_thread_writes_clicks_within_seconds(app, client, session, link):
    app.testing = False  # a served app: the thread runs
    app.config["WRITE_BEHIND_SECONDS"] = 0.05
    follow(client, link)
    deadline = time.monotonic() + 10
    while counted(session) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    app.extensions["loa.write_behind"].stop()
    assert counted(session) == 1


def test_what_is_still_pending_is_written_when_the_process_stops(app, client, session, link):
    app.testing = False
    app.config["WRITE_BEHIND_SECONDS"] = 3600
    follow(client, link)
    assert counted(session) == 0
    app.extensions["loa.write_behind"].stop()  # what atexit (and `loa run` on SIGTERM) calls
    assert counted(session) == 1
