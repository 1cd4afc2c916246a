"""Template filters: times shown in the configured zone, labels in Vietnamese."""

from __future__ import annotations

from datetime import datetime

from flask import Flask

from content.stories import public_person, public_text
from web.database import zone

STATUS_LABELS = {
    "draft": "Bản nháp",
    "in_review": "Chờ duyệt",
    "changes_requested": "Cần sửa",
    "approved": "Đã duyệt",
    "scheduled": "Đã lên lịch",
    "published": "Đã đăng",
    "archived": "Lưu trữ",
    "planned": "Chờ phát",
    "claimed": "Đang gửi",
    "sent": "Đã phát",
    "failed": "Thất bại",
    "held": "Tạm giữ",
    "cancelled": "Đã hủy",
}
KIND_LABELS = {"article": "Bài tuyên truyền", "story": "Người tốt, việc tốt", "notice": "Thông báo khẩn"}
PRIORITY_LABELS = {"normal": "Thường", "priority": "Ưu tiên", "emergency": "Khẩn cấp"}


def localtime(value: datetime | None, fmt: str = "%H:%M %d/%m/%Y") -> str:
    return value.astimezone(zone()).strftime(fmt) if value else ""


def register_filters(app: Flask) -> None:
    # Public pages show a story through these, so an unconsented name never reaches a reader.
    app.add_template_filter(lambda message, text: public_text(message, text), "public")
    app.add_template_filter(public_person, "public_person")
    app.add_template_filter(localtime)
    app.add_template_filter(lambda v: STATUS_LABELS.get(str(v), str(v)), "status_label")
    app.add_template_filter(lambda v: KIND_LABELS.get(str(v), str(v)), "kind_label")
    app.add_template_filter(lambda v: PRIORITY_LABELS.get(str(v), str(v)), "priority_label")
    app.add_template_filter(lambda mapping, key: {k: v for k, v in mapping.items() if k != key}, "reject_key")
