"""Readable names for a downloaded script audio: station, day and slot, so a folder of them sorts and reads well.

Two forms go out in Content-Disposition (RFC 6266): an ASCII `filename` every browser and box understands, and
the Vietnamese `filename*` (RFC 5987) that modern browsers prefer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from urllib.parse import quote

from content.vietnamese import slugify

# What Windows, macOS and Linux file names cannot hold, and control characters; a slash would make a folder.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
TITLE_LENGTH = 48


@dataclass(frozen=True)
class AudioName:
    ascii: str
    unicode: str

    def disposition(self, *, attachment: bool) -> str:
        kind = "attachment" if attachment else "inline"
        return f"{kind}; filename=\"{self.ascii}\"; filename*=UTF-8''{quote(self.unicode, safe='')}"


def slot_label(starts_at: time | None) -> str:
    """06:00 is "06h00", as it is written in Vietnamese; a station without slots reads one list, "ca ngày"."""
    return f"{starts_at:%Hh%M}" if starts_at else "ca ngày"


def _clean(text: str) -> str:
    return " ".join(_UNSAFE.sub(" ", text).split())


def audio_name(station_name: str, day: date, fmt: str, *, slot: time | None = None, whole_day: bool = False,
               item_number: int | None = None, item_title: str = "") -> AudioName:
    """`Đài truyền thanh xã An Lạc 2026-11-24 06h00 tin 2 Giữ xe máy an toàn.mp3`, and its ASCII twin."""
    parts = [station_name, day.isoformat()]
    if not whole_day:
        parts.append(slot_label(slot))
    if item_number is not None:
        title = item_title if len(item_title) <= TITLE_LENGTH else item_title[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"
        parts += [f"tin {item_number}", title]
    ascii_parts = [slugify(part, max_length=TITLE_LENGTH) for part in parts if part]
    return AudioName(ascii="_".join(ascii_parts) + f".{fmt}",
                     unicode=" ".join(_clean(part) for part in parts if _clean(part)) + f".{fmt}")
