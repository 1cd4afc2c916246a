"""A slot of a day's script in a URL: "0600" for the slot at 06:00, "ca-ngay" for a station with no slots."""

from __future__ import annotations

from datetime import date, datetime, time

from flask_babel import gettext

from content.errors import NotFound
from scheduler.radio_scripts.building import DailyScript, SlotScript
from web.database import now, zone
from web.radio.downloads import slot_label

WHOLE_DAY = "ca-ngay"


def slot_key(starts_at: time | None) -> str:
    return f"{starts_at:%H%M}" if starts_at else WHOLE_DAY


def _start(value: str) -> time | None:
    if value == WHOLE_DAY:
        return None
    if len(value) == 4 and value.isdigit() and int(value[:2]) < 24 and int(value[2:]) < 60:
        return time(int(value[:2]), int(value[2:]))
    raise NotFound(gettext("Không có khung giờ “%(slot)s”: hãy ghi giờ bắt đầu dạng 0600 hoặc 1700.", slot=value))


def find_slot(script: DailyScript, value: str) -> SlotScript:
    """The slot with items that the key names; one the station does not have, or an empty one, is not found."""
    starts_at = _start(value)
    found = next((slot for slot in script.slots if slot.starts_at == starts_at), None)
    if found is None or not found.items:
        raise NotFound(gettext("Khung giờ %(slot)s ngày %(day)s của đài chưa có tin nào để phát.",
                               slot=slot_label(starts_at), day=f"{script.day:%d/%m/%Y}"))
    return found


def default_aired_at(day: date, slot: SlotScript) -> str:
    """The slot's start, for a form's time field, once it has begun; before that blank, which means now."""
    if slot.starts_at is None or not has_begun(day, slot):
        return ""
    return f"{datetime.combine(day, slot.starts_at):%Y-%m-%dT%H:%M}"


def has_begun(day: date, slot: SlotScript) -> bool:
    """True once the slot's start has passed; a station's one list for the day counts from the day's start."""
    start = datetime.combine(day, slot.starts_at or time(0), tzinfo=zone())
    return start <= now()
