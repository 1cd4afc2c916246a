"""A webhook receiver that checks Loa's signature and remembers every idempotency key it accepted.

A repeated key is answered 200 with the first answer's id (the idempotent reply a careful receiver
gives) and counted as a duplicate, so a test can tell "arrived twice" from "arrived once".
Bad signatures, stale timestamps and a header key that differs from the body's are refused 401/400.

In a test: `with WebhookReceiver("khóa") as receiver: ...`, then `receiver.accepted`,
`receiver.duplicates`. As its own process (for crash tests and benchmarks):

    python -m bench.fakes.webhook --secret S --record /tmp/keys.jsonl [--port N] [--latency 0.005]

prints `listening http://127.0.0.1:PORT` once ready and appends one JSON line per accepted or
duplicate delivery to the record file, flushed at once; `read_record(path)` reads it back and
`spawn_receiver(...)` does all of it from Python.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import IO

from bench.fakes.server import FakeServer, Reply, Request
from scheduler.channels.webhook import verify_signature

ROOT = Path(__file__).resolve().parents[2]


class WebhookReceiver(FakeServer):
    def __init__(self, secret: str, *, record: Path | None = None, tolerance: float = 300,
                 clock: Callable[[], float] = time.time, latency: float = 0.0) -> None:
        super().__init__()
        self.secret, self.tolerance, self.clock, self.latency = secret, tolerance, clock, latency
        self.accepted: dict[str, str] = {}  # idempotency key -> the id we answered with
        self.duplicates: list[str] = []
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
            duplicate = key in self.accepted
            if duplicate:
                self.duplicates.append(key)
            else:
                self.accepted[key] = f"wh-{next(self._ids)}"
            known = self.accepted[key]
            self._write(key, known, duplicate=duplicate)
        return Reply.json({"id": known, "received": True})

    def _write(self, key: str, remote_id: str, *, duplicate: bool) -> None:
        if self._record is not None:
            self._record.write(json.dumps({"key": key, "id": remote_id, "duplicate": duplicate,
                                           "at": time.time()}) + "\n")

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


def read_record(path: Path) -> Record:
    """What a receiver process recorded; a torn last line (the receiver was killed mid-write) is skipped."""
    accepted: list[str] = []
    duplicates: list[str] = []
    if not path.exists():
        return Record(accepted, duplicates)
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        (duplicates if entry["duplicate"] else accepted).append(entry["key"])
    return Record(accepted, duplicates)


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
def spawn_receiver(secret: str, record: Path, *, port: int = 0, latency: float = 0.0,
                   startup_timeout: float = 10.0) -> Iterator[ReceiverProcess]:
    """Run a receiver in its own process for the duration of the block."""
    command = [sys.executable, "-m", "bench.fakes.webhook", "--secret", secret, "--record", str(record),
               "--port", str(port), "--latency", str(latency)]
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
    args = parser.parse_args(argv)
    receiver = WebhookReceiver(args.secret, record=args.record, tolerance=args.tolerance, latency=args.latency)
    receiver.keep_requests = False

    def ready(url: str) -> None:
        print(f"listening {url}", flush=True)

    try:
        receiver.serve_forever(args.port, ready=ready)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
