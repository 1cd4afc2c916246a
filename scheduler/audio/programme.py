"""A daily script as a running order for the ear: opening, the items with pauses between, closing."""

from __future__ import annotations

from content.spoken import estimate_seconds
from scheduler.audio.production import Part, Pause
from scheduler.scripts import DailyScript, ScriptItem

# Long enough for a listener to hear that one notice ended and the next began.
ITEM_PAUSE = Pause(2.0)
# A slot boundary is a longer breath; in the whole day's audio it marks where a new slot starts.
SLOT_PAUSE = Pause(4.0)


def _opening(script: DailyScript) -> str:
    # The script's own opening line when it has one; scripts built before it existed still sound right.
    return getattr(script, "opening", None) or (
        f"{script.station_name} xin kính chào bà con. Sau đây là chương trình Tiếng loa an ninh."
    )


def _closing(script: DailyScript) -> str:
    return getattr(script, "closing", None) or "Chương trình đến đây là hết. Cảm ơn bà con đã lắng nghe."


def script_items(script: DailyScript) -> list[ScriptItem]:
    return [item for slot in script.slots for item in slot.items]


def script_programme(script: DailyScript) -> tuple[Part, ...]:
    """Empty when the day has nothing to read: a box must not play a greeting with nothing after it."""
    slots = [slot for slot in script.slots if slot.items]
    if not slots:
        return ()
    parts: list[Part] = [_opening(script), ITEM_PAUSE]
    for number, slot in enumerate(slots):
        if number:
            parts.append(SLOT_PAUSE)
        for index, item in enumerate(slot.items):
            if index:
                parts.append(ITEM_PAUSE)
            parts.append(item.text)
    parts += [ITEM_PAUSE, _closing(script)]
    return tuple(parts)


def item_programme(item: ScriptItem) -> tuple[Part, ...]:
    return (item.text,)


def estimate_programme_seconds(parts: tuple[Part, ...]) -> int:
    """The read-time estimate of a running order, the length a podcast app shows before downloading."""
    return round(sum(part.seconds if isinstance(part, Pause) else estimate_seconds(part) for part in parts))
