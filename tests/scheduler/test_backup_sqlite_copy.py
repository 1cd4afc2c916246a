"""SQLite's online backup copies one consistent moment while another connection keeps writing."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

from scheduler.backup.sqlite_copy import check_sqlite, copy_sqlite, load_sqlite


def test_copies_taken_while_another_thread_writes_never_hold_half_a_transaction(tmp_path):
    live = tmp_path / "loa.db"
    with closing(sqlite3.connect(live)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE airings (id INTEGER PRIMARY KEY, pair INTEGER NOT NULL, note TEXT)")
    stop, written = threading.Event(), []

    def write() -> None:
        # Each transaction adds two rows: a copy that saw half of one would hold an odd number.
        with closing(sqlite3.connect(live, timeout=30)) as writer:
            pair = 0
            while not stop.is_set():
                with writer:
                    writer.execute("INSERT INTO airings (pair, note) VALUES (?, 'Đài xã Suối Mát, 6 giờ')", (pair,))
                    writer.execute("INSERT INTO airings (pair, note) VALUES (?, 'Đài xã Suối Mát, 17 giờ')", (pair,))
                pair += 1
                written.append(pair)

    thread = threading.Thread(target=write)
    thread.start()
    counts = []
    try:
        for number in range(8):
            while len(written) < (number + 1) * 50 and thread.is_alive():  # the writer gets ahead between copies
                stop.wait(0.001)
            copy = tmp_path / f"copy-{number}.db"
            copy_sqlite(live, copy)
            check_sqlite(copy)
            with closing(sqlite3.connect(copy)) as reading:
                rows = reading.execute("SELECT count(*), count(DISTINCT pair) FROM airings").fetchone()
            assert rows[0] == 2 * rows[1]
            counts.append(rows[0])
    finally:
        stop.set()
        thread.join()
    assert counts == sorted(counts) and counts[0] >= 100 and counts[-1] > counts[0]
    assert not (tmp_path / "copy-0.db-wal").exists()  # each copy is one file that opens alone


def test_loading_a_copy_replaces_the_live_database_whole(tmp_path):
    live, copy = tmp_path / "loa.db", tmp_path / "copy.db"
    for path, note in ((live, "bản đang chạy"), (copy, "bản sao lưu")):
        with closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            connection.executemany("INSERT INTO notes (body) VALUES (?)", [(note,)] * (3 if path == copy else 1))
    load_sqlite(copy, live)
    with closing(sqlite3.connect(live)) as connection:
        assert connection.execute("SELECT body FROM notes").fetchall() == [("bản sao lưu",)] * 3
