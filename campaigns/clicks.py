"""Clicks on tracked links, counted in memory and written as one reach event per link and minute.

One row per click would make every click a database write; summed per minute, a burst of clicks is
one row, and the day a click belongs to (the reach rollups are per local day) is still exact.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.links import CLICK, LinkTarget
from campaigns.models import Channel, ReachEvent, ReachSource
from content.models import Message


@dataclass(frozen=True)
class ClickBucket:
    """Clicks on one link within one minute (`minute` is its start, UTC)."""

    message_id: int
    channel_id: int
    area_id: int | None
    minute: datetime
    metric: str = CLICK


class ClickBuffer:
    """Counted clicks not yet written; safe to share between the threads of a web process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[ClickBucket] = Counter()

    def add(self, target: LinkTarget, at: datetime, *, metric: str = CLICK) -> None:
        bucket = ClickBucket(target.message_id, target.channel_id, target.area_id,
                             at.replace(second=0, microsecond=0), metric)
        with self._lock:
            self._counts[bucket] += 1

    def pending(self) -> int:
        """Clicks counted and not yet written (the metrics' buffered gauge)."""
        with self._lock:
            return sum(self._counts.values())

    def drain(self, now: datetime, *, final: bool) -> dict[ClickBucket, int]:
        with self._lock:
            counts, self._counts = dict(self._counts), Counter()
        return counts

    def restore(self, batch: Mapping[ClickBucket, int]) -> None:
        with self._lock:
            self._counts.update(batch)

    def write(self, session: Session, batch: Mapping[ClickBucket, int], *, now: datetime) -> None:
        record_clicks(session, batch, now=now)


def record_clicks(session: Session, counts: Mapping[ClickBucket, int], *, now: datetime) -> list[ReachEvent]:
    """One measured reach event per bucket, its value the number of clicks.

    Clicks on a message or channel deleted since are dropped: there is nothing left to count them
    towards, and keeping them would make every later batch fail on the missing row.
    """
    messages = set(session.scalars(select(Message.id).where(Message.id.in_({b.message_id for b in counts}))))
    channels = set(session.scalars(select(Channel.id).where(Channel.id.in_({b.channel_id for b in counts}))))
    events = [ReachEvent(message_id=bucket.message_id, channel_id=bucket.channel_id, area_id=bucket.area_id,
                         metric=bucket.metric, source=ReachSource.MEASURED, value=float(clicks), occurred_at=bucket.minute,
                         recorded_at=now)
              for bucket, clicks in sorted(counts.items(), key=lambda item: (item[0].minute, item[0].message_id, item[0].metric))
              if clicks and bucket.message_id in messages and bucket.channel_id in channels]
    session.add_all(events)
    session.flush()
    return events
