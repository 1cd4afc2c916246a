"""Writes that anonymous requests cause, kept in memory and written in batches by one background thread.

A click on a tracked link or a refused radio token must not take the database's write lock per
request: anyone on the internet could then queue writers behind each other (on SQLite, one writer at
a time) and stall the desk and the scheduler. Such requests only count in memory here; a thread of
the web process writes what was counted every `WRITE_BEHIND_SECONDS` (default 5), and once more when
the process stops normally (atexit; `loa run` also on SIGTERM).

Under gunicorn each worker process has its own writer: it is made on the first counted request, so after the
fork, and a writer that finds itself in another process than the one that started its thread (a server that
forked after a request was counted, e.g. gunicorn --preload after a warm-up) starts a thread of its own. A
worker told to stop (SIGTERM from the master, or SIGQUIT) leaves through sys.exit, so the atexit hook writes
what it had counted; tests/web/test_several_servers.py checks that. The counts are in the database, not in the
process, so it does not matter which worker counted what.

What a crash (or SIGKILL) loses: what was counted since the last batch — a few seconds of clicks, and
the counts of the radio refusals still being aggregated (see `web.radio.refusals`).

Under `TESTING` no thread is started: a test writes the batch itself with `flush_pending()`, so it
sees exactly what it caused and no thread outlives its app.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, TypeVar

from flask import Flask, current_app
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_SECONDS = 5.0
log = logging.getLogger(__name__)
_creating = threading.Lock()


class Pending(Protocol):
    """Something counted in memory that knows how to write itself and to take back a batch that failed."""

    def drain(self, now: datetime, *, final: bool) -> Any:
        """The batch to write now (falsy when there is nothing); `final` means the process is stopping."""

    def write(self, session: Session, batch: Any, *, now: datetime) -> None:
        """Add the batch to the session and flush; the caller commits."""

    def restore(self, batch: Any) -> None:
        """Keep a batch whose write failed, so the next one tries again."""


P = TypeVar("P", bound=Pending)


class WriteBehind:
    """The pending writes of one app, and the thread that writes them."""

    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime], *, seconds: float,
                 background: bool):
        self._sessions = sessions
        self._clock = clock
        self._seconds = seconds
        self._background = background and seconds > 0
        self._sources: dict[str, Pending] = {}
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()

    def source(self, name: str, make: Callable[[], P]) -> P:
        """The pending source called `name`, made on first use; starts the writer thread if it is not running."""
        with self._lock:
            if name not in self._sources:
                self._sources[name] = make()
            if self._pid != os.getpid():  # forked: the parent's thread did not come along
                self._pid, self._thread = os.getpid(), None
            if self._background and self._thread is None and not self._stopping.is_set():
                self._thread = threading.Thread(target=self._run, name="loa-write-behind", daemon=True)
                self._thread.start()
                atexit.register(self.stop)
            return self._sources[name]  # type: ignore[return-value]

    def flush(self, *, final: bool = False) -> None:
        """Write every source's batch, each in its own transaction; a failed batch is kept and the error raised."""
        failure: BaseException | None = None
        with self._flushing:
            moment = self._clock()
            for name, source in list(self._sources.items()):
                batch = source.drain(moment, final=final)
                if not batch:
                    continue
                try:
                    with self._sessions() as session:
                        source.write(session, batch, now=moment)
                        session.commit()
                except Exception as error:  # kept for the next try, then reported
                    source.restore(batch)
                    log.exception("write-behind: could not write the pending %s; kept for the next try", name)
                    failure = failure or error
        if failure is not None:
            raise failure

    def pending_counts(self) -> dict[str, int]:
        """Events counted in memory and not yet written, by source; sources that cannot tell are left out."""
        with self._lock:
            sources = list(self._sources.items())
        counts = {}
        for name, source in sources:
            pending = getattr(source, "pending", None)
            if callable(pending):
                counts[name] = int(pending())
        return counts

    def stop(self) -> None:
        """Stop the thread and write everything still pending, windows still open included."""
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self._seconds + 30)
        try:
            self.flush(final=True)
        except Exception:  # noqa: BLE001 — already logged; nothing more can be done while stopping
            pass

    def _run(self) -> None:
        while not self._stopping.wait(self._seconds):
            try:
                self.flush()
            except Exception:  # noqa: BLE001 — logged in flush; the batch is kept and retried
                pass


def init_write_behind(app: Flask) -> WriteBehind:
    """The app's pending writes, made on first use (so the thread starts after any fork of the server)."""
    with _creating:
        if "loa.write_behind" not in app.extensions:
            app.extensions["loa.write_behind"] = WriteBehind(
                app.extensions["loa.sessions"], app.config["CLOCK"],
                seconds=float(app.config.get("WRITE_BEHIND_SECONDS", DEFAULT_SECONDS)), background=not app.testing)
        return app.extensions["loa.write_behind"]


def write_behind() -> WriteBehind:
    """The current app's pending writes."""
    return init_write_behind(current_app._get_current_object())  # type: ignore[attr-defined]


def flush_pending(app: Flask, *, final: bool = True) -> None:
    """Write what the app has counted so far; tests call this where the thread would have."""
    init_write_behind(app).flush(final=final)
