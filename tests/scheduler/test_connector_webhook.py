"""The signed webhook connector against a local receiver that checks signatures and counts idempotency keys."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from bench.fakes.samples import TITLE, make_outgoing
from bench.fakes.server import Reply
from bench.fakes.webhook import WebhookReceiver, read_record, spawn_receiver
from campaigns.destinations import parse_allowed_hosts
from scheduler.channels import REGISTRY, ChannelError, Endpoints
from scheduler.channels.webhook import SignedWebhook, sign, verify_signature

SECRET = "whsec_thon-dong-son_5b7e"
# The receivers run on this machine: allowed the way an operator allows a private host.
LOCAL = parse_allowed_hosts("127.0.0.1")
SIGNED_AT = 1_756_792_800  # 2025-09-02 06:00 UTC


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver(SECRET, clock=lambda: SIGNED_AT + 2) as fake:
        yield fake


def send(fake: WebhookReceiver, *, secret: str | None = SECRET, timeout: float = 0.3, clock=lambda: SIGNED_AT,
         **overrides) -> str:
    settings = {"url": f"{fake.url}/loa/hook", **overrides.pop("settings", {})}
    return SignedWebhook(timeout=timeout, clock=clock, allowed_hosts=LOCAL).send(
        make_outgoing(settings, secret=secret, **overrides))


def failure(fake: WebhookReceiver, **kwargs) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        send(fake, **kwargs)
    assert SECRET not in str(caught.value)
    return caught.value


def test_webhook_is_registered_with_the_operators_allowed_hosts():
    connector = REGISTRY["webhook"](Endpoints(webhook_allowed_hosts=LOCAL))
    assert isinstance(connector, SignedWebhook) and connector.allowed_hosts == LOCAL


def test_a_delivery_arrives_signed_with_its_idempotency_key(receiver):
    external_id = send(receiver, image_url="https://loa.hoaphong.example/media/anh.jpg")
    request = receiver.requests[-1]
    assert request.path == "/loa/hook" and request.content_type == "application/json"
    assert request.headers["idempotency-key"] == "dlv-4101-7f3a9c"
    assert request.headers["x-loa-timestamp"] == str(SIGNED_AT)
    assert request.headers["x-loa-signature"] == sign(SECRET, str(SIGNED_AT), request.body)
    body = request.json()
    assert body["id"] == 4101 and body["idempotency_key"] == "dlv-4101-7f3a9c" and body["title"] == TITLE
    assert body["link"] == "https://loa.hoaphong.example/r/k7Qm2"
    assert body["image_url"] == "https://loa.hoaphong.example/media/anh.jpg"
    assert body["sent_at"] == "2025-09-02T06:00:00+00:00"
    assert external_id == receiver.accepted["dlv-4101-7f3a9c"]


def test_without_an_id_in_the_answer_the_idempotency_key_is_the_external_id(receiver):
    receiver.queue(Reply(204))
    assert send(receiver) == "dlv-4101-7f3a9c"


def test_sending_the_same_delivery_twice_is_seen_as_a_duplicate(receiver):
    first, second = send(receiver), send(receiver)
    assert first == second and list(receiver.accepted) == ["dlv-4101-7f3a9c"]
    assert receiver.duplicates == ["dlv-4101-7f3a9c"]


def test_a_wrong_secret_is_refused_and_flags_the_channel(receiver):
    error = failure(receiver, secret="whsec_sai")
    assert not error.retryable and error.needs_attention and "401" in str(error)
    assert receiver.accepted == {} and receiver.refused[-1][0] == 401


def test_a_forbidden_answer_flags_the_channel(receiver):
    receiver.queue(Reply.json({"error": "bị chặn"}, status=403))
    assert failure(receiver).needs_attention


def test_a_429_is_retried_after_the_seconds_in_retry_after(receiver):
    receiver.throttle(retry_after=30)
    error = failure(receiver)
    assert error.retryable and error.retry_after == 30


def test_a_503_with_a_retry_after_date_is_retried_after_that_date(receiver):
    when = datetime.now(timezone.utc) + timedelta(seconds=120)
    receiver.queue(Reply.json({"error": "bảo trì"}, status=503, headers={"Retry-After": format_datetime(when, usegmt=True)}))
    error = failure(receiver)
    assert error.retryable and 100 < error.retry_after <= 120


def test_a_server_error_is_retried(receiver):
    receiver.fail(status=500)
    error = failure(receiver)
    assert error.retryable and not error.needs_attention


def test_a_slow_receiver_is_given_up_on_within_the_timeout_and_retried(receiver):
    receiver.delay(2.0)
    started = time.monotonic()
    error = failure(receiver, timeout=0.3)
    assert error.retryable and time.monotonic() - started < 1.0


def test_another_client_error_is_final(receiver):
    receiver.queue(Reply.json({"error": "không hiểu"}, status=422))
    error = failure(receiver)
    assert not error.retryable and not error.needs_attention and "422" in str(error)


def test_a_redirect_is_not_followed_and_flags_the_channel(receiver):
    receiver.queue(Reply(301, headers={"Location": "https://noi-khac.example/hook"}))
    error = failure(receiver)
    assert error.needs_attention and "301" in str(error) and len(receiver.requests) == 1


def test_a_channel_without_url_or_secret_flags_the_channel(receiver):
    assert failure(receiver, settings={"url": ""}).needs_attention
    assert failure(receiver, secret=None).needs_attention
    assert receiver.requests == []


# -- verify_signature, for receivers --------------------------------------------------------------

BODY = json.dumps({"idempotency_key": "dlv-7", "text": "Thôn Tây Hồ họp dân lúc 19 giờ"}, ensure_ascii=False).encode()


def test_a_good_signature_verifies():
    header = sign(SECRET, str(SIGNED_AT), BODY)
    assert verify_signature(SECRET, str(SIGNED_AT), BODY, header, now=SIGNED_AT + 10)


def test_the_signature_also_verifies_against_a_datetime_and_a_str_body():
    header = sign(SECRET, str(SIGNED_AT), BODY)
    now = datetime.fromtimestamp(SIGNED_AT, timezone.utc)
    assert verify_signature(SECRET, str(SIGNED_AT), BODY.decode(), header, now=now)


def test_a_tampered_body_does_not_verify():
    header = sign(SECRET, str(SIGNED_AT), BODY)
    tampered = BODY.replace("19 giờ".encode(), "21 giờ".encode())
    assert not verify_signature(SECRET, str(SIGNED_AT), tampered, header, now=SIGNED_AT)


def test_a_changed_timestamp_does_not_verify():
    header = sign(SECRET, str(SIGNED_AT), BODY)
    assert not verify_signature(SECRET, str(SIGNED_AT + 60), BODY, header, now=SIGNED_AT + 60)


def test_a_stale_timestamp_does_not_verify():
    header = sign(SECRET, str(SIGNED_AT), BODY)
    assert not verify_signature(SECRET, str(SIGNED_AT), BODY, header, now=SIGNED_AT + 301)
    assert verify_signature(SECRET, str(SIGNED_AT), BODY, header, now=SIGNED_AT + 301, tolerance=600)


@pytest.mark.parametrize("header", [None, "", "sha1=abc", "sha256=", "sha256=00ff"])
def test_a_missing_or_malformed_signature_does_not_verify(header):
    assert not verify_signature(SECRET, str(SIGNED_AT), BODY, header, now=SIGNED_AT)


@pytest.mark.parametrize("timestamp", [None, "", "hôm qua"])
def test_a_missing_or_malformed_timestamp_does_not_verify(timestamp):
    header = sign(SECRET, str(SIGNED_AT), BODY)
    assert not verify_signature(SECRET, timestamp, BODY, header, now=SIGNED_AT)


def test_the_receiver_refuses_a_replayed_old_request(receiver):
    error = failure(receiver, clock=lambda: SIGNED_AT - 3600)
    assert "401" in str(error) and receiver.accepted == {}


# -- the receiver as its own process ----------------------------------------------------------------

def test_the_receiver_runs_as_a_process_and_records_what_it_accepted(tmp_path):
    record = tmp_path / "keys.jsonl"
    with spawn_receiver(SECRET, record) as process:
        connector = SignedWebhook(timeout=2.0, allowed_hosts=LOCAL)
        settings = {"url": f"{process.url}/hook"}
        for key in ("dlv-1", "dlv-2", "dlv-1"):
            connector.send(make_outgoing(settings, secret=SECRET, idempotency_key=key))
        recorded = process.read()
    assert recorded.accepted == ["dlv-1", "dlv-2"] and recorded.duplicates == ["dlv-1"]
    assert read_record(record) == recorded


def test_a_torn_last_line_in_the_record_is_skipped(tmp_path):
    record = tmp_path / "keys.jsonl"
    record.write_text('{"key": "dlv-1", "id": "wh-1", "duplicate": false, "at": 1}\n{"key": "dlv-2", "id"')
    assert read_record(record).accepted == ["dlv-1"]
