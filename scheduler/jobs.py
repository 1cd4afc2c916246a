"""APScheduler wiring: the job only ticks; the database decides what is due."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import datetime, timezone

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.orm import Session, sessionmaker

from scheduler.dispatch import run_tick
from scheduler.metrics_pulls import run_metrics_pulls
from scheduler.reach_job import ReachJobSettings, run_reach_job
from scheduler.sending import DispatchSettings
from scheduler.websub_job import PingReport, WebSubSettings, run_websub_pings

# Rounds of the files job in one run while dispatch keeps sending: the next interval picks up the rest.
MAX_FILE_ROUNDS = 5

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
) -> BaseScheduler:
    worker = worker or worker_name()
    sent_since_files = threading.Event()

    def tick() -> None:
        report = run_tick(session_factory, now=clock(), worker=worker, settings=settings)
        if report.claimed:
            log.info("dispatch by %s: %s", worker, report)
        if report.sent and publish_files is not None:  # something may have gone public: write its files now
            sent_since_files.set()
            scheduler.modify_job("artifacts", next_run_time=datetime.now(timezone.utc))

    def write_files() -> None:
        # A wake-up that comes while the files are being written is dropped (one instance at a time), and
        # what it announced may have missed this round: go round again until nothing more was sent.
        assert publish_files is not None
        for _ in range(MAX_FILE_ROUNDS):
            sent_since_files.clear()
            publish_files()
            if not sent_since_files.is_set():
                return

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
    # coalesce + one instance: a slow tick is never stacked behind itself.
    scheduler.add_job(tick, "interval", seconds=interval_seconds, id="dispatch", max_instances=1,
                      coalesce=True, next_run_time=datetime.now(timezone.utc))
    if publish_files is not None:
        # Its own job and thread: rendering every published page must never hold up the next dispatch. It runs
        # at once after a tick that sent something, and each interval for the desk's edits and withdrawals.
        scheduler.add_job(write_files, "interval", seconds=interval_seconds, id="artifacts", max_instances=1,
                          coalesce=True, next_run_time=datetime.now(timezone.utc))
    scheduler.add_job(pull_metrics, "interval", seconds=metrics_interval_seconds, id="metrics", max_instances=1,
                      coalesce=True)
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
    return scheduler
