"""Emergency notices on the loudspeakers: the next slot of every station in the areas a notice is for.

The fan-out happens when the notice is planned, as outbox rows of its own, rather than by looking
emergencies up while a script is assembled: a delivery row is what the rest of Loa works with. The
script places it by its due time and puts it first because of its priority, the operator confirms
airing it, reach counts it, audio is made for it and the calendar shows it. An item conjured up at
assembly time would have none of that, and could never be confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta, timezone, tzinfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from campaigns.models import ON_AIR_STATUSES, BroadcastSlot, Delivery, Station
from content.models import Area, Message


def next_slot_start(after: datetime, starts: Sequence[time], zone: tzinfo) -> datetime:
    """The first daily slot starting at or after `after`, today's or tomorrow's, as a UTC instant.

    A station with no slots on record reads everything in one daily list, so `after` itself is its next
    chance. Each candidate is placed in the zone on its own date, so 06:00 stays 06:00 on both sides of a
    daylight-saving change.
    """
    local = after.astimezone(zone)
    for day in (local.date(), local.date() + timedelta(days=1)):
        for start in sorted(starts):
            candidate = datetime.combine(day, start, tzinfo=zone)
            if candidate >= local:
                return candidate.astimezone(timezone.utc)
    return after


def emergency_times(session: Session, message: Message, *, after: datetime, zone: tzinfo,
                    planned: Mapping[int, Sequence[datetime]], within: Area | None) -> dict[int, datetime]:
    """Each active station in the notice's areas with the start of its next slot after `after`.

    A station is left out when it will already hear the notice by then: this plan, or an earlier one,
    has it due there between `after` and that slot, so it lands in the same slot or an earlier one.
    :param planned: station id → instants this plan is about to insert.
    :param within: the planner's own area; the fan-out never reaches past what they may plan for.
    """
    targets = list(message.target_areas) or [message.area]
    below = or_(*[Area.path.startswith(area.path, autoescape=True) for area in targets])
    stations = session.execute(
        select(Station.id, Area.path).join(Area, Station.area_id == Area.id).where(Station.is_active, below)
    ).all()
    reached = [station_id for station_id, path in stations if within is None or path.startswith(within.path)]
    if not reached:
        return {}
    starts: dict[int, list[time]] = {station_id: [] for station_id in reached}
    for station_id, starts_at in session.execute(
            select(BroadcastSlot.station_id, BroadcastSlot.starts_at).where(BroadcastSlot.station_id.in_(reached))):
        starts[station_id].append(starts_at)
    # A next slot is never more than a day and a slot away, so two days bound the rows worth looking at.
    heard: dict[int, list[datetime]] = {station_id: list(planned.get(station_id, ())) for station_id in reached}
    for heard_at, due_at in session.execute(
            select(Delivery.station_id, Delivery.due_at).where(
                Delivery.message_id == message.id, Delivery.station_id.in_(reached),
                Delivery.status.in_(ON_AIR_STATUSES), Delivery.due_at >= after,
                Delivery.due_at <= after + timedelta(days=2))):
        assert heard_at is not None  # the query keeps only the reached stations
        heard[heard_at].append(due_at)
    times: dict[int, datetime] = {}
    for station_id in reached:
        slot = next_slot_start(after, starts[station_id], zone)
        if not any(after <= due_at <= slot for due_at in heard[station_id]):
            times[station_id] = slot
    return times
