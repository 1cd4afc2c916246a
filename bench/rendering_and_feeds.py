"""Rendering articles and serving the RSS feed, each against the cheapest way to produce the same output.

- render + sanitize: `content.rendering.render_markdown` against bare `markdown.markdown` (no bleach);
- GET /feed.rss with 50 published messages: Loa's app against a bare Flask app serving the same bytes.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import markdown
from flask import Flask, Response
from sqlalchemy.orm import Session, sessionmaker

from bench.articles import Article, build_articles
from bench.timing import Comparison, measure_pair

TITLE = "Rendering and feeds"
FEED_MESSAGES = 50
PASSWORD = "mat-khau-do-hieu-nang"
# A fixed calendar, so the data (and the feed) are the same on every run.
START = datetime(2026, 1, 5, 1, 0, tzinfo=timezone.utc)


def run() -> list[Comparison]:
    articles = build_articles()
    return [bench_rendering(articles), bench_feed(articles)]


# --- 1. render + sanitize ---------------------------------------------------------------------------------

def bench_rendering(articles: list[Article]) -> Comparison:
    from content.rendering import MARKDOWN_EXTENSIONS, render_markdown

    baseline_extensions = ["tables", "fenced_code", "sane_lists"]
    if list(MARKDOWN_EXTENSIONS) != baseline_extensions:
        raise AssertionError(f"Loa's Markdown extensions changed to {MARKDOWN_EXTENSIONS}; update the baseline")
    sources = [article.source for article in articles]

    # The comparison only means something if Loa's output still carries the article's structure.
    sample = render_markdown(sources[1])
    for fragment in ("<strong>", "<li>", "<table>", 'href="https://congan.example.vn/'):
        if fragment not in sample:
            raise AssertionError(f"render_markdown output lost {fragment!r}")

    def loa() -> None:
        for source in sources:
            render_markdown.__wrapped__(source)  # uncached: the cache would make every round but the first free

    def baseline() -> None:
        for source in sources:
            markdown.markdown(source, extensions=baseline_extensions)

    loa_timing, baseline_timing = measure_pair(loa, baseline, ops_per_call=len(sources), calls_per_round=1,
                                               rounds=15)
    return Comparison("render+sanitize per article", loa_timing, "markdown only", baseline_timing, "µs")


# --- 2. GET /feed.rss -------------------------------------------------------------------------------------

def bench_feed(articles: list[Article]) -> Comparison:
    from content.schema import upgrade_database
    from web import create_app

    with tempfile.TemporaryDirectory(prefix="loa-bench-") as tmpdir:
        url = f"sqlite:///{Path(tmpdir) / 'bench.db'}"
        upgrade_database(url)
        publish_messages(url, articles, count=FEED_MESSAGES)

        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "SERVER_NAME": "loa.bench"})
        try:
            client = app.test_client()
            first = client.get("/feed.rss")
            if first.status_code != 200:
                raise AssertionError(f"GET /feed.rss answered {first.status_code}")
            body = first.get_data()
            if body.count(b"<item>") != FEED_MESSAGES:
                raise AssertionError(f"feed has {body.count(b'<item>')} <item>s, expected {FEED_MESSAGES}")

            bare_client = bare_feed_app(body).test_client()
            bare = bare_client.get("/feed.rss")
            if bare.get_data() != body or bare.headers["Content-Type"] != first.headers["Content-Type"]:
                raise AssertionError("the bare app does not serve the same bytes and type as Loa")

            loa_timing, baseline_timing = measure_pair(
                lambda: client.get("/feed.rss").close(),
                lambda: bare_client.get("/feed.rss").close(),
                ops_per_call=1, calls_per_round=6, rounds=15, warmup_calls=3,
            )

            # Still byte for byte the same feed after the timed requests (its build date is the newest entry's).
            if client.get("/feed.rss").get_data() != body:
                raise AssertionError("Loa's feed changed during the benchmark")
        finally:
            app.extensions["loa.engine"].dispose()

    return Comparison(f"GET /feed.rss ({FEED_MESSAGES} items)", loa_timing, "bare Flask, same bytes",
                      baseline_timing, "ms")


def bare_feed_app(body: bytes) -> Flask:
    """The least a Flask app can do to serve this feed: return precomputed bytes."""
    app = Flask("bare")

    @app.get("/feed.rss")
    def feed() -> Response:
        return Response(body, mimetype="application/rss+xml")

    return app


def publish_messages(url: str, articles: list[Article], *, count: int) -> None:
    """Write, submit, approve, plan and dispatch `count` messages through the domain, as the desk would."""
    from content.db import make_engine, make_session_factory

    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        due = _write_and_plan(factory, articles, count)
        _dispatch(factory, due)
    finally:
        engine.dispose()


def _write_and_plan(factory: sessionmaker[Session], articles: list[Article], count: int) -> list[datetime]:
    from campaigns.models import Channel, ChannelKind
    from campaigns.planning import plan_deliveries
    from content.messages import MessageInput, StoryFields, create_message, transition_message
    from content.models import Area, AreaKind, MessageKind, Role, Topic
    from content.users import create_user

    due_times = []
    with factory() as session:
        province = Area(code="B01", name="Tỉnh Bến Sông", kind=AreaKind.PROVINCE, path="/B01/")
        commune = Area(code="B0101", name="Xã Bến Đò", kind=AreaKind.COMMUNE, parent=province,
                       path="/B01/B0101/")
        topics = [Topic(slug="lua-dao", name="Phòng chống lừa đảo"), Topic(slug="pccc", name="Phòng cháy chữa cháy"),
                  Topic(slug="nguoi-tot", name="Người tốt, việc tốt")]
        portal = Channel(kind=ChannelKind.PORTAL, name="Cổng thông tin xã")
        feed = Channel(kind=ChannelKind.FEED, name="RSS")
        session.add_all([province, commune, *topics, portal, feed])
        session.flush()
        editor = create_user(session, actor=None, username="bientap", password=PASSWORD, role=Role.EDITOR,
                             area=province, full_name="Trần Thị Biên")
        approver = create_user(session, actor=None, username="pheduyet", password=PASSWORD, role=Role.APPROVER,
                               area=province, full_name="Lê Văn Duyệt")

        for i in range(count):
            article = articles[i % len(articles)]
            written = START + timedelta(hours=6 * i)
            story = (StoryFields(person_name=article.story_person, deed="Trả lại túi tiền nhặt được cho người đánh rơi.",
                                 name_consent=True) if article.story_person else None)
            message = create_message(session, editor, MessageInput(
                kind=MessageKind.STORY if story else MessageKind.ARTICLE,
                title=f"{article.title} (bản tin số {i + 1})",
                summary=article.summary,
                body_md=article.source,
                area_id=commune.id,
                topic_ids=(topics[i % len(topics)].id,),
                story=story,
            ), now=written)
            transition_message(session, message, "submit", actor=editor, now=written + timedelta(minutes=5))
            transition_message(session, message, "approve", actor=approver, now=written + timedelta(minutes=30))
            due_at = written + timedelta(hours=2)
            plan_deliveries(session, message, actor=approver, due_at=due_at, now=written + timedelta(minutes=31),
                            channels=[portal, feed])
            due_times.append(due_at)
        session.commit()
    return due_times


def _dispatch(factory: sessionmaker[Session], due_times: list[datetime]) -> None:
    """One tick at each due time, so every message gets its own publication time, as in production."""
    from scheduler.dispatch import run_tick

    sent = sum(run_tick(factory, now=due_at, worker="bench").sent for due_at in due_times)
    if sent != 2 * len(due_times):
        raise AssertionError(f"dispatch sent {sent} deliveries, expected {2 * len(due_times)}")
