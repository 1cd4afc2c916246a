"""A daily script as a running order for the ear: each slot's opening, its items and closing, with pauses."""

from __future__ import annotations

from content.spoken import estimate_seconds
from scheduler.audio.production import Part, Pause
from scheduler.radio_scripts.building import DailyScript, ScriptItem, SlotScript

# Used when a slot does not state its own pause; the script's read times count the slot's pause, so the
# audio follows it when there is one.
ITEM_PAUSE = Pause(5.0)
# Between two slots of a whole day's audio: longer than any pause inside a slot, so the break is heard.
SLOT_PAUSE = Pause(8.0)


def script_items(script: DailyScript) -> list[ScriptItem]:
    return [item for slot in script.slots for item in slot.items]


def slot_programme(slot: SlotScript) -> tuple[Part, ...]:
    """What the slot's read time counts: opening, pause, each item followed by a pause, closing."""
    if not slot.items:
        return ()
    # getattr: the opening, closing and pause arrived in the script later than its items did.
    pause = Pause(float(getattr(slot, "pause_seconds", ITEM_PAUSE.seconds)))
    lines: list[str] = [getattr(slot, "opening", ""), *(item.text for item in slot.items),
                        getattr(slot, "closing", "")]
    parts: list[Part] = []
    for line in lines:
        if not line:
            continue
        if parts:
            parts.append(pause)
        parts.append(line)
    return tuple(parts)


def script_programme(script: DailyScript) -> tuple[Part, ...]:
    """Every slot of the day one after another; empty when there is nothing to read, so no silent file."""
    parts: list[Part] = []
    for slot in script.slots:
        if programme := slot_programme(slot):
            parts += [SLOT_PAUSE, *programme] if parts else programme
    return tuple(parts)


def item_programme(item: ScriptItem) -> tuple[Part, ...]:
    return (item.text,)


def estimate_programme_seconds(parts: tuple[Part, ...]) -> int:
    """The read-time estimate of a running order, the length a podcast app shows before downloading."""
    return round(sum(part.seconds if isinstance(part, Pause) else estimate_seconds(part) for part in parts))
