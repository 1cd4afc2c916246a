"""`loa outbox status` written out: Vietnamese text in the local zone for people, JSON in UTC for scripts."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from campaigns.models import DeliveryStatus
from campaigns.outbox_status import STATIONS, ChannelState, DestinationCounts, OutboxStatus, WorkerClaims

# The console has no language switch: the desk's Vietnamese words (web.formatting), in plain strings.
STATUS_WORDS = {
    DeliveryStatus.PLANNED: "chờ phát",
    DeliveryStatus.CLAIMED: "đang gửi",
    DeliveryStatus.SENT: "đã phát",
    DeliveryStatus.FAILED: "thất bại",
    DeliveryStatus.HELD: "tạm giữ",
    DeliveryStatus.CANCELLED: "đã hủy",
    DeliveryStatus.UNCERTAIN: "chưa rõ kết quả",
}
STATIONS_NAME = "Đài truyền thanh"
MINUTE, SECOND = "%H:%M %d/%m/%Y", "%H:%M:%S %d/%m/%Y"


def span(duration: timedelta) -> str:
    """A duration as people say it, the two largest units: "2 giờ 5 phút", "40 giây"."""
    seconds = max(0, int(duration.total_seconds()))
    parts = [(seconds // 86400, "ngày"), (seconds % 86400 // 3600, "giờ"), (seconds % 3600 // 60, "phút"),
             (seconds % 60, "giây")]
    named = [f"{amount} {unit}" for amount, unit in parts if amount]
    return " ".join(named[:2]) or "0 giây"


def _local(moment: datetime, zone: ZoneInfo, fmt: str = MINUTE) -> str:
    return moment.astimezone(zone).strftime(fmt)


def _destination_line(row: DestinationCounts) -> str:
    name = f"{STATIONS_NAME} (tất cả)" if row.kind == STATIONS else f"{row.name} ({row.kind})"
    counts = ", ".join(f"{STATUS_WORDS[status]} {count}" for status, count in row.counts.items() if count)
    return f"  {name}: {counts}"


def _claim_lines(claims: list[WorkerClaims], status: OutboxStatus, zone: ZoneInfo, *, expired: bool) -> list[str]:
    lines = []
    for held in claims:
        worker = held.worker or "(không rõ tiến trình)"
        if held.lease_ends is None:
            when = "không có hạn"
        elif expired:
            when = f"hết hạn lúc {_local(held.lease_ends, zone, SECOND)} ({span(status.now - held.lease_ends)} trước)"
        else:
            when = f"hạn sớm nhất {_local(held.lease_ends, zone, SECOND)} (còn {span(held.lease_ends - status.now)})"
        lines.append(f"  {worker}: {held.claims} lượt, {when}")
    return lines


def _channel_lines(channels: list[ChannelState], zone: ZoneInfo) -> list[str]:
    lines = []
    for channel in channels:
        until = f" đến {_local(channel.paused_until, zone)}" if channel.paused_until is not None else ""
        reason = f" — {channel.reason}" if channel.reason else ""
        lines.append(f"  {channel.name} ({channel.kind}){until}{reason}; {channel.waiting} lượt đang chờ")
    return lines


def describe_outbox(status: OutboxStatus, zone: ZoneInfo) -> str:
    total = sum(status.by_status.values())
    lines = [f"Tình hình gửi tin lúc {_local(status.now, zone, SECOND)} (giờ {zone.key}); "
             f"thời hạn nhận lượt phát (LOA_LEASE_SECONDS): {int(status.lease.total_seconds())} giây.", ""]
    if not total:
        return "\n".join(lines + ["Chưa có lượt phát nào."])
    lines += ["Theo trạng thái:"] + [f"  {STATUS_WORDS[s]}: {count}" for s, count in status.by_status.items()]
    lines += [f"  tổng: {total}", "", "Theo nơi nhận:"] + [_destination_line(row) for row in status.by_destination]
    lines.append("")
    if status.oldest_waiting is not None:
        assert status.late_by is not None
        lines.append(f"Đến giờ mà chưa gửi: {status.waiting} lượt; lượt cũ nhất đến giờ lúc "
                     f"{_local(status.oldest_waiting, zone)}, trễ {span(status.late_by)}.")
        lines.append(f"  {status.ready} lượt gửi được ngay; {status.waiting - status.ready} lượt đang chờ thử lại "
                     "hoặc chờ kênh của chúng.")
    else:
        lines.append("Không có lượt phát nào đến giờ mà chưa gửi.")
    if status.stuck:
        lines += ["", "Lượt đã nhận nhưng hết hạn (tiến trình gửi có thể đã dừng; tiến trình khác sẽ nhận lại):"]
        lines += _claim_lines(status.stuck, status, zone, expired=True)
    if status.holding:
        lines += ["", "Lượt đang được gửi, theo tiến trình:"] + _claim_lines(status.holding, status, zone, expired=False)
    if status.paused:
        lines += ["", "Kênh đang tạm dừng (tự chạy lại khi hết hạn):"] + _channel_lines(status.paused, zone)
    if status.uncertain:
        lines += ["", f"Lượt chưa rõ đã tới nơi nhận chưa (cần người kiểm tra rồi xác nhận): {status.uncertain}"]
    if status.needing_attention:
        lines += ["", "Kênh cần xử lý:"] + _channel_lines(status.needing_attention, zone)
    if status.switched_off:
        lines += ["", "Kênh đã tắt còn lượt phát đang chờ:"] + _channel_lines(status.switched_off, zone)
    return "\n".join(lines)


def _utc(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _seconds(duration: timedelta) -> float:
    return round(duration.total_seconds(), 3)


def _claims_json(claims: list[WorkerClaims], now: datetime) -> list[dict[str, Any]]:
    return [{"worker": held.worker, "claims": held.claims, "lease_until": _utc(held.lease_ends),
             "lease_left_seconds": _seconds(held.lease_ends - now) if held.lease_ends is not None else None}
            for held in claims]


def _channels_json(channels: list[ChannelState]) -> list[dict[str, Any]]:
    return [{"channel_id": channel.channel_id, "kind": channel.kind, "name": channel.name, "reason": channel.reason,
             "paused_until": _utc(channel.paused_until), "waiting": channel.waiting} for channel in channels]


def outbox_json(status: OutboxStatus) -> dict[str, Any]:
    """Times in UTC (ISO 8601), durations in seconds; a lease already run out has negative seconds left."""
    return {
        "now": _utc(status.now),
        "lease_seconds": _seconds(status.lease),
        "by_status": {s.value: count for s, count in status.by_status.items()},
        "by_destination": [{"channel_id": row.channel_id, "kind": row.kind,
                            "name": STATIONS_NAME if row.kind == STATIONS else row.name,
                            "counts": {s.value: count for s, count in row.counts.items()}}
                           for row in status.by_destination],
        "waiting": {"count": status.waiting, "oldest_due_at": _utc(status.oldest_waiting),
                    "late_seconds": _seconds(status.late_by) if status.late_by is not None else None,
                    "ready": status.ready, "oldest_ready_due_at": _utc(status.oldest_ready)},
        "stuck_claims": _claims_json(status.stuck, status.now),
        "live_claims": _claims_json(status.holding, status.now),
        "paused_channels": _channels_json(status.paused),
        "uncertain": status.uncertain,
        "channels_needing_attention": _channels_json(status.needing_attention),
        "switched_off_channels": _channels_json(status.switched_off),
    }
