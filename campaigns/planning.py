"""Planning deliveries: one outbox row per destination and time, for an approved message."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Channel, Delivery, DeliveryStatus, Station
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import InvalidInput
from content.messages import transition_message
from content.models import Area, Message, MessageStatus, User


def stations_in_area(session: Session, area: Area) -> list[Station]:
    """Every active station in the area's subtree: a province plan reaches each commune's speaker."""
    subtree = select_subtree(area).with_only_columns(Area.id)
    return list(session.scalars(
        select(Station).where(Station.area_id.in_(subtree), Station.is_active).order_by(Station.id)
    ))


def plan_deliveries(
    session: Session,
    message: Message,
    *,
    actor: User,
    due_at: datetime,
    now: datetime,
    channels: Sequence[Channel] = (),
    stations: Sequence[Station] = (),
    remote_addr: str | None = None,
) -> list[Delivery]:
    """Queue the message for each destination at `due_at` and mark it scheduled."""
    if not channels and not stations:
        raise InvalidInput({"destinations": "Hãy chọn ít nhất một kênh hoặc một đài."})
    if due_at < now:
        raise InvalidInput({"due_at": "Thời điểm phát phải ở tương lai."})
    # A published message may be planned again (another station, a repeat) without leaving "published".
    if message.status is not MessageStatus.PUBLISHED:
        transition_message(session, message, "schedule", actor=actor, now=now, remote_addr=remote_addr)
    planned = [
        Delivery(message=message, due_at=due_at, status=DeliveryStatus.PLANNED,
                 idempotency_key=f"loa-{uuid.uuid4().hex}", created_at=now, created_by_id=actor.id,
                 channel=channel, station=station)
        for channel, station in [(c, None) for c in channels] + [(None, s) for s in stations]
    ]
    session.add_all(planned)
    session.flush()
    record_audit(session, actor=actor, action="delivery.plan", object_type="message", object_id=message.id,
                 now=now, remote_addr=remote_addr,
                 detail={"deliveries": [d.id for d in planned], "due_at": due_at.isoformat()})
    return planned
