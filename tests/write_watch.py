"""Test helpers for "this request wrote nothing": a statement watcher, and a clock for the rate limiter's memory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN IMMEDIATE")


@contextmanager
def watch_writes(engine: Engine) -> Iterator[list[str]]:
    """Every statement on `engine` that writes or takes SQLite's write lock, while the block runs."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


class LimiterClock:
    """The in-memory rate limiter's notion of time, moved by hand (the `limits` package reads time.time())."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, start: float = 1_800_000_000.0):
        import limits.storage.memory

        self.current = start
        monkeypatch.setattr(limits.storage.memory, "time", SimpleNamespace(time=lambda: self.current))

    def advance(self, seconds: float) -> None:
        self.current += seconds
