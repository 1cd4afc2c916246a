"""A day's script as podcast episodes: the whole day, then each item on its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from zoneinfo import ZoneInfo

from scheduler.audio.encoding import MEDIA_TYPES
from scheduler.audio.podcast import Episode
from scheduler.audio.production import AudioStudio, Part, audio_key
from scheduler.audio.programme import estimate_programme_seconds, item_programme, script_programme
from scheduler.radio_scripts.building import DailyScript, ScriptItem


def _episode(studio: AudioStudio, parts: tuple[Part, ...], fmt: str, *, title: str, summary: str, url: str,
             published_at: datetime) -> Episode:
    key = audio_key(studio.engine, fmt, parts)
    made = studio.cache.cached(key, fmt)
    # The key is the guid: when a script changes, apps see a new episode and fetch the new audio.
    return Episode(guid=key, title=title, summary=summary, audio_url=url, media_type=MEDIA_TYPES[fmt],
                   length=made.stat().st_size if made else 0, seconds=estimate_programme_seconds(parts),
                   published_at=published_at)


def script_episodes(studio: AudioStudio, script: DailyScript, fmt: str, *, zone: ZoneInfo,
                    audio_url: Callable[[ScriptItem | None], str]) -> list[Episode]:
    """Nothing for a day with nothing to read; audio_url(None) is the whole day's address."""
    parts = script_programme(script)
    if not parts:
        return []
    slots = [slot for slot in script.slots if slot.items]
    first = slots[0].starts_at or time(0)
    titles = [item.title for slot in slots for item in slot.items]
    episodes = [_episode(studio, parts, fmt, title=f"Chương trình ngày {script.day:%d/%m/%Y}",
                         summary="; ".join(titles), url=audio_url(None),
                         published_at=datetime.combine(script.day, first, tzinfo=zone))]
    for slot in slots:
        heading = f"{slot.starts_at:%H:%M}" if slot.starts_at else "trong ngày"
        if slot.programme_name:
            heading += f" · {slot.programme_name}"
        for number, item in enumerate(slot.items, 1):
            episodes.append(_episode(
                studio, item_programme(item), fmt, title=f"{script.day:%d/%m} {heading} · {number}. {item.title}",
                summary=item.text, url=audio_url(item), published_at=item.due_at,
            ))
    return episodes
