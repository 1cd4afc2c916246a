"""Turning the editor's form into domain input; any unreadable field becomes a field error."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from werkzeug.datastructures import MultiDict

from content.errors import InvalidInput
from content.messages import MessageInput, StoryFields
from content.models import MessageKind, Priority


def _int(value: str | None, field: str, errors: dict[str, str]) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        errors[field] = "Giá trị không hợp lệ."
        return None


def _date(value: str | None, field: str, errors: dict[str, str]) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        errors[field] = "Ngày không hợp lệ (định dạng năm-tháng-ngày)."
        return None


def parse_message_form(form: MultiDict[str, str]) -> MessageInput:
    errors: dict[str, str] = {}
    try:
        kind = MessageKind(form.get("kind", "article"))
    except ValueError:
        errors["kind"], kind = "Loại tin không hợp lệ.", MessageKind.ARTICLE
    try:
        priority = Priority(form.get("priority") or "normal")
    except ValueError:
        errors["priority"], priority = "Mức ưu tiên không hợp lệ.", Priority.NORMAL
    area_id = _int(form.get("area_id"), "area_id", errors)
    if area_id is None and "area_id" not in errors:
        errors["area_id"] = "Hãy chọn địa bàn."
    topic_ids = tuple(t for t in (_int(v, "topic_ids", errors) for v in form.getlist("topic_ids")) if t)
    story = None
    if kind is MessageKind.STORY:
        story = StoryFields(
            person_name=form.get("person_name", ""),
            deed=form.get("deed", ""),
            person_area_id=_int(form.get("person_area_id"), "person_area_id", errors),
            deed_on=_date(form.get("deed_on"), "deed_on", errors),
            name_consent=form.get("name_consent") == "on",
            commendation=form.get("commendation") or None,
        )
    if errors:
        raise InvalidInput(errors)
    return MessageInput(
        kind=kind, title=form.get("title", ""), body_md=form.get("body_md", ""), area_id=area_id or 0,
        summary=form.get("summary", ""), priority=priority, spoken_override=form.get("spoken_override") or None,
        topic_ids=topic_ids, story=story,
    )


def parse_local_datetime(value: str | None, zone: ZoneInfo) -> datetime:
    """A datetime-local field ("2026-11-24T06:00"), read in the configured zone."""
    try:
        naive = datetime.fromisoformat(value or "")
    except ValueError:
        raise InvalidInput({"due_at": "Thời điểm không hợp lệ (ví dụ 2026-11-24 06:00)."}) from None
    if naive.tzinfo is not None:
        raise InvalidInput({"due_at": "Hãy nhập giờ địa phương, không kèm múi giờ."})
    return naive.replace(tzinfo=zone)
