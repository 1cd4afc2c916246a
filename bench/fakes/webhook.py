"""A webhook receiver that checks Loa's signature and remembers every idempotency key it accepted.

A repeated key is answered 200 with the first answer's id (the idempotent reply a careful receiver
gives) and counted as a duplicate, so a test can tell "arrived twice" from "arrived once".
Bad signatures, stale timestamps and a header key that differs from the body's are refused 401/400.

In a test: `with WebhookReceiver("khóa") as receiver: ...`, then `receiver.accepted`,
`receiver.duplicates`. As its own process (for crash tests and benchmarks):

    python -m bench.fakes.webhook --secret S --record /tmp/keys.jsonl [--port N] [--latency 0.005]
                                  [--fail-fraction 0.1]

prints `listening http://127.0.0.1:PORT` once ready and appends one JSON line per accepted, duplicate
or failed delivery to the record file, flushed at once; `read_record(path)` reads it back and
`spawn_receiver(...)` does all of it from Python.

`--fail-fraction F` answers that share of well-signed requests 500 without accepting their key (a
destination that is partly down), drawn from a seeded generator so runs are alike.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import IO

from bench.fakes.server import FakeServer, Reply, Request
from scheduler.channels.webhook import verify_signature

ROOT = Path(__file__).resolve().parents[2]


class WebhookReceiver(FakeServer):
    def __init__(self, secret: str, *, record: Path | None = None, tolerance: float = 300,
                 clock: Callable[[], float] = time.time, latency: float = 0.0, fail_fraction: float = 0.0,
                 seed: int = 13) -> None:
        super().__init__()
        if not 0 <= fail_fraction < 1:
            raise ValueError("fail_fraction must be at least 0 and below 1")
        self.secret, self.tolerance, self.clock, self.latency = secret, tolerance, clock, latency
        self.fail_fraction, self._dice = fail_fraction, random.Random(seed)
        self.accepted: dict[str, str] = {}  # idempotency key -> the id we answered with
        self.duplicates: list[str] = []
        self.failed: list[str] = []  # keys answered 500 by --fail-fraction, not accepted
        self.refused: list[tuple[int, str]] = []  # (status, reason)
        self._ids = count(1)
        self._keys = threading.Lock()
        self._record: IO[str] | None = record.open("a", encoding="utf-8", buffering=1) if record else None

    def throttled_reply(self, retry_after: int) -> Reply:
        return Reply.json({"error": "quá nhiều yêu cầu"}, status=429, headers={"Retry-After": str(retry_after)})

    def error_reply(self, status: int) -> Reply:
        return Reply.json({"error": "lỗi máy chủ"}, status=status)

    def bad_token_reply(self) -> Reply:
        return Reply.json({"error": "chữ ký không hợp lệ"}, status=401)

    def handle(self, request: Request) -> Reply:
        if self.latency:
            time.sleep(self.latency)
        if request.method != "POST":
            return self._refuse(405, "chỉ nhận POST")
        if request.content_type != "application/json":
            return self._refuse(415, "cần application/json")
        if not verify_signature(self.secret, request.headers.get("x-loa-timestamp"), request.body,
                                request.headers.get("x-loa-signature"), now=self.clock(), tolerance=self.tolerance):
            return self._refuse(401, "chữ ký sai hoặc đã quá hạn")
        try:
            payload = request.json()
        except ValueError:
            return self._refuse(400, "thân không phải JSON")
        key = request.headers.get("idempotency-key")
        if not key or not isinstance(payload, dict) or payload.get("idempotency_key") != key:
            return self._refuse(400, "Idempotency-Key thiếu hoặc khác với thân")
        with self._keys:
            if self.fail_fraction and self._dice.random() < self.fail_fraction:
                self.failed.append(key)
                self._write(key, "", duplicate=False, failed=True)
                return self.error_reply(500)
            duplicate = key in self.accepted
            if duplicate:
                self.duplicates.append(key)
            else:
                self.accepted[key] = f"wh-{next(self._ids)}"
            known = self.accepted[key]
            self._write(key, known, duplicate=duplicate)
        return Reply.json({"id": known, "received": True})

    def _write(self, key: str, remote_id: str, *, duplicate: bool, failed: bool = False) -> None:
        if self._record is not None:
            entry = {"key": key, "id": remote_id, "duplicate": duplicate, "at": time.time()}
            self._record.write(json.dumps({**entry, "failed": True} if failed else entry) + "\n")

    def _refuse(self, status: int, reason: str) -> Reply:
        with self._keys:
            self.refused.append((status, reason))
        return Reply.json({"error": reason}, status=status)

    def stop(self) -> None:
        super().stop()
        if self._record is not None:
            self._record.close()
            self._record = None



@dataclass(frozen=True)
class Record:
    accepted: list[str]  # keys in the order they first arrived
    duplicates: list[str]  # keys that arrived again after being accepted
    failed: list[str] = field(default_factory=list)  # keys answered 500 by --fail-fraction (maybe accepted later)


def read_record(path: Path) -> Record:
    """What a receiver process recorded; a torn last line (the receiver was killed mid-write) is skipped."""
    record = Record([], [], [])
    if not path.exists():
        return record
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        kept = record.failed if entry.get("failed") else record.duplicates if entry["duplicate"] else record.accepted
        kept.append(entry["key"])
    return record


@dataclass
class ReceiverProcess:
    process: subprocess.Popen[str]
    url: str
    record: Path

    def read(self) -> Record:
        return read_record(self.record)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def spawn_receiver(secret: str, record: Path, *, port: int = 0, latency: float = 0.0, fail_fraction: float = 0.0,
                   startup_timeout: float = 10.0) -> Iterator[ReceiverProcess]:
    """Run a receiver in its own process for the duration of the block."""
    command = [sys.executable, "-m", "bench.fakes.webhook", "--secret", secret, "--record", str(record),
               "--port", str(port), "--latency", str(latency), "--fail-fraction", str(fail_fraction)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    receiver = None
    try:
        deadline = time.monotonic() + startup_timeout
        line = ""
        assert process.stdout is not None
        while time.monotonic() < deadline and not line.startswith("listening "):
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                raise RuntimeError(f"webhook receiver exited with {process.returncode}")
        if not line.startswith("listening "):
            raise RuntimeError("webhook receiver did not start in time")
        receiver = ReceiverProcess(process, line.split()[1], record)
        yield receiver
    finally:
        if receiver is not None:
            receiver.stop()
        elif process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Loa's test webhook receiver")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--record", type=Path, required=True, help="JSON lines: one per accepted or duplicate key")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds to wait before answering")
    parser.add_argument("--tolerance", type=float, default=300)
    parser.add_argument("--fail-fraction", type=float, default=0.0, help="share of requests answered 500")
    args = parser.parse_args(argv)
    receiver = WebhookReceiver(args.secret, record=args.record, tolerance=args.tolerance, latency=args.latency,
                               fail_fraction=args.fail_fraction)
    receiver.keep_requests = False

    def ready(url: str) -> None:
        print(f"listening {url}", flush=True)

    try:
        receiver.serve_forever(args.port, ready=ready)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
