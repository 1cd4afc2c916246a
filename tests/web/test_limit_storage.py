"""The rate limits' in-memory store never fails a request when threads count at the same moment (web.limit_storage)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator

import pytest

from web import create_app
from web.limit_storage import ThreadSafeMemoryStorage
from web.limits import limiter

ROUNDS = 200
THREADS = 8


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Threads switch after every few bytecodes, so a race the scheduler rarely hits is hit within a few rounds."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def count_together(storage: ThreadSafeMemoryStorage) -> list[BaseException]:
    """Every thread counts a hit at the same instant, each time just after the store's expiry timer has ended
    (when it must be started afresh: the moment limits' own store raced)."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def hit() -> None:
        for _ in range(ROUNDS):
            barrier.wait()
            try:
                storage.incr("loa/phan-anh/127.0.0.1", 60)
            except RuntimeError as error:
                errors.append(error)
            if barrier.wait() == 0:
                while storage.timer.is_alive():
                    time.sleep(0.001)
            barrier.wait()

    threads = [threading.Thread(target=hit) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_hits_counted_by_many_threads_at_once_raise_nothing_and_are_all_counted(busy_switching):
    storage = ThreadSafeMemoryStorage("loa-memory://")
    assert count_together(storage) == []
    assert storage.get("loa/phan-anh/127.0.0.1") == ROUNDS * THREADS


@pytest.mark.parametrize("configured", [None, "memory://"])
def test_an_app_limits_in_memory_with_the_thread_safe_store(configured, tmp_path):
    config = {"DATABASE_URL": f"sqlite:///{tmp_path / 'loa.db'}", "SECRET_KEY": "khoa-thu"}
    app = create_app(config if configured is None else {**config, "RATELIMIT_STORAGE_URI": configured})
    with app.app_context():
        assert type(limiter.storage) is ThreadSafeMemoryStorage
    assert app.config["RATELIMIT_STORAGE_URI"] == "loa-memory://"
