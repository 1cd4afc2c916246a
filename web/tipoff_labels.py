"""Names of tip-off kinds, officers' statuses and the stages a sender sees, in the interface language."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import lazy_gettext

from web.formatting import label_of

TIPOFF_KIND_LABELS = {
    "report": lazy_gettext("Phản ánh"),
    "denunciation": lazy_gettext("Tố giác"),
    "suggestion": lazy_gettext("Góp ý"),
}
TIPOFF_STATUS_LABELS = {
    "new": lazy_gettext("Mới nhận"),
    "checking": lazy_gettext("Đang xác minh"),
    "valuable": lazy_gettext("Có giá trị"),
    "not_valuable": lazy_gettext("Không có giá trị"),
    "forwarded": lazy_gettext("Đã chuyển cơ quan khác"),
    "closed": lazy_gettext("Đã đóng"),
}
# What the sender sees: whether it was judged valuable is the officers' business.
TIPOFF_STAGE_LABELS = {
    "received": lazy_gettext("Đã nhận, chờ cán bộ xem"),
    "checking": lazy_gettext("Cán bộ đang xác minh"),
    "forwarded": lazy_gettext("Đã chuyển đến cơ quan có thẩm quyền"),
    "handled": lazy_gettext("Đã xử lý xong"),
}


def register_tipoff_labels(bp: Blueprint) -> None:
    bp.add_app_template_filter(label_of(TIPOFF_KIND_LABELS), "tipoff_kind_label")
    bp.add_app_template_filter(label_of(TIPOFF_STATUS_LABELS), "tipoff_status_label")
    bp.add_app_template_filter(label_of(TIPOFF_STAGE_LABELS), "tipoff_stage_label")
