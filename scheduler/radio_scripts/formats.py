"""A daily script as data and as plain text, each with a version that changes exactly when its content does.

The JSON shape is a contract with the boxes that poll it: fields are added, never renamed or removed,
and `schema` changes when that promise has to be broken. `version` is a hash of everything in the
document, so a box (or an ETag) can tell "nothing changed" without comparing texts.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from scheduler.radio_scripts.building import DailyScript, ScriptItem, SlotScript

SCRIPT_SCHEMA = "loa.radio-script/1"
WEEK_SCHEMA = "loa.radio-week/1"
PRIORITY_WORDS = {"emergency": "KHẨN CẤP", "priority": "ƯU TIÊN", "normal": "thường"}


def _hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def dump_json(document: dict[str, Any]) -> str:
    """UTF-8 rather than \\u escapes: Vietnamese text is half the bytes on a weak connection."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)


def _item(number: int, item: ScriptItem) -> dict[str, Any]:
    return {"number": number, "delivery_id": item.delivery_id, "message_id": item.message_id, "title": item.title,
            "text": item.text, "priority": item.priority.value, "is_emergency": item.is_emergency,
            "due_at": item.due_at.isoformat(), "seconds": item.seconds,
            # The place whose own wording `text` is (campaigns.local_wordings); null: the message's own text.
            "wording_for": item.wording_for,
            # Added in issue 14; empty lists: the whole station.
            "clusters": list(item.clusters), "villages": list(item.villages)}


def _slot(script: DailyScript, slot: SlotScript) -> dict[str, Any]:
    starts = None
    if slot.starts_at is not None:
        local = datetime.combine(script.day, slot.starts_at, tzinfo=ZoneInfo(script.zone_name))
        starts = local.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    return {
        "starts_at": slot.starts_at.strftime("%H:%M") if slot.starts_at else None,
        "starts_at_utc": starts,
        "minutes": slot.minutes,
        "length_seconds": slot.length_seconds,
        "opening": {"text": slot.opening, "seconds": slot.opening_seconds},
        "closing": {"text": slot.closing, "seconds": slot.closing_seconds},
        "pause_seconds": slot.pause_seconds,
        "pauses": slot.pauses,
        "items_seconds": slot.items_seconds,
        "total_seconds": slot.total_seconds,
        "over_by_seconds": slot.over_by_seconds,
        "is_over": slot.is_over,
        "has_emergency": slot.has_emergency,
        "items": [_item(n, item) for n, item in enumerate(slot.items, 1)],
        "programme": {"id": slot.programme_id, "name": slot.programme_name} if slot.programme_id else None,
    }


def script_document(script: DailyScript) -> dict[str, Any]:
    """The script as JSON-ready data, `version` included."""
    document: dict[str, Any] = {
        "schema": SCRIPT_SCHEMA,
        "station": {"id": script.station_id, "name": script.station_name},
        "date": script.day.isoformat(),
        "timezone": script.zone_name,
        "has_emergency": script.has_emergency,
        "is_over": script.is_over,
        "slots": [_slot(script, slot) for slot in script.slots],
    }
    return {**document, "version": _hash(document)}


def script_version(script: DailyScript) -> str:
    return script_document(script)["version"]


def week_document(scripts: Sequence[DailyScript]) -> dict[str, Any]:
    """Several days in one response, for a station that fetches once on a weak connection."""
    days = [script_document(script) for script in scripts]
    first = scripts[0]
    document: dict[str, Any] = {
        "schema": WEEK_SCHEMA,
        "station": {"id": first.station_id, "name": first.station_name},
        "from": first.day.isoformat(),
        "to": scripts[-1].day.isoformat(),
        "timezone": first.zone_name,
        "has_emergency": any(script.has_emergency for script in scripts),
        "days": days,
    }
    return {**document, "version": _hash(document)}


def duration(seconds: int) -> str:
    """For the eye, not the ear: "2 phút 05 giây"."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} phút {rest:02d} giây" if minutes else f"{rest} giây"


def _heading(slot: SlotScript) -> str:
    if slot.starts_at is None:
        return "Trong ngày"
    if slot.programme_id:
        return f"Chuyên mục “{slot.programme_name}” — {slot.starts_at:%H:%M} ({slot.minutes} phút)"
    return f"Khung giờ {slot.starts_at:%H:%M} ({slot.minutes} phút)"


def _where(item: ScriptItem) -> list[str]:
    """Where to play an item planned for some villages only; nothing for the whole station."""
    if not item.villages:
        return []
    clusters = ", ".join(item.clusters) or "(chưa có cụm loa nào phủ)"
    return [f"Chỉ phát trên cụm loa: {clusters} — cho {', '.join(item.villages)}"]


def _slot_lines(slot: SlotScript) -> list[str]:
    heading = _heading(slot) + (" — CÓ THÔNG BÁO KHẨN" if slot.has_emergency else "")
    lines = [heading, "=" * len(heading)]
    if not slot.items:
        return lines + ["(Không có tin trong khung giờ này)", ""]
    lines += [f"[Mở đầu — {duration(slot.opening_seconds)}]", slot.opening, ""]
    for number, item in enumerate(slot.items, 1):
        flag = f"[{PRIORITY_WORDS[item.priority.value]}] " if item.priority.value != "normal" else ""
        lines += [f"{number}. {flag}{item.title} — khoảng {duration(item.seconds)}", *_where(item)]
        if item.wording_for:
            lines.append(f"(Bản riêng cho {item.wording_for})")
        lines += [item.text, ""]
    lines += [f"[Kết thúc — {duration(slot.closing_seconds)}]", slot.closing, ""]
    total = (f"Tổng thời lượng: {duration(slot.total_seconds)}"
             + (f" / {slot.minutes} phút" if slot.starts_at else "")
             + f" (gồm mở đầu, kết thúc và {slot.pauses} lần nghỉ {slot.pause_seconds} giây)")
    lines.append(total)
    if slot.is_over:
        lines.append(f"!!! VƯỢT THỜI LƯỢNG KHUNG GIỜ {duration(slot.over_by_seconds)}: "
                     "hãy bớt tin hoặc chuyển tin thường sang khung giờ sau.")
    return lines + [""]


def render_script_text(script: DailyScript, *, version: str | None = None) -> str:
    """The plain-text script a radio operator can print or read from a phone."""
    lines = [f"KỊCH BẢN PHÁT THANH — {script.station_name}",
             f"Ngày {script.day:%d/%m/%Y} · phiên bản {(version or script_version(script))[:8]}"]
    if script.has_emergency:
        lines.append("*** CÓ THÔNG BÁO KHẨN: đọc trước mọi tin khác ***")
    lines.append("")
    for slot in script.slots:
        lines += _slot_lines(slot)
    return "\n".join(lines)


def render_week_text(scripts: Sequence[DailyScript]) -> str:
    version = week_document(scripts)["version"]
    first, last = scripts[0], scripts[-1]
    header = [f"KỊCH BẢN PHÁT THANH 7 NGÀY — {first.station_name}",
              f"Từ {first.day:%d/%m/%Y} đến {last.day:%d/%m/%Y} · phiên bản {version[:8]}", ""]
    days = [render_script_text(script) for script in scripts]
    return "\n".join(header) + ("\n" + "-" * 60 + "\n").join(days)
