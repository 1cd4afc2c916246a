"""`loa outbox status` as an operator reads it, and as a script parses it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.outbox_world import mixed_outbox
from web.cli import cli


@pytest.fixture
def outbox(app):  # type: ignore[no-untyped-def]
    def run(*args: str):
        return app.test_cli_runner().invoke(cli, ["outbox", "status", *args], catch_exceptions=False)

    return run


def test_an_empty_outbox_says_so(outbox):
    result = outbox()
    assert result.exit_code == 0, result.output
    # The test clock's 01:00 UTC is 08:00 in Hà Nội.
    assert "Tình hình gửi tin lúc 08:00:00 23/11/2026 (giờ Asia/Ho_Chi_Minh)" in result.output
    assert "LOA_LEASE_SECONDS): 60 giây" in result.output
    assert "Chưa có lượt phát nào." in result.output


def test_an_empty_outbox_as_json(outbox):
    result = outbox("--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["now"] == "2026-11-23T01:00:00+00:00" and report["lease_seconds"] == 60
    assert report["by_status"] == {"planned": 0, "claimed": 0, "sent": 0, "failed": 0, "held": 0, "cancelled": 0,
                                   "uncertain": 0}
    assert report["waiting"] == {"count": 0, "oldest_due_at": None, "late_seconds": None, "ready": 0,
                                 "oldest_ready_due_at": None}
    assert report["by_destination"] == report["stuck_claims"] == report["live_claims"] == []
    assert report["paused_channels"] == report["channels_needing_attention"] == report["switched_off_channels"] == []
    assert report["uncertain"] == 0


def test_a_mixed_outbox_in_text(outbox, session, now):
    mixed_outbox(session, now)
    result = outbox()
    assert result.exit_code == 0, result.output
    text = result.output
    assert "  chờ phát: 5\n  đang gửi: 3\n  đã phát: 2\n  thất bại: 1\n" in text and "  tổng: 12\n" in text
    assert "  Kênh Telegram xã Tân Phong (telegram): thất bại 1, chưa rõ kết quả 1\n" in text
    assert "  Đài truyền thanh (tất cả): đang gửi 1, đã phát 1\n" in text
    assert "  Cổng thông tin xã Tân Phong (portal): chờ phát 3, đang gửi 2, đã phát 1\n" in text
    assert "Đến giờ mà chưa gửi: 2 lượt; lượt cũ nhất đến giờ lúc 07:40 23/11/2026, trễ 20 phút." in text
    assert "1 lượt gửi được ngay; 1 lượt đang chờ thử lại" in text
    assert "  may-1:111: 2 lượt, hết hạn lúc 07:58:30 23/11/2026 (1 phút 30 giây trước)" in text
    assert "  may-2:222: 1 lượt, hạn sớm nhất 08:00:40 23/11/2026 (còn 40 giây)" in text
    assert ("  Webhook Công an tỉnh (webhook) đến 08:05 23/11/2026 — Máy nhận trả 429 nhiều lần liền; "
            "1 lượt đang chờ") in text
    assert "Trang Facebook tỉnh" not in text  # its pause is over
    assert "cần người kiểm tra rồi xác nhận): 1" in text
    assert "  Kênh Telegram xã Tân Phong (telegram) — Telegram từ chối mã truy cập (401); 0 lượt đang chờ" in text
    assert "Kênh đã tắt còn lượt phát đang chờ:\n  Zalo OA huyện (zalo); 1 lượt đang chờ" in text


def test_a_mixed_outbox_as_json_matches_the_text(outbox, session, now):
    world = mixed_outbox(session, now)
    report = json.loads(outbox("--json").output)
    assert report["by_status"] == {"planned": 5, "claimed": 3, "sent": 2, "failed": 1, "held": 0, "cancelled": 0,
                                   "uncertain": 1}
    stations, portal, *_ = report["by_destination"]
    assert stations == {"channel_id": None, "kind": "station", "name": "Đài truyền thanh",
                        "counts": {"planned": 0, "claimed": 1, "sent": 1, "failed": 0, "held": 0, "cancelled": 0,
                                   "uncertain": 0}}
    assert (portal["channel_id"], portal["counts"]["planned"]) == (world.portal.id, 3)
    assert sum(sum(row["counts"].values()) for row in report["by_destination"]) == 12
    assert report["waiting"] == {"count": 2, "oldest_due_at": "2026-11-23T00:40:00+00:00", "late_seconds": 1200,
                                 "ready": 1, "oldest_ready_due_at": "2026-11-23T00:40:00+00:00"}
    assert report["stuck_claims"] == [{"worker": "may-1:111", "claims": 2, "lease_until": "2026-11-23T00:58:30+00:00",
                                       "lease_left_seconds": -90}]
    assert report["live_claims"] == [{"worker": "may-2:222", "claims": 1, "lease_until": "2026-11-23T01:00:40+00:00",
                                      "lease_left_seconds": 40}]
    assert report["paused_channels"] == [{"channel_id": world.webhook.id, "kind": "webhook",
                                          "name": "Webhook Công an tỉnh", "reason": "Máy nhận trả 429 nhiều lần liền",
                                          "paused_until": "2026-11-23T01:05:00+00:00", "waiting": 1}]
    assert report["uncertain"] == 1
    assert [c["channel_id"] for c in report["channels_needing_attention"]] == [world.telegram.id]
    assert [(c["channel_id"], c["waiting"]) for c in report["switched_off_channels"]] == [(world.zalo.id, 1)]


def test_the_lease_shown_is_the_setting(outbox, app):
    app.config["LEASE_SECONDS"] = "45"
    assert json.loads(outbox("--json").output)["lease_seconds"] == 45
    assert "LOA_LEASE_SECONDS): 45 giây" in outbox().output


def test_a_lease_setting_out_of_bounds_is_a_clear_error(outbox, app):
    app.config["LEASE_SECONDS"] = "5"
    result = outbox()
    assert result.exit_code == 1
    assert "LOA_LEASE_SECONDS must be between 10 and 3600 seconds" in result.output


def test_late_by_more_than_a_day_reads_in_days_and_hours(outbox, session, now, clock):
    mixed_outbox(session, now)
    clock.set(now + timedelta(days=1, hours=3))
    assert "lượt cũ nhất đến giờ lúc 07:40 23/11/2026, trễ 1 ngày 3 giờ." in outbox().output
