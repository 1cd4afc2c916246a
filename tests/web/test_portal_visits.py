"""Portal views and daily unique visitors: counted without cookies, in batches, bots apart, no address kept."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from campaigns.links import BOT_CLICK, CLICK, short_link
from campaigns.models import ChannelKind, ReachEvent, ReachSource
from campaigns.visitor_models import PortalCount, SeenVisitor, VisitorSalt
from campaigns.visits import BOT_VIEW, SITE, VIEW, VISITOR, is_bot, rotate_salts
from tests.factories import make_channel, make_published_message
from tests.stored_text import stored_text
from tests.write_watch import watch_writes
from web.write_behind import flush_pending

ADDRESS = "198.51.100.23"
NEIGHBOUR = "198.51.100.24"
AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 xa-Bai-Say"
OTHER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5) Safari/604.1"
BOTS = ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "TelegramBot (like TwitterBot)", "Zalo-Bot", "Mozilla/5.0 (compatible; Googlebot/2.1)", ""]
# 08:00 in Hồ Chí Minh City on 23 November; the next local day starts at 17:00 UTC.
NEXT_DAY = datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc)


@pytest.fixture
def message(session, session_factory, now):  # type: ignore[no-untyped-def]
    return make_published_message(session, session_factory, now, title="Cảnh giác kẻ gian giả danh nhân viên điện lực")


def visit(client, path: str, address: str = ADDRESS, agent: str = AGENT):  # type: ignore[no-untyped-def]
    response = client.get(path, headers={"User-Agent": agent}, environ_base={"REMOTE_ADDR": address})
    assert response.status_code in (200, 302)
    return response


def total(session, metric: str, message_id: int | None = None) -> float:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    if message_id is None:
        return session.scalar(select(func.coalesce(func.sum(PortalCount.value), 0)).where(PortalCount.metric == metric))
    return session.scalar(select(func.coalesce(func.sum(ReachEvent.value), 0))
                          .where(ReachEvent.metric == metric, ReachEvent.message_id == message_id))


def test_link_preview_fetchers_and_crawlers_are_bots_and_readers_are_not():
    assert all(is_bot(agent) for agent in BOTS)
    assert not any(is_bot(agent) for agent in (AGENT, OTHER_AGENT, "Mozilla/5.0 (Linux; Android 13) Zalo/24.1"))


def test_views_and_daily_visitors_count_right_across_two_batches(client, session, message):
    page = f"/tin/{message.slug}"
    visit(client, page)
    visit(client, page)
    visit(client, "/")
    flush_pending(client.application)
    assert (total(session, VIEW, message.id), total(session, VISITOR, message.id)) == (2, 1)
    visit(client, page)  # the same visitor in the next batch: a view, not a new visitor
    visit(client, page, NEIGHBOUR, OTHER_AGENT)
    flush_pending(client.application)
    assert (total(session, VIEW, message.id), total(session, VISITOR, message.id)) == (4, 2)
    assert total(session, VIEW) == 1  # the index page's views
    assert session.scalar(select(PortalCount.page).where(PortalCount.metric == VIEW)) == "index"
    assert total(session, VISITOR) == 2  # site-wide: each visitor once a day, whatever they read
    assert set(session.scalars(select(PortalCount.page).where(PortalCount.metric == VISITOR))) == {SITE}
    events = session.scalars(select(ReachEvent).where(ReachEvent.message_id == message.id)).all()
    assert {e.source for e in events} == {ReachSource.MEASURED}
    # One row per bucket, not per view: the day's visitors are stamped with the local day's start (UTC).
    assert {e.occurred_at for e in events if e.metric == VISITOR} == {datetime(2026, 11, 22, 17, 0, tzinfo=timezone.utc)}


def test_bots_are_counted_apart_and_never_as_visitors(client, session, message):
    for agent in BOTS:
        visit(client, f"/tin/{message.slug}", agent=agent)
        visit(client, "/", agent=agent)
    flush_pending(client.application)
    assert total(session, BOT_VIEW, message.id) == len(BOTS)
    assert total(session, BOT_VIEW) == len(BOTS)
    assert total(session, VIEW, message.id) == total(session, VISITOR, message.id) == total(session, VISITOR) == 0
    assert session.scalar(select(func.count()).select_from(SeenVisitor)) == 0


def test_the_salt_rotates_each_local_day_and_the_past_days_are_forgotten(client, session, message, clock):
    visit(client, f"/tin/{message.slug}")
    flush_pending(client.application)
    session.rollback()
    salts = dict(session.execute(select(VisitorSalt.day, VisitorSalt.salt)).all())
    assert sorted(d.isoformat() for d in salts) == ["2026-11-23", "2026-11-24"]  # tomorrow's made ahead
    assert len(set(salts.values())) == 2
    assert {s.day.isoformat() for s in session.scalars(select(SeenVisitor))} == {"2026-11-23"}
    clock.set(NEXT_DAY)
    visit(client, f"/tin/{message.slug}")  # the same person: a new visitor-day
    flush_pending(client.application)
    session.rollback()
    after = dict(session.execute(select(VisitorSalt.day, VisitorSalt.salt)).all())
    assert sorted(d.isoformat() for d in after) == ["2026-11-24", "2026-11-25"]
    assert after[min(after)] == salts[max(salts)]  # every process read the salt made the day before
    assert {s.day.isoformat() for s in session.scalars(select(SeenVisitor))} == {"2026-11-24"}
    assert total(session, VISITOR, message.id) == 2  # two visitor-days


def test_a_new_day_is_rotated_even_when_nobody_visits(client, session, message, clock):
    visit(client, "/")
    flush_pending(client.application)
    clock.set(NEXT_DAY)
    flush_pending(client.application)
    session.rollback()
    assert sorted(d.isoformat() for d in session.scalars(select(VisitorSalt.day))) == ["2026-11-24", "2026-11-25"]
    assert session.scalar(select(func.count()).select_from(SeenVisitor)) == 0


def test_a_portal_page_writes_nothing_in_its_request(client, session, message, now):
    rotate_salts(session, now.date())  # the write-behind thread made today's salt the day before
    session.commit()
    with watch_writes(client.application.extensions["loa.engine"]) as writes:
        for address in (ADDRESS, NEIGHBOUR):
            visit(client, f"/tin/{message.slug}", address)
            visit(client, "/", address)
        visit(client, "/", agent=BOTS[0])
    assert writes == []
    flush_pending(client.application)
    assert total(session, VIEW, message.id) == 2 and total(session, VISITOR) == 2


def test_the_raw_address_is_nowhere_in_the_database_after_views_and_clicks(client, session, message, now):
    link = short_link(session, message, make_channel(session, ChannelKind.TELEGRAM), now=now)
    session.commit()
    for agent in (AGENT, OTHER_AGENT, BOTS[0]):
        visit(client, f"/tin/{message.slug}", agent=agent)
        visit(client, "/", agent=agent)
        visit(client, f"/r/{link.code}", agent=agent)
    flush_pending(client.application)
    assert total(session, VISITOR) == 2 and total(session, CLICK, message.id) == 2
    stored = list(stored_text(session))
    assert {"seen_visitors", "visitor_salts", "reach_events"} <= {table for table, _ in stored}  # the walk sees them
    assert [table for table, value in stored if ADDRESS in value or "xa-Bai-Say" in value] == []


def test_bot_clicks_on_a_tracked_link_are_counted_apart_every_time(client, session, message, now):
    link = short_link(session, message, make_channel(session, ChannelKind.ZALO), now=now)
    session.commit()
    for _ in range(3):
        visit(client, f"/r/{link.code}", agent=BOTS[0])
    visit(client, f"/r/{link.code}")
    visit(client, f"/r/{link.code}")
    flush_pending(client.application)
    assert (total(session, BOT_CLICK, message.id), total(session, CLICK, message.id)) == (3, 1)


def test_views_still_pending_are_written_when_the_process_stops(app, client, session, message):
    app.testing = False  # a served app: the write-behind thread runs
    app.config["WRITE_BEHIND_SECONDS"] = 3600
    visit(client, f"/tin/{message.slug}")
    visit(client, "/", agent=BOTS[1])
    assert total(session, VIEW, message.id) == 0
    app.extensions["loa.write_behind"].stop()  # what atexit (and `loa run` on SIGTERM) calls
    assert (total(session, VIEW, message.id), total(session, VISITOR, message.id), total(session, BOT_VIEW)) == (1, 1, 1)
