"""Any receiver over HTTPS: a signed JSON POST, and `verify_signature` for receivers to check it.

Settings: `url`. The channel's secret is the HMAC key. Headers:
  X-Loa-Timestamp: unix seconds when signed
  X-Loa-Signature: sha256=<hex HMAC-SHA256 of f"{timestamp}.{body}">
  Idempotency-Key: the delivery's key, also in the body; a receiver drops what it has seen
Any 2xx is success; the external id is the receiver's JSON "id", else the idempotency key.
Signing the timestamp with the body lets a receiver refuse replays of an old request.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from datetime import datetime, timezone

import requests

from scheduler.channels.contract import ChannelError, Outgoing
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, make_session, status_error

PLATFORM = "Webhook"
SCHEME = "sha256="
TOLERANCE = 300  # seconds either side of the receiver's clock


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return SCHEME + digest.hexdigest()


def verify_signature(secret: str, timestamp: str | None, body: bytes | str, header: str | None, *,
                     now: float | datetime, tolerance: float = TOLERANCE) -> bool:
    """True if `header` signs this timestamp and body with `secret`, and the timestamp is recent."""
    if not secret or not timestamp or not header or not header.startswith(SCHEME):
        return False
    try:
        signed_at = int(timestamp)
    except ValueError:
        return False
    current = now.timestamp() if isinstance(now, datetime) else now
    if abs(current - signed_at) > tolerance:
        return False
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return hmac.compare_digest(sign(secret, timestamp, raw), header)


class SignedWebhook:
    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.http = http or make_session()
        self.timeout = timeout
        self.clock = clock

    def send(self, outgoing: Outgoing) -> str:
        url, secret = outgoing.settings.get("url"), outgoing.secret
        if not url:
            raise ChannelError("Webhook: cấu hình kênh thiếu địa chỉ nhận (url).", retryable=False, needs_attention=True)
        if not secret:
            raise ChannelError("Webhook: kênh chưa có khóa ký (secret). Quản trị viên cần nhập khóa bí mật.",
                               retryable=False, needs_attention=True)
        now = self.clock()
        timestamp = str(int(now))
        body = json.dumps({
            "id": outgoing.delivery_id,
            "idempotency_key": outgoing.idempotency_key,
            "title": outgoing.title,
            "text": outgoing.text,
            "url": outgoing.url,
            "link": outgoing.share_link,
            "image_url": outgoing.image_url,
            "sent_at": datetime.fromtimestamp(now, timezone.utc).isoformat(),
        }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-Loa-Timestamp": timestamp,
            "X-Loa-Signature": sign(secret, timestamp, body),
            "Idempotency-Key": outgoing.idempotency_key,
        }
        # A redirect would be followed as a GET without the body: report it instead.
        response = call(self.http, "POST", str(url), platform=PLATFORM, timeout=self.timeout, data=body,
                        headers=headers, allow_redirects=False)
        if 200 <= response.status_code < 300:
            remote_id = (json_body(response) or {}).get("id")
            return str(remote_id) if remote_id not in (None, "") else outgoing.idempotency_key
        if 300 <= response.status_code < 400:
            raise ChannelError(f"Webhook: địa chỉ nhận chuyển hướng (HTTP {response.status_code}); "
                               "hãy cập nhật url của kênh.", retryable=False, needs_attention=True)
        raise status_error(PLATFORM, response)
