"""APScheduler wiring: the job only ticks; the database decides what is due."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import datetime, timezone

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.orm import Session, sessionmaker

from campaigns.public_version import prune_public_changes
from campaigns.worker_models import record_worker_beat
from scheduler.alerts.job import AlertSettings, run_alert_job
from scheduler.coalesced import Coalesced
from scheduler.dispatch import run_tick
from scheduler.metrics_pulls import run_metrics_pulls
from scheduler.reach_job import ReachJobSettings, run_reach_job
from scheduler.sending import DispatchSettings
from scheduler.tipoff_job import TipoffJobSettings, run_tipoff_retention
from scheduler.websub_job import PingReport, WebSubSettings, run_websub_pings

log = logging.getLogger("loa.scheduler")


def worker_name(name: str | None = None) -> str:
    """The worker as claims and logs name it: `NAME:pid`, the host's name by default."""
    return f"{name or socket.gethostname()}:{os.getpid()}"


def make_scheduler(
    session_factory: sessionmaker[Session],
    *,
    clock: Callable[[], datetime],
    interval_seconds: float = 15,
    settings: DispatchSettings = DispatchSettings(),
    blocking: bool = False,
    metrics_interval_seconds: float = 300,
    reach: ReachJobSettings | None = None,
    publish_files: Callable[[], None] | None = None,
    worker: str | None = None,
    alerts: AlertSettings | None = None,
    tipoffs: TipoffJobSettings | None = None,
) -> BaseScheduler:
    worker = worker or worker_name()

    def dispatch() -> None:
        beat()
        report = run_tick(session_factory, now=clock(), worker=worker, settings=settings,
                          on_published=wake_files if publish_files is not None else None)
        if report.claimed:
            log.info("dispatch by %s: %s", worker, report)

    def beat() -> None:
        # Every tick, claims or not: `loa check` tells a worker that runs from one that stopped by this row.
        try:
            with session_factory() as session:
                record_worker_beat(session, worker, now=clock())
                session.commit()
        except Exception:  # the database is away: the tick below meets it too and says so
            log.exception("could not record that worker %s ticked", worker)

    tick = Coalesced(dispatch)
    files = Coalesced(publish_files or (lambda: None))

    def wake_files() -> None:  # something went public: write its files now, not at the next interval
        if files.ask():
            scheduler.modify_job("artifacts", next_run_time=datetime.now(timezone.utc))

    def pull_metrics() -> None:
        # Its own job, and nothing it raises reaches the scheduler: reading figures back must never
        # hold up or stop sending.
        try:
            report = run_metrics_pulls(session_factory, now=clock(), settings=settings, clock=clock)
        except Exception:
            log.exception("metrics: the pull job failed; it runs again at its next interval")
            return
        if report.read or report.failed:
            log.info("metrics: %s", report)

    scheduler: BaseScheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone=timezone.utc)
    # Two instances: the second only asks the first to go round again (scheduler.coalesced).
    scheduler.add_job(tick, "interval", seconds=interval_seconds, id="dispatch", max_instances=2,
                      coalesce=True, next_run_time=datetime.now(timezone.utc))
    if publish_files is not None:
        # Its own job and thread: rendering every published page must never hold up the next dispatch. It runs
        # at once after a tick that sent something, and each interval for the desk's edits and withdrawals.
        scheduler.add_job(files, "interval", seconds=interval_seconds, id="artifacts", max_instances=2,
                          coalesce=True, next_run_time=datetime.now(timezone.utc))
    scheduler.add_job(pull_metrics, "interval", seconds=metrics_interval_seconds, id="metrics", max_instances=1,
                      coalesce=True)

    def prune_changes() -> None:
        with session_factory() as session:
            prune_public_changes(session)
            session.commit()

    scheduler.add_job(prune_changes, "interval", minutes=10, id="public-changes", max_instances=1, coalesce=True)
    if settings.websub_hub:
        websub = WebSubSettings(hub=settings.websub_hub)

        def ping_hub() -> None:
            # Like the metrics pull: a hub that is down must never hold up or stop sending.
            try:
                report = run_websub_pings(session_factory, settings=websub, clock=clock)
            except Exception:
                log.exception("websub: the ping job failed; it runs again at its next interval")
                return
            if report != PingReport():
                log.info("websub: %s", report)

        # As often as the dispatcher: the point of a hub is that readers hear within seconds.
        scheduler.add_job(ping_hub, "interval", seconds=interval_seconds, id="websub", max_instances=1,
                          coalesce=True)
    if reach is not None:
        def roll_up() -> None:
            report = run_reach_job(session_factory, now=clock(), settings=reach)
            if report.rollup.days or report.purged:
                log.info("reach: rolled up %s, purged %s raw events", report.rollup.days, report.purged)

        # Safe on every worker at once: the job holds the rollup state's lock (campaigns.reach_rollups).
        scheduler.add_job(roll_up, "interval", seconds=reach.interval_seconds, id="reach_rollup",
                          max_instances=1, coalesce=True)
    if alerts is not None:
        def check_confirmations() -> None:
            # Like the metrics pull: a mail server that is down must never hold up or stop sending.
            try:
                report = run_alert_job(session_factory, now=clock(), settings=alerts)
            except Exception:
                log.exception("alerts: the confirmation check failed; it runs again at its next interval")
                return
            if report.raised.raised or report.mailed.sent or report.mailed.failed or report.mailed.retrying:
                log.info("alerts: %s", report)

        # Safe on every worker at once: one alert per station and day by a unique key, mails claimed per row.
        scheduler.add_job(check_confirmations, "interval", seconds=alerts.interval_seconds, id="alerts",
                          max_instances=1, coalesce=True)
    if tipoffs is not None:
        def purge_tipoffs() -> None:
            report = run_tipoff_retention(session_factory, now=clock(), settings=tipoffs)
            if report.tipoffs or report.files:
                log.info("tipoffs: deleted %s past retention, %s photo files", report.tipoffs, report.files)

        # Idempotent: two workers deleting the same rows delete them once.
        scheduler.add_job(purge_tipoffs, "interval", seconds=tipoffs.interval_seconds, id="tipoff_retention",
                          max_instances=1, coalesce=True, next_run_time=datetime.now(timezone.utc))
    return scheduler
