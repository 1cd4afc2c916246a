"""Feed polls counted like portal views (in batches, clients once a day by a salted hash, no address kept),
feed services' own subscriber counts kept newest-first, and the page that shows both with their kinds."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest
from sqlalchemy import select

from campaigns.feed_counts import FEED_CLIENT, FEED_FETCH
from campaigns.feed_reach import feed_days, latest_subscribers
from campaigns.visitor_models import FeedSubscriberReport, PortalCount
from campaigns.visits import rotate_salts
from content.models import Role
from tests.campaigns.target_world import ZONE
from tests.factories import make_area, make_user
from tests.stored_text import stored_text
from tests.web.helpers import log_in
from tests.write_watch import watch_writes
from web.write_behind import flush_pending

ADDRESS = "203.0.113.77"
OTHER_ADDRESS = "203.0.113.78"
FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; %d subscribers; feed-id=feed/bi-mat-xyz)"
INOREADER = "Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher; 12 subscribers; )"
READER = "Mozilla/5.0 (X11; Linux x86_64) Thunderbird/128.0 Ban-Doc-Tin-Rieng"
TODAY = date(2026, 11, 23)  # the app's clock: 08:00 on Monday 23 November in Hồ Chí Minh City
NEXT_DAY = datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc)


def poll(client, path: str = "/feed.rss", agent: str = READER, address: str = ADDRESS, **headers):  # type: ignore[no-untyped-def]
    response = client.get(path, headers={"User-Agent": agent, **headers}, environ_base={"REMOTE_ADDR": address})
    assert response.status_code in (200, 304)
    return response


def days(session, first: date = TODAY, last: date = TODAY):  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    return {(d.day, d.feed): (d.fetches, d.clients) for d in feed_days(session, first=first, last=last, zone=ZONE)}


def test_a_feedly_poll_records_its_subscriber_count_once_the_batch_is_written(client, session):
    poll(client, agent=FEEDLY % 131)
    session.rollback()
    assert session.scalars(select(FeedSubscriberReport)).all() == []  # nothing written in the request
    flush_pending(client.application)
    session.rollback()
    [report] = session.scalars(select(FeedSubscriberReport)).all()
    assert (report.service, report.feed, report.subscribers) == ("Feedly", "/feed.rss", 131)


def test_a_service_keeps_one_row_a_day_however_often_it_polls(client, session, clock):
    for count in (131, 132, 133):
        poll(client, agent=FEEDLY % count)
        flush_pending(client.application)
    session.rollback()
    assert [r.subscribers for r in session.scalars(select(FeedSubscriberReport))] == [133]
    clock.set(NEXT_DAY)
    poll(client, agent=FEEDLY % 140)
    flush_pending(client.application)
    session.rollback()
    rows = session.scalars(select(FeedSubscriberReport).order_by(FeedSubscriberReport.seen_at)).all()
    assert [r.subscribers for r in rows] == [133, 140]


def test_the_newest_count_of_each_service_is_the_figure_never_a_sum(client, session, clock):
    poll(client, agent=FEEDLY % 131)
    poll(client, agent=INOREADER)
    flush_pending(client.application)
    clock.set(NEXT_DAY)
    poll(client, agent=FEEDLY % 140)
    poll(client, path="/feed.atom", agent=FEEDLY % 9)
    flush_pending(client.application)
    session.rollback()
    latest = latest_subscribers(session, until=NEXT_DAY + timedelta(hours=1))
    assert {(r.service, r.feed): r.subscribers for r in latest} == {
        ("Feedly", "/feed.atom"): 9, ("Feedly", "/feed.rss"): 140, ("Inoreader", "/feed.rss"): 12}
    before = latest_subscribers(session, until=NEXT_DAY - timedelta(hours=1))
    assert {(r.service, r.feed): r.subscribers for r in before} == {("Feedly", "/feed.rss"): 131,
                                                                    ("Inoreader", "/feed.rss"): 12}


def test_two_polls_by_one_client_count_once_a_day_and_every_poll_counts(client, session, clock):
    poll(client)
    flush_pending(client.application)
    poll(client)  # the same client in the next batch
    etag = poll(client).headers["ETag"]
    poll(client, **{"If-None-Match": etag})  # unchanged: a 304, still a poll
    poll(client, address=OTHER_ADDRESS)
    poll(client, path="/feed.atom")
    flush_pending(client.application)
    assert days(session) == {(TODAY, "/feed.rss"): (5, 2), (TODAY, "/feed.atom"): (1, 1)}
    clock.set(NEXT_DAY)
    poll(client)  # the next local day: counted again
    flush_pending(client.application)
    assert days(session, TODAY, TODAY + timedelta(days=1))[TODAY + timedelta(days=1), "/feed.rss"] == (1, 1)
    session.rollback()
    assert {c.metric for c in session.scalars(select(PortalCount))} == {FEED_FETCH, FEED_CLIENT}


def test_a_feed_poll_writes_nothing_in_its_request(client, session, now):
    rotate_salts(session, now.date())  # the write-behind thread made today's salt the day before
    session.commit()
    with watch_writes(client.application.extensions["loa.engine"]) as writes:
        poll(client, agent=FEEDLY % 131)
        poll(client, path="/feed.atom", address=OTHER_ADDRESS)
    assert writes == []


def test_the_raw_address_and_user_agent_are_nowhere_in_the_database(client, session):
    for agent in (READER, FEEDLY % 131, INOREADER):
        poll(client, agent=agent)
        poll(client, path="/feed.atom", agent=agent)
    flush_pending(client.application)
    stored = list(stored_text(session))
    assert {"seen_visitors", "portal_counts", "feed_subscriber_reports"} <= {table for table, _ in stored}
    assert [t for t, value in stored if ADDRESS in value or "Ban-Doc-Tin-Rieng" in value or "bi-mat-xyz" in value] == []


def test_polls_still_pending_are_written_when_the_process_stops(app, client, session):
    app.testing = False  # a served app: the write-behind thread runs
    app.config["WRITE_BEHIND_SECONDS"] = 3600
    poll(client, agent=FEEDLY % 77)
    app.extensions["loa.write_behind"].stop()
    assert days(session) == {(TODAY, "/feed.rss"): (1, 1)}
    assert [r.subscribers for r in session.scalars(select(FeedSubscriberReport))] == [77]


@pytest.fixture
def readers(session):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sông Xanh")
    make_user(session, role=Role.ANALYST, area=province, username="phantich_tinh")
    make_user(session, role=Role.EDITOR, area=make_area(session, parent=province, name="Xã Cát Vàng"),
              username="bientap_xa")
    make_user(session, role=Role.RADIO_OPERATOR, area=province, username="dai_tinh")
    session.commit()


def test_the_page_shows_measured_clients_and_platform_reported_subscribers_apart(client, session, readers):
    poll(client, agent=FEEDLY % 131)
    poll(client)
    flush_pending(client.application)
    log_in(client, "phantich_tinh")
    response = client.get("/desk/feeds/reach")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Máy đọc tin khác nhau trong ngày — Đo được" in html
    assert "Người theo dõi (dịch vụ đọc tin báo) — Nền tảng báo cáo" in html
    assert "Feedly" in html and ">131<" in html and "RSS (/feed.rss)" in html
    assert "Loa không kiểm chứng được" in html  # the platform-reported method, on hover and in the notes
    assert "/desk/feeds/reach/feed-days.csv?from=2026-10-25&amp;to=2026-11-23" in html


def test_the_exports_carry_numbers_as_numbers(client, session, readers):
    poll(client, agent=FEEDLY % 131)
    poll(client, address=OTHER_ADDRESS)
    flush_pending(client.application)
    log_in(client, "phantich_tinh")
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/desk/feeds/reach/feed-days.xlsx").data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == (datetime(2026, 11, 23), "RSS (/feed.rss)", 2, 2)
    text = client.get("/desk/feeds/reach/feed-subscribers.csv").data.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1] == ["Feedly", "RSS (/feed.rss)", "131", "2026-11-23"]
    assert client.get("/desk/feeds/reach/nguoi-doc.csv").status_code == 404


@pytest.mark.parametrize("username", ["bientap_xa", "dai_tinh"])
def test_a_communes_officer_and_a_radio_operator_do_not_see_the_sites_feeds(client, session, readers, username):
    poll(client, agent=FEEDLY % 131)
    flush_pending(client.application)
    log_in(client, username)
    for path in ("/desk/feeds/reach", "/desk/feeds/reach/feed-subscribers.csv"):
        response = client.get(path)
        assert response.status_code == 403 and b"131" not in response.data


@pytest.mark.parametrize(("query", "words"), [({"from": "2026-11-20", "to": "2026-11-10"}, "sau ngày kết thúc"),
                                              ({"to": "2026-02-30"}, "Ngày không hợp lệ"),
                                              ({"from": "2016-01-01", "to": "2026-01-01"}, "tối đa 366 ngày")])
def test_a_wrong_period_is_refused_with_a_reason(client, session, readers, query, words):
    log_in(client, "phantich_tinh")
    response = client.get("/desk/feeds/reach", query_string=query)
    assert response.status_code == 400 and words in response.get_data(as_text=True)
