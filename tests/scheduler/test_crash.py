"""A worker killed with SIGKILL in the middle of 2,000 webhook deliveries, then a new worker started.

"No idempotency key arrives twice as a success" is checked on both sides. The receiver (its own
process) accepts a key once and answers any later copy as a duplicate, with the id it gave the
first time. So: the receiver accepted exactly the 2,000 keys, each once; every delivery row is SENT
with the id the receiver assigned when it first accepted that key; and a copy went out only for a
delivery the dead worker had already started to send (one at most: a channel's deliveries are sent
one after another).
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from bench.fakes.webhook import spawn_receiver
from campaigns.credentials import generate_key, set_channel_secret
from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from scheduler.sending import DispatchSettings
from tests.factories import make_channel
from tests.scenarios import approved_message
from tests.scheduler.worker_process import start_worker

COUNT = 2_000
KILL_AFTER = 300  # keys the receiver has accepted before the kill
IN_HAND = 20  # deliveries the first worker holds claimed, unsent, when it is killed: its leases must be taken over
# Seconds in which not one more delivery went out: the worker is stuck, not just slow (a busy
# machine sends 20 a second, an idle one 80; there is no lease left to wait for).
STALL = 30.0
# The receiver runs on this machine, which webhooks may only reach when the operator says so.
LOCAL_RECEIVER = "127.0.0.1"


def plan_webhook_deliveries(session: Session, now: datetime, *, url: str, key: str, secret: str) -> list[str]:
    """COUNT deliveries due now to one signed webhook, inserted in bulk; returns their idempotency keys."""
    message, _editor, approver, _data = approved_message(session, now)
    channel = make_channel(session, ChannelKind.WEBHOOK, settings={"url": url})
    set_channel_secret(channel, key, secret)
    keys = [f"loa-{uuid.uuid4().hex}" for _ in range(COUNT)]
    session.execute(insert(Delivery), [
        {"message_id": message.id, "channel_id": channel.id, "due_at": now, "status": DeliveryStatus.PLANNED,
         "idempotency_key": key_, "created_at": now, "created_by_id": approver.id} for key_ in keys
    ])
    session.commit()
    return keys


def count(factory: sessionmaker[Session], *conditions) -> int:  # type: ignore[no-untyped-def]
    with factory() as session:
        return session.scalar(select(func.count()).select_from(Delivery).where(*conditions)) or 0


def assigned_ids(record: Path) -> dict[str, str]:
    """Key -> the id the receiver answered on first accepting it (its record has one JSON line per request)."""
    entries = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    return {entry["key"]: entry["id"] for entry in entries if not entry["duplicate"]}


def wait_for(condition: Callable[[], bool], worker: subprocess.Popen[str], log: Path, what: str,
             progress: Callable[[], int], describe: Callable[[], str]) -> None:
    """Wait until `condition()`; fail if the worker dies, or if `progress()` stands still for STALL seconds."""
    last, moved = progress(), time.monotonic()
    while not condition():
        if worker.poll() is not None:
            raise AssertionError(f"the worker exited ({worker.returncode}) before {what}:\n{log.read_text()[-3000:]}")
        if (current := progress()) != last:
            last, moved = current, time.monotonic()
        elif time.monotonic() - moved > STALL:
            raise AssertionError(f"nothing went out for {STALL:.0f} s, and still not {what}: {describe()}")
        time.sleep(0.1)


def stop(worker: subprocess.Popen[str]) -> None:
    if worker.poll() is None:
        worker.kill()
    worker.wait()


def test_a_worker_killed_mid_run_loses_nothing_and_sends_nothing_twice(session, session_factory, database_url,
                                                                       now, tmp_path):
    key, secret = generate_key(), "khóa-ký-webhook-thử-nghiệm"
    log = tmp_path / "workers.log"
    with spawn_receiver(secret, tmp_path / "received.jsonl") as receiver:
        keys = plan_webhook_deliveries(session, now, url=receiver.url, key=key, secret=secret)

        def sent() -> int:
            return count(session_factory, Delivery.status == DeliveryStatus.SENT)

        def state() -> str:
            with session_factory() as check:
                flag = check.scalar(select(Channel.needs_attention))
                error = check.scalar(select(Delivery.last_error).where(Delivery.last_error.is_not(None)).limit(1))
            return (f"receiver accepted {len(receiver.read().accepted)} of {COUNT}; in the database {sent()} sent, "
                    f"{count(session_factory, Delivery.status == DeliveryStatus.CLAIMED)} claimed; "
                    f"channel flagged: {flag}; a delivery error: {error}")

        first = start_worker("tick", "--name", "crash-1", "--clock-start", now.isoformat(),
                             database_url=database_url, log=log, credentials_key=key,
                             webhook_allowed_hosts=LOCAL_RECEIVER)
        try:
            wait_for(lambda: len(receiver.read().accepted) >= KILL_AFTER and count(
                session_factory, Delivery.status == DeliveryStatus.CLAIMED, Delivery.claimed_by == "crash-1"
            ) >= IN_HAND, first, log, f"{KILL_AFTER} accepted with {IN_HAND} more in hand", sent, state)
            first.send_signal(signal.SIGKILL)
        finally:
            stop(first)
        assert first.returncode == -signal.SIGKILL

        accepted_at_kill = len(receiver.read().accepted)
        with session_factory() as check:
            orphaned = check.execute(select(Delivery.id, Delivery.lease_until).where(
                Delivery.status == DeliveryStatus.CLAIMED, Delivery.claimed_by == "crash-1")).all()
        assert KILL_AFTER <= accepted_at_kill < COUNT
        assert orphaned, "the worker died holding no claims, so no lease had to be taken over"
        # The new worker comes up just after the dead one's leases ran out, as it would five minutes later.
        restart = max(lease_until for _, lease_until in orphaned) + timedelta(seconds=1)
        second = start_worker("tick", "--name", "crash-2", "--clock-start", restart.isoformat(),
                              database_url=database_url, log=log, credentials_key=key,
                              webhook_allowed_hosts=LOCAL_RECEIVER)
        try:
            wait_for(lambda: sent() == COUNT, second, log, f"all {COUNT} sent", sent, state)
        finally:
            stop(second)
        record = receiver.read()
    answered = assigned_ids(receiver.record)

    assert len(record.accepted) == len(set(record.accepted)) == COUNT
    assert set(record.accepted) == set(keys)
    rows = session.execute(select(Delivery.id, Delivery.idempotency_key, Delivery.status, Delivery.external_id,
                                  Delivery.attempts, Delivery.claimed_by)).all()
    assert {row.status for row in rows} == {DeliveryStatus.SENT}
    assert {row.idempotency_key: row.external_id for row in rows} == answered
    # The dead worker's claims were taken over once their leases ran out...
    taken_over = {id_ for id_, _ in orphaned}
    assert {row.claimed_by for row in rows if row.id in taken_over} == {"crash-2"}
    # ...each claim counted an attempt, so exactly those were counted twice...
    assert {row.id for row in rows if row.attempts > 1} == taken_over
    # ...and what reached the receiver twice had been sent but not yet recorded when it died: a webhook's group
    # is recorded together (the receiver drops a repeated key), so at most one group per sending thread.
    unrecorded = {row.idempotency_key for row in rows if row.id in taken_over}
    settings = DispatchSettings()
    assert set(record.duplicates) <= unrecorded and len(set(record.duplicates)) <= settings.parallel * settings.batch
