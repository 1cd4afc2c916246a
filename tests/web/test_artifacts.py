"""The published pages and feeds as files for nginx: written on publish, replaced on edit, removed on withdrawal."""

from __future__ import annotations

import gzip
import threading
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from campaigns.models import Campaign, ChannelKind, Delivery, DeliveryStatus, ReachEvent
from campaigns.planning import plan_deliveries
from campaigns.visitor_models import PortalCount
from content.messages import MessageInput, create_message, transition_message
from content.models import Area, MessageKind, Role
from scheduler.jobs import make_scheduler
from tests.factories import make_area, make_channel, make_published_message, make_user
from web.artifacts import artifacts_dir, build_artifacts, refresh_artifacts
from web.cli import cli
from web.write_behind import flush_pending


@pytest.fixture
def public(app, tmp_path):  # type: ignore[no-untyped-def]
    app.config["ARTIFACTS_DIR"] = str(tmp_path / "public")
    return artifacts_dir(app)


def read(path) -> str:  # type: ignore[no-untyped-def]
    body = path.read_bytes()
    assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == body
    return body.decode()


def planned(session, now):  # type: ignore[no-untyped-def]
    """A message approved and planned for the portal and the feed in five minutes, not yet sent."""
    province = make_area(session, name="Tỉnh Sông Mây")
    editor = make_user(session, role=Role.EDITOR, area=province)
    approver = make_user(session, role=Role.APPROVER, area=province)
    message = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title="Đi xe đạp điện an toàn",
                                                           body_md="Đội mũ bảo hiểm khi đi xe.", area_id=province.id),
                             now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=5), now=now,
                    channels=[make_channel(session, ChannelKind.PORTAL), make_channel(session, ChannelKind.FEED)])
    session.commit()
    return message, approver


def test_the_scheduler_writes_a_message_when_its_delivery_goes_out_and_removes_it_on_withdrawal(
        app, session, session_factory, public, clock, now):
    message, approver = planned(session, now)
    scheduler = make_scheduler(session_factory, clock=clock, publish_files=lambda: refresh_artifacts(app))
    tick, publish = scheduler.get_job("dispatch").func, scheduler.get_job("artifacts").func
    tick()  # not due yet: nothing public
    publish()
    page = public / "tin" / f"{message.slug}.html"
    assert not page.exists() and message.title not in read(public / "feed.rss")
    clock.set(now + timedelta(minutes=5))
    tick()
    publish()
    assert message.title in read(page)
    assert message.title in read(public / "feed.rss") and message.title in read(public / "feed.atom")
    assert message.title in read(public / "index.html")
    transition_message(session, message, "archive", actor=approver, now=now + timedelta(hours=1))
    session.commit()
    publish()  # a withdrawal from the desk: the next interval, no delivery needed
    assert not page.exists() and not page.with_name(page.name + ".gz").exists()
    assert message.title not in read(public / "feed.rss") and message.title not in read(public / "index.html")


def test_a_tick_that_sent_something_wakes_the_files_job_at_once(app, session, session_factory, public, clock, now):
    message, _ = planned(session, now)
    # An hour between runs: once both jobs ran at start, only the wake-up after a sending tick writes the page.
    scheduler = make_scheduler(session_factory, clock=clock, interval_seconds=3600,
                               publish_files=lambda: refresh_artifacts(app))
    page = public / "tin" / f"{message.slug}.html"
    scheduler.start()
    try:
        _wait_for(lambda: "loa.artifacts_version" in app.extensions)  # the files job's first run is over
        clock.set(now + timedelta(minutes=5))
        scheduler.modify_job("dispatch", next_run_time=datetime.now(timezone.utc))  # its interval coming round
        _wait_for(page.exists)
    finally:
        scheduler.shutdown(wait=True)
    assert message.title in read(page)


def _wait_for(condition, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited 30 s"
        time.sleep(0.05)


def test_nothing_is_written_again_while_nothing_public_changed(app, session, session_factory, public, now):
    first = make_published_message(session, session_factory, now)
    assert build_artifacts(app).written > 4
    assert build_artifacts(app) is None
    first_page = public / "tin" / f"{first.slug}.html"
    written_at = first_page.stat().st_mtime_ns
    second = make_published_message(session, session_factory, now + timedelta(hours=1), title="Phòng chống đuối nước")
    assert build_artifacts(app).written > 0
    assert first_page.stat().st_mtime_ns == written_at  # the same bytes: left alone, nginx's ETag holds
    assert build_artifacts(app, force=True).written == 0
    assert "Phòng chống đuối nước" in read(public / "tin" / f"{second.slug}.html")
    assert not list(public.rglob(".tmp-*"))  # every temporary file was renamed into place


def test_writing_the_files_counts_no_view_and_no_poll(app, session, session_factory, public, now):
    make_published_message(session, session_factory, now)
    build_artifacts(app)
    flush_pending(app)
    session.rollback()
    assert session.scalar(select(func.count()).select_from(ReachEvent)) == 0
    assert session.scalar(select(func.count()).select_from(PortalCount)) == 0  # page views and feed polls


def test_the_command_writes_the_files(app, session, session_factory, database_url, tmp_path, monkeypatch, now):
    message = make_published_message(session, session_factory, now)
    monkeypatch.setenv("LOA_DATABASE_URL", database_url)
    monkeypatch.setenv("LOA_SECRET_KEY", "cli-test")
    monkeypatch.setenv("LOA_ARTIFACTS_DIR", str(tmp_path / "by-hand"))
    monkeypatch.setenv("LOA_BASE_URL", "https://loa.example.vn")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["artifacts", "build"], catch_exceptions=False)
    assert result.exit_code == 0 and "Wrote " in result.output
    assert message.title in read(tmp_path / "by-hand" / "tin" / f"{message.slug}.html")


def test_a_publish_while_the_files_are_being_written_gets_another_round(app, session, session_factory, public, clock,
                                                                        now):
    message, _ = planned(session, now)
    first_round, release = threading.Event(), threading.Event()

    def files() -> None:
        if not first_round.is_set():
            first_round.set()
            release.wait(30)  # held here while the delivery goes out: its wake-up finds the job running
        refresh_artifacts(app)

    scheduler = make_scheduler(session_factory, clock=clock, interval_seconds=3600, publish_files=files)
    page = public / "tin" / f"{message.slug}.html"
    scheduler.start()
    try:
        _wait_for(first_round.is_set)
        clock.set(now + timedelta(minutes=5))
        scheduler.modify_job("dispatch", next_run_time=datetime.now(timezone.utc))
        _wait_for(lambda: _sent(session, message))
        release.set()
        _wait_for(page.exists)
    finally:
        release.set()
        scheduler.shutdown(wait=True)
    assert message.title in read(page)


def _sent(session, message) -> bool:  # type: ignore[no-untyped-def]
    session.rollback()
    return bool(session.scalar(select(func.count()).select_from(Delivery).where(
        Delivery.message_id == message.id, Delivery.status == DeliveryStatus.SENT)))


def test_every_followable_page_and_its_feeds_are_files_and_leave_with_their_subject(app, session, session_factory,
                                                                                  public, now):
    message = make_published_message(session, session_factory, now)
    campaign = Campaign(plan_number="KH-12/2026", issuing_body="Công an tỉnh Sông Mây", title="Mùa hè an toàn",
                        slug="mua-he-an-toan", starts_on=date(2026, 6, 1), ends_on=date(2026, 8, 31),
                        owner_area_id=message.area_id)
    campaign.messages.append(session.merge(message))
    session.add(campaign)
    session.commit()
    build_artifacts(app)
    area = session.get(Area, message.area_id)
    for name in ("chien-dich/mua-he-an-toan.html", "chien-dich/mua-he-an-toan/feed.rss",
                 "chien-dich/mua-he-an-toan/feed.atom", f"dia-ban/{area.code}.html", f"dia-ban/{area.code}/feed.rss",
                 "loai/article.html", "loai/article/feed.atom", "feeds.opml", "sitemap.xml", "theo-doi.html",
                 "nguoi-tot-viec-tot.html"):
        assert (public / name).is_file() and (public / f"{name}.gz").is_file(), name
    assert message.title in read(public / "chien-dich/mua-he-an-toan/feed.rss")
    assert "Mùa hè an toàn" in read(public / "chien-dich/mua-he-an-toan.html")
    session.delete(campaign)
    session.commit()
    assert build_artifacts(app).removed == 3
    assert not (public / "chien-dich/mua-he-an-toan.html").exists()
    assert not (public / "chien-dich/mua-he-an-toan/feed.rss.gz").exists()


def test_the_files_are_written_when_only_the_public_host_is_trusted(app, session, session_factory, public, now):
    # The test client's own `localhost` is not a trusted host: asked under it, every page was refused with a 400.
    app.config.update(TRUSTED_HOSTS=["loa.example.vn"], BASE_URL="https://loa.example.vn", SERVER_NAME=None)
    message = make_published_message(session, session_factory, now)
    assert build_artifacts(app).written > 4
    assert message.title in read(public / "tin" / f"{message.slug}.html")
    assert "https://loa.example.vn/tin/" in read(public / "feed.rss")
