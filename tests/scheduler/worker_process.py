"""A dispatcher worker as its own process, for tests that kill workers or run several at once.

    python -m tests.scheduler.worker_process tick  --name N --clock-start ISO [--pause 0.05]
    python -m tests.scheduler.worker_process claim --name N --now ISO --out FILE [--limit 100]

Both read LOA_DATABASE_URL; `tick` also reads LOA_CREDENTIALS_KEY to unseal channel secrets and
LOA_WEBHOOK_ALLOWED_HOSTS, as `loa worker` does, for a local webhook receiver it may post to.

`tick` runs `run_tick` back to back until it is killed. Its clock starts at --clock-start and runs at
real speed: a test restarts a worker "after the dead one's leases ran out" by starting the new one's
clock there, instead of waiting out a five-minute lease.

`claim` prints `ready`, waits for its standard input to close (so several claimers start together),
calls `claim_due` until nothing is left, and writes the ids it was given to --out as JSON.

`start_worker(...)` starts either from a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from campaigns.credentials import unseal
from campaigns.destinations import parse_allowed_hosts
from content.db import make_engine, make_session_factory
from scheduler.channels import Endpoints
from scheduler.dispatch import claim_due, run_tick
from scheduler.sending import DispatchSettings

ROOT = Path(__file__).resolve().parents[2]


def start_worker(*args: str, database_url: str, log: Path, credentials_key: str = "", webhook_allowed_hosts: str = "",
                 stdin: int | None = None, stdout: int | None = None) -> subprocess.Popen[str]:
    """Start `python -m tests.scheduler.worker_process ARGS`; its stderr goes to `log` for failure messages."""
    env = {**os.environ, "LOA_DATABASE_URL": database_url, "LOA_CREDENTIALS_KEY": credentials_key,
           "LOA_WEBHOOK_ALLOWED_HOSTS": webhook_allowed_hosts,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with log.open("a", encoding="utf-8") as errors:
        return subprocess.Popen([sys.executable, "-m", "tests.scheduler.worker_process", *args], cwd=ROOT, env=env,
                                stdin=stdin, stdout=stdout, stderr=errors, text=True)


def running_clock(start: datetime) -> Callable[[], datetime]:
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def tick_forever(url: str, *, name: str, clock: Callable[[], datetime], pause: float) -> None:
    key = os.environ["LOA_CREDENTIALS_KEY"]
    endpoints = Endpoints(webhook_allowed_hosts=parse_allowed_hosts(os.environ.get("LOA_WEBHOOK_ALLOWED_HOSTS")))
    settings = DispatchSettings(base_url="https://loa.example.vn", unseal=lambda token: unseal(key, token),
                                endpoints=endpoints)
    factory = make_session_factory(make_engine(url))
    while True:
        if not run_tick(factory, now=clock(), worker=name, settings=settings).claimed:
            time.sleep(pause)  # nothing due: a real worker would wait for its next tick


def claim_until_empty(url: str, *, name: str, now: datetime, limit: int) -> list[int]:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    claimed: list[int] = []
    try:
        # Connect before the start signal, so connecting is not part of the race. Not through the
        # session: a transaction left open there would stop claim_due beginning its own as a writer.
        with engine.connect():
            pass
        print("ready", flush=True)
        sys.stdin.read()
        with factory() as session:
            while batch := claim_due(session, now=now, worker=name, limit=limit):
                claimed += [delivery_id for delivery_id, _ in batch]
    finally:
        engine.dispose()
    return claimed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A Loa dispatcher worker for process-level tests")
    commands = parser.add_subparsers(dest="command", required=True)
    tick = commands.add_parser("tick")
    tick.add_argument("--name", required=True)
    tick.add_argument("--clock-start", type=datetime.fromisoformat, required=True)
    tick.add_argument("--pause", type=float, default=0.05)
    claim = commands.add_parser("claim")
    claim.add_argument("--name", required=True)
    claim.add_argument("--now", type=datetime.fromisoformat, required=True)
    claim.add_argument("--limit", type=int, default=100)
    claim.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    url = os.environ["LOA_DATABASE_URL"]
    if args.command == "tick":
        tick_forever(url, name=args.name, clock=running_clock(args.clock_start), pause=args.pause)
    else:
        ids = claim_until_empty(url, name=args.name, now=args.now, limit=args.limit)
        args.out.write_text(json.dumps(ids), encoding="utf-8")


if __name__ == "__main__":
    main()
