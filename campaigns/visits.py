"""Portal views and unique visitors, counted without cookies and without keeping any address.

A visitor is `visitor_id(salt, address, user agent)`: a hash under the salt of the local day
(Asia/Ho_Chi_Minh, passed in as `zone`). The salt is random, kept in `visitor_salts` so every web
process agrees, and deleted once its day is over, together with that day's `seen_visitors` — the
dedupe rows are only needed while their day lasts, so no retention setting keeps them longer: with
the salt gone they could not be matched again anyway, and deleting them leaves nothing to link.

Requests only count in memory (`VisitBuffer`); the write-behind thread writes one row per bucket:
views per message (or portal page) and minute, first visits per message (or site-wide) and local day.
Bots (a maintained user-agent list, link-preview fetchers included) are counted apart, never as visitors.
Summed over several days, daily unique visitors are "visitor-days", not people.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any

from crawlerdetect import CrawlerDetect
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from campaigns.models import ReachEvent, ReachSource
from campaigns.visitor_models import PortalCount, SeenVisitor, VisitorSalt
from content.models import Message

VIEW = "portal_view"
BOT_VIEW = "portal_bot_view"
VISITOR = "portal_visitor"  # first visit of a visitor on a local day; a sum over days is visitor-days
SITE = "site"
INDEX_PAGE = "index"
# Link-preview fetchers that render a shared link's card: bots, whatever the list says of them.
PREVIEW_FETCHERS = re.compile(r"facebookexternalhit|facebookcatalog|TelegramBot|Zalo-?Bot|ZaloLinkPreview",
                              re.IGNORECASE)
_detector = CrawlerDetect()
_detecting = threading.Lock()  # CrawlerDetect keeps the last match on itself


@lru_cache(maxsize=4096)  # a busy page sees the same few hundred browsers; the detector's regexes run under a lock
def is_bot(agent: str) -> bool:
    """A crawler, a link-preview fetcher, or no user agent at all (a script, not a reader)."""
    if not agent.strip() or PREVIEW_FETCHERS.search(agent):
        return True
    with _detecting:
        return bool(_detector.isCrawler(agent))


def local_day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def day_start(day: date, zone: tzinfo) -> datetime:
    """The UTC instant a local day begins: visitor counts are stamped with it, so a rollup by local day finds them."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(timezone.utc)


def visitor_id(salt: str, address: str, agent: str) -> str:
    return hashlib.sha256("\x00".join((salt, address, agent)).encode()).hexdigest()[:32]


def _insert(session: Session, model: type[Any]) -> Any:
    """An INSERT that can say ON CONFLICT DO NOTHING, in the session's dialect."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def make_salts(session: Session, today: date) -> None:
    """Today's and tomorrow's salts, if no process has made them yet: a conflict-free insert, so two
    processes doing it at once keep one salt. Tomorrow's is made ahead so a day's first request finds it."""
    rows = [{"day": day, "salt": secrets.token_hex(32)} for day in (today, today + timedelta(days=1))]
    session.execute(_insert(session, VisitorSalt).values(rows).on_conflict_do_nothing(index_elements=["day"]))


def rotate_salts(session: Session, today: date) -> None:
    """Make the salts and forget every earlier day: its salt and its seen visitors."""
    make_salts(session, today)
    session.execute(delete(VisitorSalt).where(VisitorSalt.day < today))
    session.execute(delete(SeenVisitor).where(SeenVisitor.day < today))
    session.flush()


def read_salt(session: Session, day: date) -> str | None:
    return session.scalar(select(VisitorSalt.salt).where(VisitorSalt.day == day))


@dataclass(frozen=True)
class ViewBucket:
    """Views of one page within one minute (UTC start); `message_id` None is the portal's index."""

    message_id: int | None
    minute: datetime
    metric: str


@dataclass
class VisitBatch:
    views: dict[ViewBucket, int] = field(default_factory=dict)
    visitors: set[tuple[date, str, int | None]] = field(default_factory=set)
    rotate: bool = False  # a new local day: forget the past days even if nobody visited yet

    def __bool__(self) -> bool:
        return bool(self.views or self.visitors or self.rotate)


class VisitBuffer:
    """Counted views and today's candidate visitors not yet written; shared by a web process's threads."""

    def __init__(self, zone: tzinfo) -> None:
        self._zone = zone
        self._lock = threading.Lock()
        self._views: Counter[ViewBucket] = Counter()
        self._visitors: set[tuple[date, str, int | None]] = set()
        self._rotated: date | None = None

    def add(self, message_id: int | None, *, visitor: str | None, at: datetime) -> None:
        """One view; `visitor` None is a bot (counted as a bot view, never as a visitor)."""
        bucket = ViewBucket(message_id, at.replace(second=0, microsecond=0), BOT_VIEW if visitor is None else VIEW)
        with self._lock:
            self._views[bucket] += 1
            if visitor is not None:
                day = local_day(at, self._zone)
                self._visitors.add((day, visitor, message_id))
                self._visitors.add((day, visitor, None))

    def pending(self) -> int:
        """Views counted and not yet written (the metrics' buffered gauge)."""
        with self._lock:
            return sum(self._views.values())

    def drain(self, now: datetime, *, final: bool) -> VisitBatch:
        today = local_day(now, self._zone)
        with self._lock:
            batch = VisitBatch(dict(self._views), self._visitors, rotate=self._rotated != today)
            self._views, self._visitors, self._rotated = Counter(), set(), today
        return batch

    def restore(self, batch: VisitBatch) -> None:
        with self._lock:
            if batch.rotate:
                self._rotated = None
            self._views.update(batch.views)
            self._visitors |= batch.visitors

    def write(self, session: Session, batch: VisitBatch, *, now: datetime) -> None:
        record_visits(session, batch, zone=self._zone, now=now)


def _scope(message_id: int | None) -> str:
    return SITE if message_id is None else f"message:{message_id}"


def _first_visits(session: Session, candidates: Iterable[tuple[date, str, int | None]]) -> Counter[tuple[date, int | None]]:
    """Insert the candidates not yet seen today (insert-or-ignore), and count those that were new, per day and page."""
    rows = [{"day": day, "visitor": visitor, "scope": _scope(message_id)} for day, visitor, message_id in candidates]
    new: Counter[tuple[date, int | None]] = Counter()
    for start in range(0, len(rows), 500):
        statement = (_insert(session, SeenVisitor).values(rows[start:start + 500])
                     .on_conflict_do_nothing(index_elements=["day", "visitor", "scope"])
                     .returning(SeenVisitor.day, SeenVisitor.scope))
        for day, scope in session.execute(statement):
            new[(day, None if scope == SITE else int(scope.removeprefix("message:")))] += 1
    return new


def record_visits(session: Session, batch: VisitBatch, *, zone: tzinfo, now: datetime) -> None:
    """One measured row per bucket, its value the count: views per page and minute, new visitors per
    page and local day. Counts for a message deleted since are dropped, as clicks are."""
    today = local_day(now, zone)
    rotate_salts(session, today)
    # A visit of a day already forgotten (a batch straddling midnight) has no dedupe rows left to check
    # against: counting it could count a visitor twice, so it is dropped — a few seconds' first visits.
    new = _first_visits(session, [c for c in batch.visitors if c[0] >= today])
    wanted = {b.message_id for b in batch.views} | {m for _, m in new}
    messages = set(session.scalars(select(Message.id).where(Message.id.in_(wanted - {None}))))
    counts: list[tuple[int | None, str, datetime, int]] = [
        (b.message_id, b.metric, b.minute, n) for b, n in batch.views.items()]
    counts += [(message_id, VISITOR, day_start(day, zone), n) for (day, message_id), n in new.items()]
    for message_id, metric, moment, n in sorted(counts, key=lambda c: (c[2], c[0] or 0, c[1])):
        if message_id is None:
            session.add(PortalCount(page=INDEX_PAGE if metric != VISITOR else SITE, metric=metric,
                                    source=ReachSource.MEASURED, value=float(n), occurred_at=moment, recorded_at=now))
        elif message_id in messages:
            session.add(ReachEvent(message_id=message_id, metric=metric, source=ReachSource.MEASURED,
                                   value=float(n), occurred_at=moment, recorded_at=now))
    session.flush()

