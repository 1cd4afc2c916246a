"""Any receiver over HTTPS: a signed JSON POST, and `verify_signature` for receivers to check it.

Settings: `url`. The channel's secret is the HMAC key. Headers:
  X-Loa-Timestamp: unix seconds when signed
  X-Loa-Signature: sha256=<hex HMAC-SHA256 of f"{timestamp}.{body}">
  Idempotency-Key: the delivery's key, also in the body; a receiver drops what it has seen
Any 2xx is success; the external id is the receiver's JSON "id", else the idempotency key.
Signing the timestamp with the body lets a receiver refuse replays of an old request.

Only public addresses are posted to (campaigns.destinations): the URL is checked after resolving
it, and the session checks the address each connection actually reached, so a name that
resolves differently the second time (DNS rebinding) is caught too. Hosts named in
LOA_WEBHOOK_ALLOWED_HOSTS are exempt. A refused destination fails the delivery and flags the
channel. Redirects are never followed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from datetime import datetime, timezone

import requests

from campaigns.destinations import Resolver, check_webhook_url, system_resolver
from scheduler.channels.contract import ChannelError, Outgoing
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, status_error
from scheduler.channels.public_only import DestinationRefused, public_only_session

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
    # The receiver drops a key it has seen: after an ambiguous failure, sending again is safe.
    deduplicates = True

    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 clock: Callable[[], float] = time.time, allowed_hosts: frozenset[str] = frozenset(),
                 resolve: Resolver = system_resolver) -> None:
        """:param allowed_hosts: private hosts the operator allows, normalized (LOA_WEBHOOK_ALLOWED_HOSTS)."""
        self.http = http or public_only_session(allowed_hosts)
        self.timeout = timeout
        self.clock = clock
        self.allowed_hosts = allowed_hosts
        self.resolve = resolve

    def send(self, outgoing: Outgoing) -> str:
        url, secret = outgoing.settings.get("url"), outgoing.secret
        if not url:
            raise ChannelError("Webhook: cấu hình kênh thiếu địa chỉ nhận (url).", retryable=False, needs_attention=True)
        if not secret:
            raise ChannelError("Webhook: kênh chưa có khóa ký (secret). Quản trị viên cần nhập khóa bí mật.",
                               retryable=False, needs_attention=True)
        refusal = check_webhook_url(str(url), allowed_hosts=self.allowed_hosts, resolve=self.resolve)
        if refusal:
            raise _refused(refusal)
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
        try:
            response = call(self.http, "POST", str(url), platform=PLATFORM, timeout=self.timeout, data=body,
                            headers=headers, allow_redirects=False)
        except DestinationRefused as refused:
            raise _refused(str(refused)) from None
        except ChannelError as error:
            if not error.ambiguous:
                raise
            # Still ambiguous (the dispatcher keeps that), but nobody needs to check: the receiver drops repeats.
            raise ChannelError("Webhook: đã gửi đi nhưng không nhận được trả lời; sẽ gửi lại, nơi nhận bỏ qua bản "
                               "trùng nhờ Idempotency-Key.", retryable=True, ambiguous=True) from None
        if 200 <= response.status_code < 300:
            remote_id = (json_body(response) or {}).get("id")
            return str(remote_id) if remote_id not in (None, "") else outgoing.idempotency_key
        if 300 <= response.status_code < 400:
            raise ChannelError(f"Webhook: địa chỉ nhận chuyển hướng (HTTP {response.status_code}); "
                               "hãy cập nhật url của kênh.", retryable=False, needs_attention=True)
        raise status_error(PLATFORM, response)


def _refused(reason: str) -> ChannelError:
    return ChannelError(f"Webhook: {reason[0].lower()}{reason[1:]} Hãy sửa địa chỉ nhận của kênh.",
                        retryable=False, needs_attention=True, final=True)
