"""A station's daily script: what to read in each broadcast slot of one local day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from campaigns.models import Delivery, DeliveryStatus, Station
from content.models import Message, Priority
from content.spoken import estimate_seconds, spoken_text
from content.workflow import SENDABLE

PRIORITY_ORDER = {Priority.EMERGENCY: 0, Priority.PRIORITY: 1, Priority.NORMAL: 2}
LIVE_STATUSES = (DeliveryStatus.PLANNED, DeliveryStatus.CLAIMED, DeliveryStatus.SENT)


@dataclass(frozen=True)
class ScriptItem:
    delivery_id: int
    message_id: int
    title: str
    text: str
    priority: Priority
    due_at: datetime
    seconds: int


@dataclass(frozen=True)
class SlotScript:
    starts_at: time | None
    minutes: int
    items: tuple[ScriptItem, ...]

    @property
    def total_seconds(self) -> int:
        return sum(item.seconds for item in self.items)

    @property
    def is_over(self) -> bool:
        return self.starts_at is not None and self.total_seconds > self.minutes * 60


@dataclass(frozen=True)
class DailyScript:
    station_id: int
    station_name: str
    day: date
    slots: tuple[SlotScript, ...]


def _local_day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def _slot_for(due_local: time, starts: list[time]) -> time | None:
    """The first slot starting at or after the due time; late items go to the day's last slot."""
    for start in starts:
        if start >= due_local:
            return start
    return starts[-1] if starts else None


def build_daily_script(session: Session, station: Station, day: date, *, zone: ZoneInfo) -> DailyScript:
    start, end = _local_day_bounds(day, zone)
    deliveries = session.scalars(
        select(Delivery)
        .join(Message, Delivery.message_id == Message.id)
        .options(joinedload(Delivery.message))
        .where(
            Delivery.station_id == station.id,
            Delivery.due_at >= start,
            Delivery.due_at < end,
            Delivery.status.in_(LIVE_STATUSES),
            Message.status.in_(SENDABLE),
        )
    ).all()
    starts = [slot.starts_at for slot in station.slots]
    by_slot: dict[time | None, list[ScriptItem]] = {s: [] for s in starts} if starts else {None: []}
    for delivery in deliveries:
        text = delivery.variant or spoken_text(delivery.message)
        local_due = delivery.due_at.astimezone(zone)
        by_slot[_slot_for(local_due.time(), starts)].append(ScriptItem(
            delivery_id=delivery.id,
            message_id=delivery.message_id,
            title=delivery.message.title,
            text=text,
            priority=delivery.message.priority,
            due_at=local_due,
            seconds=estimate_seconds(text),
        ))
    minutes = {slot.starts_at: slot.minutes for slot in station.slots}
    slots = tuple(
        SlotScript(
            starts_at=slot_start,
            minutes=minutes.get(slot_start, 0) if slot_start else 0,
            items=tuple(sorted(items, key=lambda i: (PRIORITY_ORDER[i.priority], i.due_at, i.delivery_id))),
        )
        for slot_start, items in by_slot.items()
    )
    return DailyScript(station_id=station.id, station_name=station.name, day=day, slots=slots)


def render_script_text(script: DailyScript) -> str:
    """The plain-text script a radio operator can print or read from a phone."""
    lines = [f"KỊCH BẢN PHÁT THANH — {script.station_name}", f"Ngày {script.day:%d/%m/%Y}", ""]
    for slot in script.slots:
        heading = f"Khung giờ {slot.starts_at:%H:%M} ({slot.minutes} phút)" if slot.starts_at else "Trong ngày"
        lines += [heading, "=" * len(heading)]
        if not slot.items:
            lines += ["(Không có tin)", ""]
        for number, item in enumerate(slot.items, 1):
            lines += [f"{number}. {item.title} — khoảng {item.seconds} giây", item.text, ""]
        lines.append(f"Tổng thời lượng đọc: {slot.total_seconds} giây" + (" — VƯỢT THỜI LƯỢNG KHUNG GIỜ" if slot.is_over else ""))
        lines.append("")
    return "\n".join(lines)
