"""Template filters: times shown in the configured zone, labels in the interface language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Flask
from flask_babel import lazy_gettext

from content.consent_masking import public_image_alt
from web.database import zone

STATUS_LABELS = {
    "draft": lazy_gettext("Bản nháp"),
    "in_review": lazy_gettext("Chờ duyệt"),
    "changes_requested": lazy_gettext("Cần sửa"),
    "approved": lazy_gettext("Đã duyệt"),
    "scheduled": lazy_gettext("Đã lên lịch"),
    "published": lazy_gettext("Đã đăng"),
    "archived": lazy_gettext("Lưu trữ"),
    "planned": lazy_gettext("Chờ phát"),
    "claimed": lazy_gettext("Đang gửi"),
    "sent": lazy_gettext("Đã phát"),
    "failed": lazy_gettext("Thất bại"),
    "held": lazy_gettext("Tạm giữ"),
    "cancelled": lazy_gettext("Đã hủy"),
    "uncertain": lazy_gettext("Chưa rõ đã lên chưa"),
}
KIND_LABELS = {
    "article": lazy_gettext("Bài tuyên truyền"),
    "story": lazy_gettext("Người tốt, việc tốt"),
    "notice": lazy_gettext("Thông báo khẩn"),
}
CHANNEL_KIND_LABELS = {
    "portal": lazy_gettext("Cổng thông tin"), "feed": lazy_gettext("RSS/Atom"), "facebook": "Facebook",
    "zalo": "Zalo OA", "telegram": "Telegram", "webhook": "Webhook",
}
TARGET_KIND_LABELS = {
    "station_weekly_airings": lazy_gettext("Số lượt phát mỗi đài mỗi tuần"),
    "commune_share": lazy_gettext("Tỉ lệ xã, phường phát đủ số lượt (%)"),
    "portal_visitor_days": lazy_gettext("Lượt khách-ngày trên cổng thông tin"),
    "messages_published": lazy_gettext("Số tin đã đăng"),
    "milestones": lazy_gettext("Số địa bàn đạt chuẩn (ghi nhận theo quyết định)"),
    "model_share": lazy_gettext("Tỉ lệ thôn, tổ dân phố có mô hình tự quản (%)"),
    "other": lazy_gettext("Khác (Loa không đo được)"),
}
MODEL_KIND_LABELS = {
    "drug_free": lazy_gettext("Khu dân cư không ma túy"), "cameras": lazy_gettext("Camera an ninh"),
    "clan": lazy_gettext("Dòng họ tự quản"), "other": lazy_gettext("Mô hình khác"),
}
MODEL_STATUS_LABELS = {"active": lazy_gettext("Đang hoạt động"), "paused": lazy_gettext("Tạm dừng"),
                       "replicated": lazy_gettext("Đã nhân rộng nơi khác")}
PRIORITY_LABELS = {"normal": lazy_gettext("Thường"), "priority": lazy_gettext("Ưu tiên"),
                   "emergency": lazy_gettext("Khẩn cấp")}


def localtime(value: datetime | None, fmt: str = "%H:%M %d/%m/%Y") -> str:
    return value.astimezone(zone()).strftime(fmt) if value else ""


def label_of(labels: dict) -> Callable[[object], str]:
    """A filter naming an enum value in the request's language, or the raw value when unnamed."""
    return lambda value: str(labels.get(str(value), value))


def register_filters(app: Flask) -> None:
    # The media library's captions, with the names its pictures hide masked. A message's own public text
    # and caption are stored with its revision (content.public_forms), not masked in a template.
    app.add_template_filter(public_image_alt, "public_alt")
    app.add_template_filter(localtime)
    app.add_template_filter(label_of(STATUS_LABELS), "status_label")
    app.add_template_filter(label_of(KIND_LABELS), "kind_label")
    app.add_template_filter(label_of(PRIORITY_LABELS), "priority_label")
    app.add_template_filter(label_of(TARGET_KIND_LABELS), "target_kind_label")
    app.add_template_filter(label_of(MODEL_KIND_LABELS), "model_kind_label")
    app.add_template_filter(label_of(MODEL_STATUS_LABELS), "model_status_label")
    app.add_template_filter(label_of(CHANNEL_KIND_LABELS), "channel_kind_label")
    app.add_template_filter(lambda mapping, key: {k: v for k, v in mapping.items() if k != key}, "reject_key")
