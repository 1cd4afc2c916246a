"""The metrics job: read back the figures of sent posts when their +1 h, +24 h, +7 d reads are due.

Like sending, no transaction is open while a platform is being called. Every failure (timeout,
429, 500, a revoked token, a secret that no longer decrypts, a bug in a reader) is recorded on
the pull with a later retry and never escapes: the job shares a scheduler with the dispatch tick.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from campaigns.credentials import CredentialError
from campaigns.platform_metrics import (
    PullTask,
    due_metric_pulls,
    record_platform_reading,
    record_pull_failure,
)
from content.db import begin_write
from scheduler.backoff import backoff
from scheduler.channels.contract import ChannelError, PlatformReading
from scheduler.channels.metrics import metrics_reader
from scheduler.sending import DispatchSettings

log = logging.getLogger("loa.metrics")
SLOWER = 4  # the first retry comes after 4 to 8 minutes rather than half a minute
REFUSED_WAIT = timedelta(hours=6)


@dataclass(frozen=True)
class PullReport:
    read: int = 0
    failed: int = 0


def _retry_in(attempts: int, error: ChannelError) -> timedelta:
    """Slower than a send's retries: a figure read an hour late is still right, and a platform that is
    down for a few hours must not use up a pull's attempts. A refusal (a revoked token) waits for an
    admin to fix it, so it is asked again only every few hours until the pull is given up."""
    wait = error.retry_after
    if not error.retryable:
        wait = max(wait or 0.0, REFUSED_WAIT.total_seconds())
    return backoff(attempts + SLOWER, retry_after=wait)


def _read(task: PullTask, settings: DispatchSettings) -> PlatformReading:
    reader = metrics_reader(task.kind, settings.endpoints)
    if reader is None:  # the domain's reporting kinds and the registry disagree: nothing to read
        return PlatformReading(api_version="")
    try:
        secret = settings.unseal(task.sealed_secret) if task.sealed_secret and settings.unseal else None
    except CredentialError as error:
        raise ChannelError(str(error), retryable=False) from None
    return reader.read(task.external_id, secret=secret, settings=task.settings)


def run_metrics_pulls(session_factory: sessionmaker[Session], *, now: datetime, settings: DispatchSettings,
                      clock: Callable[[], datetime] | None = None, limit: int = 50) -> PullReport:
    clock = clock or (lambda: now)
    try:
        with session_factory() as session:
            begin_write(session)
            tasks = due_metric_pulls(session, now=now, limit=limit)
            session.commit()
    except IntegrityError:
        return PullReport()  # another worker leased the same reads a moment ago
    read = failed = 0
    for task in tasks:
        try:
            reading, error = _read(task, settings), None
        except ChannelError as failure:
            reading, error = None, failure
        except Exception as failure:  # a reader's bug must not stop the others, nor the scheduler
            log.exception("metrics: reading delivery %s failed", task.delivery_id)
            reading, error = None, ChannelError(f"Lỗi khi đọc số liệu: {type(failure).__name__}", retryable=True)
        with session_factory() as session:
            begin_write(session)
            if reading is not None:
                record_platform_reading(session, task.delivery_id, task.slot, values=reading.values,
                                        api_version=reading.api_version, now=clock())
                read += 1
            else:
                assert error is not None
                record_pull_failure(session, task.delivery_id, task.slot, error=str(error), now=clock(),
                                    retry_at=clock() + _retry_in(task.attempts + 1, error))
                failed += 1
            session.commit()
    return PullReport(read=read, failed=failed)
