"""Telling a WebSub hub which feeds changed: the pings queued in the outbox (campaigns.websub), sent outside any
transaction, with a timeout, backing off on a timeout, 429 or 5xx (never sooner than Retry-After), given up after
a few attempts. One ping per feed per run, however many changes queued it.

The publish ping is not in the W3C recommendation; this is the form hubs take it in (Google's PubSubHubbub hub,
Superfeedr, WebSub.Rocks): POST hub.mode=publish&hub.url=<feed> as a form, any 2xx meaning taken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from sqlalchemy.orm import Session, sessionmaker

from campaigns.websub import DuePing, claim_pings, record_ping
from content.db import begin_write
from scheduler.backoff import backoff
from scheduler.channels.contract import ChannelError
from scheduler.channels.http import Timeout, call, make_session, status_error

log = logging.getLogger("loa.websub")
PLATFORM = "WebSub hub"
# Longer than a run can take (a batch of pings, each bounded by its timeout), so two workers never ping together.
LEASE = timedelta(minutes=10)


@dataclass(frozen=True)
class WebSubSettings:
    hub: str  # "" means off: nothing is queued and nothing sent
    timeout: Timeout = (3.05, 10.0)
    max_attempts: int = 6
    batch: int = 30  # feeds a run pings at most: 30 slow answers still end well within LEASE


@dataclass(frozen=True)
class PingReport:
    sent: int = 0
    retrying: int = 0
    given_up: int = 0


def publish(http: requests.Session, hub: str, topic_url: str, *, timeout: Timeout) -> None:
    """One publish ping; a ChannelError says what went wrong and whether trying again could help."""
    # A ping says "look again"; the hub getting it twice does no harm.
    response = call(http, "POST", hub, platform=PLATFORM, timeout=timeout, repeatable=True,
                    data={"hub.mode": "publish", "hub.url": topic_url})
    if not 200 <= response.status_code < 300:
        raise status_error(PLATFORM, response)


def run_websub_pings(session_factory: sessionmaker[Session], *, settings: WebSubSettings,
                     clock: Callable[[], datetime], http: requests.Session | None = None) -> PingReport:
    if not settings.hub:
        return PingReport()
    with session_factory() as session:
        begin_write(session)
        due = claim_pings(session, now=clock(), lease=LEASE, limit=settings.batch)
        session.commit()
    http = http or make_session()
    sent = retrying = given_up = 0
    for ping in due:
        error = _send(http, settings, ping)
        attempts = ping.attempts + 1
        retry_in: timedelta | None = None
        if error is not None and error.retryable and attempts < settings.max_attempts:
            retry_in = backoff(attempts, retry_after=error.retry_after)
        with session_factory() as session:
            begin_write(session)
            record_ping(session, ping, now=clock(), error=str(error) if error else None, retry_in=retry_in)
            session.commit()
        if error is None:
            sent += 1
        elif retry_in is not None:
            retrying += 1
        else:
            given_up += 1
            log.warning("websub: gave up telling the hub about %s after %d attempts: %s", ping.topic_url,
                        attempts, error)
    return PingReport(sent, retrying, given_up)


def _send(http: requests.Session, settings: WebSubSettings, ping: DuePing) -> ChannelError | None:
    try:
        publish(http, settings.hub, ping.topic_url, timeout=settings.timeout)
    except ChannelError as error:
        return error
    return None
