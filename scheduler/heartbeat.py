"""A worker's heartbeat: while it sends, its claims' leases are renewed, so a lease can be short.

A claim lapses `lease` after the last beat; beats come every third of it, so two may be missed (a long
garbage collection, a slow database) before another worker may take the claim over. A worker that dies stops
beating, and its claims are free again within one lease (LOA_LEASE_SECONDS).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from campaigns.models import Delivery, DeliveryStatus
from content.db import begin_write

log = logging.getLogger("loa.scheduler")


class Heartbeat:
    def __init__(self, session_factory: sessionmaker[Session], *, worker: str, lease: timedelta,
                 clock: Callable[[], datetime]) -> None:
        self._sessions, self._worker, self._lease, self._clock = session_factory, worker, lease, clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"loa-heartbeat-{worker}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def beat(self) -> int:
        """Renew every claim this worker holds; how many there were.

        Rows a sending thread is recording at this moment are skipped, not waited for: locking them in another
        order than that thread deadlocked on PostgreSQL, and they are about to stop being claims anyway.
        """
        with self._sessions() as session:
            begin_write(session)
            held = (select(Delivery.id).where(Delivery.status == DeliveryStatus.CLAIMED,
                                              Delivery.claimed_by == self._worker))
            if session.get_bind().dialect.name == "postgresql":
                held = held.with_for_update(skip_locked=True)
            renewed = session.execute(update(Delivery).where(Delivery.id.in_(held.scalar_subquery()))
                                      .values(lease_until=self._clock() + self._lease)).rowcount  # type: ignore[attr-defined]
            session.commit()
        return int(renewed)

    def _run(self) -> None:
        while not self._stop.wait(self._lease.total_seconds() / 3):
            try:
                self.beat()
            except Exception:  # the database is away for a moment: the next beat tries again
                log.exception("heartbeat: could not renew the leases of %s", self._worker)
