"""A sample delivery to send through the connectors: a made-up commune, made-up people."""

from __future__ import annotations

from typing import Any

from scheduler.channels import Outgoing

TITLE = "Cảnh giác với cuộc gọi giả danh công an xã Hòa Phong"
TEXT = (
    "Gần đây nhiều người dân thôn Đông Sơn nhận được cuộc gọi tự xưng là công an xã, yêu cầu chuyển tiền "
    "để \"xác minh tài khoản\". Công an xã Hòa Phong không bao giờ yêu cầu chuyển tiền qua điện thoại. "
    "Gặp trường hợp này, bà con hãy báo ngay cho trưởng thôn hoặc gọi 0235 3000 113."
)
HTML = (
    "<p>Gần đây nhiều người dân thôn <strong>Đông Sơn</strong> nhận được cuộc gọi giả danh công an.</p>"
    "<p>Anh Lê Văn Tám, tổ trưởng tổ tự quản, đã kịp ngăn một cụ ông chuyển 40 triệu đồng.</p>"
)


def make_outgoing(settings: dict[str, Any], **overrides: Any) -> Outgoing:
    values: dict[str, Any] = dict(
        delivery_id=4101,
        idempotency_key="dlv-4101-7f3a9c",
        title=TITLE,
        text=TEXT,
        html=HTML,
        url="https://loa.hoaphong.example/tin/canh-giac-cuoc-goi-gia-danh",
        settings=settings,
        link="https://loa.hoaphong.example/r/k7Qm2",
    )
    values.update(overrides)
    return Outgoing(**values)
