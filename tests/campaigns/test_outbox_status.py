"""The outbox read for operators: right counts, the right late and stuck rows, and no rows loaded."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event

from campaigns.models import Delivery, DeliveryStatus
from campaigns.outbox_status import STATIONS, WorkerClaims, read_outbox_status
from tests.outbox_world import add_delivery, mixed_outbox

LEASE = timedelta(seconds=60)


def test_an_empty_outbox_reads_as_all_zeros(session, now):
    status = read_outbox_status(session, now=now, lease=LEASE)
    assert set(status.by_status) == set(DeliveryStatus) and not any(status.by_status.values())
    assert status.by_destination == [] and status.waiting == 0 and status.oldest_waiting is None
    assert status.late_by is None and status.stuck == [] and status.holding == [] and status.paused == []
    assert status.uncertain == 0 and status.needing_attention == [] and status.switched_off == []


def test_a_mixed_outbox_is_counted_by_status_and_by_destination(session, now):
    world = mixed_outbox(session, now)
    status = read_outbox_status(session, now=now, lease=LEASE)
    assert status.by_status == {DeliveryStatus.PLANNED: 5, DeliveryStatus.CLAIMED: 3, DeliveryStatus.SENT: 2,
                                DeliveryStatus.FAILED: 1, DeliveryStatus.HELD: 0, DeliveryStatus.CANCELLED: 0,
                                DeliveryStatus.UNCERTAIN: 1}
    # Stations together first, then channels by name.
    assert [(row.kind, row.name) for row in status.by_destination] == [
        (STATIONS, None), ("portal", "Cổng thông tin xã Tân Phong"), ("telegram", "Kênh Telegram xã Tân Phong"),
        ("webhook", "Webhook Công an tỉnh"), ("zalo", "Zalo OA huyện")]
    stations, portal = status.by_destination[0].counts, status.by_destination[1].counts
    assert stations[DeliveryStatus.CLAIMED] == 1 and stations[DeliveryStatus.SENT] == 1
    assert (portal[DeliveryStatus.PLANNED], portal[DeliveryStatus.CLAIMED], portal[DeliveryStatus.SENT]) == (3, 2, 1)
    assert status.by_destination[1].channel_id == world.portal.id
    assert status.uncertain == 1


def test_the_oldest_waiting_delivery_and_how_late_it_is(session, now):
    mixed_outbox(session, now)
    status = read_outbox_status(session, now=now, lease=LEASE)
    # Due and planned: the one a tick takes now and the one in backoff; not the one due in an hour.
    assert (status.waiting, status.ready) == (2, 1)
    assert status.oldest_waiting == status.oldest_ready == now - timedelta(minutes=20)
    assert status.late_by == timedelta(minutes=20)


def test_expired_leases_are_stuck_and_live_ones_held_each_by_worker(session, now):
    mixed_outbox(session, now)
    status = read_outbox_status(session, now=now, lease=LEASE)
    assert status.stuck == [WorkerClaims("may-1:111", 2, now - timedelta(seconds=90))]
    assert status.holding == [WorkerClaims("may-2:222", 1, now + timedelta(seconds=40))]
    later = read_outbox_status(session, now=now + timedelta(seconds=41), lease=LEASE)
    assert [(held.worker, held.claims) for held in later.stuck] == [("may-1:111", 2), ("may-2:222", 1)]
    assert later.holding == []


def test_a_lease_ending_exactly_now_is_still_held(session, now):
    world = mixed_outbox(session, now)
    add_delivery(session, world.message, channel=world.portal, due_at=now, status=DeliveryStatus.CLAIMED,
                 claimed_by="may-3:333", lease_until=now)
    session.commit()
    status = read_outbox_status(session, now=now, lease=LEASE)
    assert "may-3:333" in [held.worker for held in status.holding]  # the dispatcher takes over only past it
    assert "may-3:333" not in [held.worker for held in status.stuck]


def test_paused_flagged_and_switched_off_channels_with_what_waits_on_them(session, now):
    world = mixed_outbox(session, now)
    status = read_outbox_status(session, now=now, lease=LEASE)
    [paused] = status.paused  # the Facebook page's pause ended a minute ago
    assert (paused.channel_id, paused.paused_until, paused.reason, paused.waiting) == (
        world.webhook.id, now + timedelta(minutes=5), "Máy nhận trả 429 nhiều lần liền", 1)
    [flagged] = status.needing_attention
    assert (flagged.name, flagged.reason, flagged.waiting) == (
        "Kênh Telegram xã Tân Phong", "Telegram từ chối mã truy cập (401)", 0)
    [off] = status.switched_off
    assert (off.name, off.waiting) == ("Zalo OA huyện", 1)
    assert [c.name for c in read_outbox_status(session, now=now + timedelta(minutes=6), lease=LEASE).paused] == []


def test_the_read_loads_no_delivery_and_asks_as_often_for_a_big_outbox(session, now, engine):
    world = mixed_outbox(session, now)
    statements: list[str] = []

    def count(_connection, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        read_outbox_status(session, now=now, lease=LEASE)
        small = len(statements)
        for minutes in range(200):
            add_delivery(session, world.message, channel=world.portal, due_at=now - timedelta(minutes=minutes))
        session.commit()
        session.expunge_all()
        statements.clear()
        status = read_outbox_status(session, now=now, lease=LEASE)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert (status.waiting, status.ready) == (202, 201) and len(statements) == small
    assert not [obj for obj in session.identity_map.values() if isinstance(obj, Delivery)]
