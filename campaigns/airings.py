"""Airing confirmations: a station says what it read out, or why not; what it read counts as reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import ON_AIR_STATUSES, Airing, AiringStatus, Delivery, ReachEvent, ReachSource, Station
from campaigns.village_targets import known_sum, targeted_people
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import User
from content.permissions import Action, authorize
from content.wording import Text

LISTENERS_METRIC = "loudspeaker_listeners"
# A phone or a box whose clock runs a little fast must not be refused.
CLOCK_SKEW = timedelta(minutes=5)
# An item due late in the evening may go out in the day's first slot, so up to a day before its time.
EARLIEST_BEFORE_DUE = timedelta(days=1)
MAX_TEXT = 2000


@dataclass(frozen=True)
class AiringInput:
    delivery_id: int | None
    status: str
    aired_at: datetime | None = None  # aware; None means "just now"
    operator_name: str = ""
    note: str = ""
    reason: str = ""


def _delivery(session: Session, station: Station, delivery_id: int | None) -> Delivery:
    # Locked, so two confirmations of one item arriving together update one row instead of racing to insert.
    delivery = session.get(Delivery, delivery_id, with_for_update=True) if delivery_id else None
    if delivery is None or delivery.station_id != station.id:
        raise InvalidInput({"delivery_id": Text("Tin số %(id)s không có trong lịch phát của đài này.", id=delivery_id)})
    if delivery.status not in ON_AIR_STATUSES:
        raise InvalidInput({"delivery_id": Text("Tin này đã bị hủy hoặc tạm giữ nên không có trong kịch bản để xác nhận.")})
    return delivery


def _check(data: AiringInput, delivery: Delivery, now: datetime) -> tuple[AiringStatus, datetime | None]:
    errors: dict[str, str] = {}
    try:
        status = AiringStatus(data.status)
    except ValueError:
        raise InvalidInput({"status": Text("Trạng thái phải là 'aired' (đã phát) hoặc 'not_aired' (không phát).")}) \
            from None
    aired_at: datetime | None = None
    if status is AiringStatus.AIRED:
        aired_at = data.aired_at or now
        if aired_at.tzinfo is None:
            errors["aired_at"] = Text("Giờ phát phải kèm múi giờ.")
        elif aired_at > now + CLOCK_SKEW:
            errors["aired_at"] = Text("Giờ phát không thể ở tương lai.")
        elif aired_at < delivery.due_at - EARLIEST_BEFORE_DUE:
            errors["aired_at"] = Text("Giờ phát sớm hơn lịch của tin quá một ngày: hãy kiểm tra lại ngày.")
    elif not data.reason.strip():
        errors["reason"] = Text("Hãy ghi lý do không phát (ví dụ: mất điện, hỏng loa).")
    for field, value, limit in (("note", data.note, MAX_TEXT), ("reason", data.reason, MAX_TEXT),
                                ("operator_name", data.operator_name, 200)):
        if len(value) > limit:
            errors[field] = Text("Nội dung dài quá %(n)s ký tự.", n=limit)
    if errors:
        raise InvalidInput(errors)
    return status, aired_at


def _replace_reach(session: Session, airing: Airing, station: Station, delivery: Delivery) -> None:
    """The estimate follows the latest word: a correction takes the old one back, 'not aired' leaves none.

    Taken back by a compensating event of the opposite value, not by deleting it: raw events are
    append-only, so the rollups (campaigns.reach_rollups) stay exact by adding what was recorded since.
    """
    if airing.reach_event_id is not None:
        old = session.get(ReachEvent, airing.reach_event_id)
        if old is not None:
            session.add(ReachEvent(message_id=old.message_id, channel_id=old.channel_id, station_id=old.station_id,
                                   area_id=old.area_id, metric=old.metric, source=old.source, value=-old.value,
                                   occurred_at=old.occurred_at, recorded_at=airing.recorded_at))
        airing.reach_event_id = None
    # The station's own coverage, never its area's population: a commune's loudspeakers rarely reach all of
    # it, and the reach pages (campaigns.loudspeaker_reach) show "no data" with a link to set the figure.
    # With no figure there is nothing honest to estimate; zero would read as "nobody heard".
    # A plan for some villages was heard by their people only: the known populations of those villages.
    targeted = targeted_people(session, [delivery.id]).get(delivery.id)
    listeners = station.coverage_population if targeted is None else known_sum(targeted)
    if airing.status is not AiringStatus.AIRED or listeners is None or airing.aired_at is None:
        return
    event = ReachEvent(message_id=delivery.message_id, station_id=station.id, area_id=station.area_id,
                       metric=LISTENERS_METRIC, source=ReachSource.ESTIMATED, value=float(listeners),
                       occurred_at=airing.aired_at, recorded_at=airing.recorded_at)
    session.add(event)
    session.flush()
    airing.reach_event_id = event.id


def confirm_airing(session: Session, station: Station, data: AiringInput, *, now: datetime,
                   actor: User | None = None, remote_addr: str | None = None) -> Airing:
    """Record or correct what happened to one of the station's items.

    :param actor: the signed-in operator; None when the station's own token was checked by the caller.
    """
    if actor is not None:
        authorize(actor, Action.AIRING_CONFIRM, station.area, object_type="station", object_id=station.id)
    delivery = _delivery(session, station, data.delivery_id)
    status, aired_at = _check(data, delivery, now)
    airing = session.scalar(select(Airing).where(Airing.delivery_id == delivery.id))
    corrected = airing is not None
    if airing is None:
        airing = Airing(delivery_id=delivery.id, station_id=station.id, status=status)
        session.add(airing)
    airing.status, airing.aired_at, airing.recorded_at = status, aired_at, now
    airing.operator_id = actor.id if actor else None
    airing.operator_name = data.operator_name.strip() or (actor.full_name or actor.username if actor else "")
    airing.note = data.note.strip()
    airing.reason = data.reason.strip() if status is AiringStatus.NOT_AIRED else None
    session.flush()
    _replace_reach(session, airing, station, delivery)
    record_audit(session, actor=actor, action="airing.confirm", object_type="delivery", object_id=delivery.id,
                 now=now, remote_addr=remote_addr,
                 detail={"station_id": station.id, "status": status.value, "corrected": corrected,
                         "aired_at": aired_at.isoformat() if aired_at else None,
                         "via": "web" if actor else "token", "reason": airing.reason})
    return airing


def airings_by_delivery(session: Session, delivery_ids: list[int]) -> dict[int, Airing]:
    if not delivery_ids:
        return {}
    rows = session.scalars(select(Airing).where(Airing.delivery_id.in_(delivery_ids)))
    return {airing.delivery_id: airing for airing in rows}


def repeats(airing: Airing | None, data: AiringInput) -> bool:
    """Whether `data` says again what `airing` already records, so recording it would change nothing.

    A box that lost the answer to its confirmation sends it again; that must neither move the record's time
    nor take back and re-add its reach estimate. No time sent means "just now", which an earlier "aired" covers.
    """
    if airing is None or airing.status.value != data.status:
        return False
    if airing.status is AiringStatus.AIRED and data.aired_at is not None and airing.aired_at != data.aired_at:
        return False
    if airing.status is AiringStatus.NOT_AIRED and (airing.reason or "") != data.reason.strip():
        return False
    operator = data.operator_name.strip()
    return airing.note == data.note.strip() and (not operator or airing.operator_name == operator)
