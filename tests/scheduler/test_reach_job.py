"""The reach job as the scheduler and `loa reach rollup` run it: roll up, recompute a day, purge past retention."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from click.testing import CliRunner
from sqlalchemy import func, select

from campaigns.models import ChannelKind, ReachDaily, ReachEvent, ReachSource
from scheduler.jobs import make_scheduler
from scheduler.reach_job import ReachJobSettings, run_reach_job
from tests.factories import make_area, make_channel
from tests.scenarios import approved_message

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 23, 5, 0, tzinfo=timezone.utc)


def clicks(session, day: date, value: float) -> None:  # type: ignore[no-untyped-def]
    message, *_ = approved_message(session, NOW)
    moment = datetime.combine(day, time(9), tzinfo=ZONE)
    session.add(ReachEvent(message_id=message.id, channel_id=make_channel(session, ChannelKind.PORTAL).id,
                           area_id=make_area(session).id, metric="click", source=ReachSource.MEASURED, value=value,
                           occurred_at=moment, recorded_at=moment))
    session.commit()


def test_the_scheduler_runs_the_reach_job_when_given_its_settings(session_factory):
    without = make_scheduler(session_factory, clock=lambda: NOW)
    assert without.get_job("reach_rollup") is None
    scheduler = make_scheduler(session_factory, clock=lambda: NOW,
                               reach=ReachJobSettings(zone=ZONE, interval_seconds=120))
    job = scheduler.get_job("reach_rollup")
    assert job is not None and job.trigger.interval == timedelta(seconds=120)


def test_one_pass_rolls_up_then_purges_what_retention_allows(session, session_factory):
    clicks(session, date(2026, 11, 1), 7)
    clicks(session, date(2026, 11, 22), 3)
    report = run_reach_job(session_factory, now=NOW, settings=ReachJobSettings(zone=ZONE, retention_days=10))
    assert report.rollup.days == (date(2026, 11, 1), date(2026, 11, 22)) and report.purged == 1
    assert sorted(session.scalars(select(ReachDaily.value))) == [3.0, 7.0]
    assert session.scalar(select(func.count()).select_from(ReachEvent)) == 1


def test_the_command_recomputes_a_day(session, session_factory, database_url, monkeypatch, tmp_path):
    from web.cli import cli

    clicks(session, date(2026, 11, 20), 5)
    run_reach_job(session_factory, now=NOW, settings=ReachJobSettings(zone=ZONE))
    session.execute(ReachDaily.__table__.update().values(value=999))  # a rollup gone wrong
    session.commit()
    monkeypatch.setenv("LOA_DATABASE_URL", database_url)
    monkeypatch.setenv("LOA_SECRET_KEY", "cli-test")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["reach", "rollup", "--day", "2026-11-20"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Recomputed 2026-11-20: 1 rollup row(s)." in result.output
    session.expire_all()
    assert session.scalars(select(ReachDaily.value)).all() == [5.0]
