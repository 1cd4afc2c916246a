"""The dispatch-workers benchmark works at a small size: a real `loa worker` process sends every delivery to the
receiver process, and the round's tally says when a delivery is lost or received twice; the receiver's failing
mode answers 500 without accepting the key.

Not a timing test: the benchmark's own figures come from `python -m bench.dispatch_workers`.
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
import requests

from bench.dispatch import SECRET
from bench.dispatch_rounds import Round, Settings, Tally, percentile, tally
from bench.dispatch_workers import make_bench
from bench.fakes.webhook import Record, WebhookReceiver, read_record, spawn_receiver
from campaigns.credentials import generate_key
from scheduler.channels.webhook import sign

DELIVERIES = 40


def test_a_round_sends_every_delivery_once_through_a_real_worker_process(session_factory, database_url, tmp_path):
    settings = Settings(deliveries=DELIVERIES, fail_fraction=0.0, lease=20, tick=0.5, give_up=120)
    bench = make_bench(session_factory, database_url, generate_key(), settings, tmp_path)
    with spawn_receiver(SECRET, tmp_path / "received.jsonl") as receiver:
        result = bench.round(bench.target(receiver, "Webhook Xã Hòa Bình thử nghiệm"), "thử", workers=1)
        accepted = receiver.read().accepted
    assert result.finished, result.problems()
    assert result.problems() == []
    assert result.tally == Tally(lost=0, unsent=0, duplicates=0, doubled_keys=0, refused_500=0)
    assert result.statuses == {"sent": DELIVERIES} and result.sent == DELIVERIES
    assert len(accepted) == len(set(accepted)) == DELIVERIES
    assert len(result.lateness) == DELIVERIES and all(0 <= late < 120 for late in result.lateness)
    assert 0 < result.seconds < 120 and result.max_attempts == 1


def test_the_tally_reports_lost_unsent_and_doubled_deliveries():
    keys = {"loa-a", "loa-b", "loa-c", "loa-d"}
    statuses = {"loa-a": "sent", "loa-b": "sent", "loa-c": "failed", "loa-d": "planned"}
    record = Record(accepted=["loa-a", "loa-khac"], duplicates=["loa-a", "loa-a", "loa-khac"],
                    failed=["loa-c", "loa-khac"])
    found = tally(keys, statuses, record)
    # b is marked sent but never arrived, c was given up on: both lost; d was never sent; a arrived three times.
    assert found == Tally(lost=2, unsent=1, duplicates=2, doubled_keys=1, refused_500=1)
    result = Round("thử", 1, 4, 10.0, False, [1.0, 2.0, 3.0, 9.0], found, 3, {"sent": 2, "failed": 1, "planned": 1},
                   "500 lỗi máy chủ")
    problems = " ".join(result.problems())
    assert "UNFINISHED: 1 of 4" in problems and "LOST: 2" in problems and "GAVE UP: 1" in problems
    assert result.progress() == "only 2 of 4 sent when given up at 10 s, 0/s"


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0)) == (50.0, 95.0, 100.0)
    assert percentile([7.0], 0.95) == 7.0


def _post(url: str, key: str) -> requests.Response:
    body = json.dumps({"idempotency_key": key, "text": "Cảnh giác lừa đảo qua điện thoại"}).encode("utf-8")
    stamp = str(int(time.time()))
    return requests.post(url, data=body, timeout=5, headers={
        "Content-Type": "application/json; charset=utf-8", "X-Loa-Timestamp": stamp,
        "X-Loa-Signature": sign(SECRET, stamp, body), "Idempotency-Key": key})


def test_a_failing_receiver_answers_a_share_500_without_accepting_those_keys(tmp_path):
    record = tmp_path / "failing.jsonl"
    receiver = WebhookReceiver(SECRET, record=record, fail_fraction=0.3)
    with receiver:
        keys = [f"loa-{uuid.uuid4().hex}" for _ in range(60)]
        answers = {key: _post(receiver.url, key).status_code for key in keys}
        failed = [key for key, status in answers.items() if status == 500]
        assert set(answers.values()) == {200, 500} and 5 <= len(failed) <= 35
        assert set(receiver.failed) == set(failed) and not set(failed) & set(receiver.accepted)
        # Sent again, a failed key is accepted in the end, and not as a duplicate.
        retried = failed[0]
        assert any(_post(receiver.url, retried).status_code == 200 for _ in range(30))
        assert retried in receiver.accepted and retried not in receiver.duplicates
    written = read_record(record)
    assert written.failed == receiver.failed and set(written.accepted) == set(receiver.accepted)


def test_a_receiver_cannot_fail_every_request():
    with pytest.raises(ValueError):
        WebhookReceiver(SECRET, fail_fraction=1.0)
