"""Polls of the site's feeds, counted like portal views: in memory per request, written in batches by the
write-behind thread, with no address kept.

Per feed (its path) and local day: every fetch (an unchanged feed's 304 included: it is still a poll), and its
unique clients — the same salted daily hash as a portal visitor (campaigns.visits), deduplicated in
`seen_visitors` under the scope "feed:<path>", so a client is counted once a day per feed however often it polls.
Feed readers are programs by nature, so no client is set apart as a bot here: a Feedly fetcher is one client
standing for many people, whose number is what Feedly reports (campaigns.feed_readers), kept apart as
platform-reported, newest first, never added to the measured counts.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from campaigns.feed_readers import SubscriberReport
from campaigns.models import ReachSource
from campaigns.visitor_models import FeedSubscriberReport, PortalCount, SeenVisitor
from campaigns.visits import day_start, local_day, rotate_salts

FEED_FETCH = "feed_fetch"  # every poll of a feed
FEED_CLIENT = "feed_client"  # a client's first poll of a feed on a local day
FEED_SUBSCRIBERS = "feed_subscribers"  # a feed service's own count (platform-reported)


@dataclass
class FeedBatch:
    fetches: Counter[tuple[str, date]] = field(default_factory=Counter)
    clients: set[tuple[date, str, str]] = field(default_factory=set)  # (local day, client hash, feed)
    reports: dict[tuple[str, str], tuple[int, datetime]] = field(default_factory=dict)  # (service, feed) → newest
    rotate: bool = False

    def __bool__(self) -> bool:
        return bool(self.fetches or self.clients or self.reports or self.rotate)


class FeedBuffer:
    """Counted feed polls not yet written; shared by a web process's threads."""

    def __init__(self, zone: tzinfo) -> None:
        self._zone = zone
        self._lock = threading.Lock()
        self._batch = FeedBatch()
        self._rotated: date | None = None

    def add(self, feed: str, *, client: str, report: SubscriberReport | None, at: datetime) -> None:
        day = local_day(at, self._zone)
        with self._lock:
            self._batch.fetches[feed, day] += 1
            self._batch.clients.add((day, client, feed))
            if report is not None:
                self._batch.reports[report.service, feed] = (report.subscribers, at)

    def pending(self) -> int:
        """Feed polls counted and not yet written (the metrics' buffered gauge)."""
        with self._lock:
            return sum(self._batch.fetches.values())

    def drain(self, now: datetime, *, final: bool) -> FeedBatch:
        today = local_day(now, self._zone)
        with self._lock:
            batch, self._batch = self._batch, FeedBatch()
            batch.rotate, self._rotated = self._rotated != today, today
        return batch

    def restore(self, batch: FeedBatch) -> None:
        with self._lock:
            if batch.rotate:
                self._rotated = None
            self._batch.fetches.update(batch.fetches)
            self._batch.clients |= batch.clients
            for key, (subscribers, at) in batch.reports.items():
                if key not in self._batch.reports or self._batch.reports[key][1] < at:
                    self._batch.reports[key] = (subscribers, at)

    def write(self, session: Session, batch: FeedBatch, *, now: datetime) -> None:
        record_feed_fetches(session, batch, zone=self._zone, now=now)


def _insert_ignoring(session: Session) -> Any:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(SeenVisitor)


def _new_clients(session: Session, candidates: list[tuple[date, str, str]]) -> Counter[tuple[str, date]]:
    """Record the clients not yet seen today on each feed, and count those that were new, per feed and day."""
    rows = [{"day": day, "visitor": client, "scope": f"feed:{feed}"} for day, client, feed in candidates]
    new: Counter[tuple[str, date]] = Counter()
    for start in range(0, len(rows), 500):
        statement = (_insert_ignoring(session).values(rows[start:start + 500])
                     .on_conflict_do_nothing(index_elements=["day", "visitor", "scope"])
                     .returning(SeenVisitor.day, SeenVisitor.scope))
        for day, scope in session.execute(statement):
            new[scope.removeprefix("feed:"), day] += 1
    return new


def record_feed_fetches(session: Session, batch: FeedBatch, *, zone: tzinfo, now: datetime) -> None:
    """One measured row per feed and local day for fetches and for new clients, and the newest subscriber count
    each service announced for each feed."""
    today = local_day(now, zone)
    rotate_salts(session, today)  # a site whose only readers are feed readers must forget past days too
    # A client of a day already forgotten has no dedupe rows left to check against: dropped, as portal visitors are.
    new = _new_clients(session, sorted(c for c in batch.clients if c[0] >= today))
    counts = [(feed, FEED_FETCH, day, n) for (feed, day), n in batch.fetches.items()]
    counts += [(feed, FEED_CLIENT, day, n) for (feed, day), n in new.items()]
    for feed, metric, day, n in sorted(counts):
        session.add(PortalCount(page=feed, metric=metric, source=ReachSource.MEASURED, value=float(n),
                                occurred_at=day_start(day, zone), recorded_at=now))
    for (service, feed), (subscribers, at) in sorted(batch.reports.items()):
        # One row per service, feed and local day, the day's newest: a header anyone can forge every second
        # grows the table by at most a row a day per known service and feed.
        day = local_day(at, zone)
        session.execute(delete(FeedSubscriberReport).where(
            FeedSubscriberReport.service == service, FeedSubscriberReport.feed == feed,
            FeedSubscriberReport.seen_at >= day_start(day, zone),
            FeedSubscriberReport.seen_at < day_start(day + timedelta(days=1), zone)))
        session.add(FeedSubscriberReport(service=service, feed=feed, subscribers=subscribers, seen_at=at))
    session.flush()
