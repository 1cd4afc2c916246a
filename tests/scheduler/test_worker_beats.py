"""A worker says it is alive at every tick, claims or not, so `loa check` can tell a stopped one."""

from __future__ import annotations

from datetime import timedelta

from campaigns.worker_models import worker_beats
from scheduler.jobs import make_scheduler


def test_every_tick_records_the_worker_even_with_nothing_to_send(session_factory, session, clock, now):
    scheduler = make_scheduler(session_factory, clock=clock, worker="may-chu-3:303")
    tick = scheduler.get_job("dispatch").func
    tick()  # one tick, here, rather than a started scheduler's thread
    assert [(b.name, b.last_seen_at) for b in worker_beats(session)] == [("may-chu-3:303", now)]
    clock.set(now + timedelta(seconds=15))
    tick()
    session.rollback()  # a new transaction sees the second beat
    assert [(b.name, b.last_seen_at) for b in worker_beats(session)] == [("may-chu-3:303", now + timedelta(seconds=15))]
