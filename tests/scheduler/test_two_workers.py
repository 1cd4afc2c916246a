"""Two worker processes claiming from one outbox at the same time never get the same delivery.

PostgreSQL claims with `FOR UPDATE SKIP LOCKED`, so the workers really do claim side by side; on
SQLite the claim is single-writer (BEGIN IMMEDIATE) and they take turns. Either way every due
delivery is claimed exactly once, and the database agrees with each worker about which are its own.
"""

from __future__ import annotations

import json
import subprocess
import uuid
from datetime import timedelta

from sqlalchemy import insert, select

from campaigns.models import ChannelKind, Delivery, DeliveryStatus
from tests.factories import make_channel
from tests.scenarios import approved_message
from tests.scheduler.worker_process import start_worker

COUNT = {"postgresql": 10_000, "sqlite": 2_000}
TIMEOUT = 60.0


def test_two_workers_claiming_at_once_never_claim_the_same_delivery(session, session_factory, database_url, now,
                                                                   tmp_path):
    count = COUNT[session.get_bind().dialect.name]
    message, _editor, approver, _data = approved_message(session, now)
    channel = make_channel(session, ChannelKind.WEBHOOK, settings={"url": "https://nhan.example.vn/loa"})
    session.execute(insert(Delivery), [
        {"message_id": message.id, "channel_id": channel.id, "due_at": now, "status": DeliveryStatus.PLANNED,
         "idempotency_key": f"loa-{uuid.uuid4().hex}", "created_at": now, "created_by_id": approver.id}
        for _ in range(count)
    ])
    session.commit()
    due = set(session.scalars(select(Delivery.id)))
    session.commit()  # end this read: on SQLite it would keep seeing the rows as they were before the claims

    log = tmp_path / "workers.log"
    names = ("w1", "w2")
    workers = [start_worker("claim", "--name", name, "--now", (now + timedelta(minutes=1)).isoformat(),
                            "--out", str(tmp_path / f"{name}.json"), database_url=database_url, log=log,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE) for name in names]
    try:
        for worker in workers:
            assert worker.stdout is not None and worker.stdout.readline() == "ready\n", log.read_text()
        for worker in workers:  # both start claiming on the same signal
            assert worker.stdin is not None
            worker.stdin.close()
        for worker in workers:
            assert worker.wait(timeout=TIMEOUT) == 0, log.read_text()[-3000:]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
            assert worker.stdout is not None
            worker.stdout.close()
    claimed = {name: json.loads((tmp_path / f"{name}.json").read_text()) for name in names}

    first, second = claimed["w1"], claimed["w2"]
    assert len(first) == len(set(first)) and len(second) == len(set(second)), "a worker was given a delivery twice"
    assert set(first).isdisjoint(second)
    assert set(first) | set(second) == due
    if session.get_bind().dialect.name == "postgresql":
        # With SKIP LOCKED neither waits for the other. (SQLite's lock is not fair: one process can
        # win every BEGIN IMMEDIATE of a short run while the other's busy handler sleeps.)
        assert first and second, f"one worker claimed all {count}: the claims never overlapped in time"
    owners = {row.id: row.claimed_by for row in session.execute(select(Delivery.id, Delivery.claimed_by))}
    assert all(owners[delivery_id] == name for name in names for delivery_id in claimed[name])
