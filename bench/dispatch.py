"""Dispatching on PostgreSQL, each figure against the least work that reaches the same end.

- 10,000 due deliveries to one signed webhook channel, sent by 1 and then by 2 worker processes
  (each a loop of `run_tick`, what `loa worker` runs on every tick), against a plain loop of
  `requests` POSTs of the same signed body to the same receiver process;
- a plan for one province fanned out to a station in each of its 3,321 communes (as many as the
  whole country has) with `plan_message`, against a bare bulk INSERT of the same rows.

The receiver is the webhook fake the tests use too (bench/fakes/webhook.py) in its own process: it checks every
signature and records every key, so the dispatcher's figure is checked, not just timed.

PostgreSQL comes from LOA_BENCH_DATABASE_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test).
Its public schema is DROPPED and recreated: never point it at a database you need.
LOA_BENCH_DELIVERIES changes the 10,000, for a quicker look.
"""

from __future__ import annotations

import json
import os
import queue
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bench.postgres import fresh_database
from bench.timing import Comparison, Timing, measure_pair

TITLE = "Dispatching (PostgreSQL)"
DELIVERIES = int(os.environ.get("LOA_BENCH_DELIVERIES", "10000"))
COMMUNES = 3_321
BASELINE_POSTS = 1_000  # per round; three rounds, around the worker runs
SECRET = "khoa-ky-do-hieu-nang"
BASE_URL = "https://loa.example.vn"
START = datetime(2026, 1, 5, 1, 0, tzinfo=timezone.utc)
# The receiver runs on this machine: LOA_WEBHOOK_ALLOWED_HOSTS as an operator would set it (normalized).
LOCAL_RECEIVER = frozenset({"127.0.0.1"})


def run() -> list[Comparison]:
    url = fresh_database()
    if url is None:
        return []
    from campaigns.credentials import generate_key
    from content.db import make_engine, make_session_factory

    key = generate_key()
    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        with tempfile.TemporaryDirectory(prefix="loa-bench-") as tmpdir:
            return [*bench_sending(url, factory, key, Path(tmpdir)), bench_fan_out(factory)]
    finally:
        engine.dispose()


# --- the people, the province and the channel ---------------------------------------------------------------

def people(session):
    from content.models import Area, AreaKind, Role
    from content.users import create_user

    province = Area(code="B99", name="Tỉnh Đo Hiệu Năng", kind=AreaKind.PROVINCE, path="/B99/")
    session.add(province)
    session.flush()
    editor = create_user(session, actor=None, username="bientap", password="mat-khau-do-hieu-nang",
                         role=Role.EDITOR, area=province, full_name="Trần Thị Biên")
    approver = create_user(session, actor=None, username="pheduyet", password="mat-khau-do-hieu-nang",
                           role=Role.APPROVER, area=province, full_name="Lê Văn Duyệt")
    return province, editor, approver


def approved_message(session, province, editor, approver, n: int):
    from content.messages import MessageInput, create_message, transition_message
    from content.models import MessageKind

    message = create_message(session, editor, MessageInput(
        kind=MessageKind.ARTICLE, title=f"Cảnh giác với cuộc gọi giả danh công an (bản tin số {n})",
        summary="Công an không làm việc qua điện thoại, không yêu cầu chuyển tiền vào tài khoản lạ.",
        body_md="Người dân **không cung cấp mã OTP**, không chuyển tiền theo yêu cầu qua điện thoại.",
        area_id=province.id), now=START)
    transition_message(session, message, "submit", actor=editor, now=START)
    transition_message(session, message, "approve", actor=approver, now=START)
    return message


# --- 1. deliveries per second -------------------------------------------------------------------------------

def bench_sending(url: str, factory: sessionmaker[Session], key: str, tmpdir: Path) -> list[Comparison]:
    from bench.fakes.webhook import spawn_receiver
    from campaigns.credentials import set_channel_secret
    from campaigns.models import Channel, ChannelKind

    with spawn_receiver(SECRET, tmpdir / "received.jsonl") as receiver:
        with factory() as session:
            province, editor, approver = people(session)
            channel = Channel(kind=ChannelKind.WEBHOOK, name="Webhook đo hiệu năng", settings={"url": receiver.url})
            set_channel_secret(channel, key, SECRET)
            session.add(channel)
            messages = [approved_message(session, province, editor, approver, n) for n in (1, 2)]
            session.commit()
            channel_id, message_ids, approver_id = channel.id, [m.id for m in messages], approver.id
        body = connector_body(factory, key, channel_id, message_ids[0], approver_id)

        baseline_rounds = [post_loop(receiver.url, body, BASELINE_POSTS)]
        runs = []
        for workers, message_id in zip((1, 2), message_ids):
            due = _due_deliveries(factory, message_id, channel_id, approver_id, DELIVERIES)
            runs.append((workers, dispatch_with(url, key, workers, DELIVERIES)))
            _check_all_sent(factory, message_id, due, receiver.read().accepted)
            baseline_rounds.append(post_loop(receiver.url, body, BASELINE_POSTS))

    baseline = Timing.from_rounds(baseline_rounds, BASELINE_POSTS)
    return [
        Comparison(f"{workers} worker{'s' if workers > 1 else ''}: {DELIVERIES:,} deliveries, "
                   f"{1 / timing.median:,.0f}/s", timing, f"requests POST loop, {1 / baseline.median:,.0f}/s",
                   baseline, "ms")
        for workers, timing in runs
    ]


def connector_body(factory: sessionmaker[Session], key: str, channel_id: int, message_id: int,
                   approver_id: int) -> bytes:
    """The exact bytes the webhook connector sends for a delivery, so the baseline posts the same size."""
    import requests

    from campaigns.credentials import unseal
    from campaigns.models import Delivery
    from scheduler.channels import ChannelError
    from scheduler.channels.webhook import SignedWebhook
    from scheduler.sending import DispatchSettings, build_outgoing

    class Capture(requests.Session):
        body = b""

        def request(self, *args: Any, **kwargs: Any) -> requests.Response:
            Capture.body = kwargs["data"]
            raise requests.ConnectionError("captured, not sent")

    with factory() as session:
        [delivery] = insert_deliveries(session, message_id, channel_id, approver_id, 1)
        settings = DispatchSettings(base_url=BASE_URL, unseal=lambda token: unseal(key, token))
        outgoing = build_outgoing(session, session.get_one(Delivery, delivery), settings, now=START)
        session.rollback()  # neither the delivery nor its short link is kept
    try:
        SignedWebhook(http=Capture(), allowed_hosts=LOCAL_RECEIVER).send(outgoing)
    except ChannelError:
        pass
    if json.loads(Capture.body)["idempotency_key"] != outgoing.idempotency_key:
        raise AssertionError("the captured body is not the connector's")
    return Capture.body


def post_loop(url: str, body: bytes, count: int) -> float:
    """Seconds per POST: the same signed body, a fresh key each time, one requests.Session, one after another."""
    import requests

    from scheduler.channels.webhook import sign

    template = json.loads(body)
    bodies = []
    for _ in range(count):
        key = f"loa-{uuid.uuid4().hex}"
        bodies.append((key, json.dumps({**template, "idempotency_key": key}, ensure_ascii=False,
                                       separators=(",", ":")).encode("utf-8")))
    if len(bodies[0][1]) != len(body):
        raise AssertionError(f"baseline body is {len(bodies[0][1])} bytes, the connector's {len(body)}")
    with requests.Session() as http:
        started = time.perf_counter()
        for key, payload in bodies:
            stamp = str(int(time.time()))
            response = http.post(url, data=payload, timeout=10, headers={
                "Content-Type": "application/json; charset=utf-8", "X-Loa-Timestamp": stamp,
                "X-Loa-Signature": sign(SECRET, stamp, payload), "Idempotency-Key": key})
            if response.status_code != 200:
                raise AssertionError(f"the receiver refused the baseline POST: {response.status_code} {response.text}")
        return (time.perf_counter() - started) / count


def insert_deliveries(session: Session, message_id: int, channel_id: int, approver_id: int, count: int, *,
                      due_at: datetime = START) -> list[int]:
    from sqlalchemy import insert

    from campaigns.models import Delivery, DeliveryStatus

    rows = [{"message_id": message_id, "channel_id": channel_id, "due_at": due_at, "status": DeliveryStatus.PLANNED,
             "attempts": 0, "idempotency_key": f"loa-{uuid.uuid4().hex}", "created_at": START,
             "created_by_id": approver_id} for _ in range(count)]
    return list(session.scalars(insert(Delivery).returning(Delivery.id), rows))


def _due_deliveries(factory: sessionmaker[Session], message_id: int, channel_id: int, approver_id: int,
                    count: int) -> set[str]:
    from sqlalchemy import select

    from campaigns.models import Delivery

    with factory() as session:
        ids = insert_deliveries(session, message_id, channel_id, approver_id, count)
        keys = set(session.scalars(select(Delivery.idempotency_key).where(Delivery.id.in_(ids))))
        session.commit()
    return keys


def dispatch_with(url: str, key: str, workers: int, count: int) -> Timing:
    """Seconds per delivery for `workers` processes ticking until nothing is due, timed from a common start."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ready, done = context.Queue(), context.Queue()
    go = context.Event()
    processes = [context.Process(target=work, args=(url, key, f"bench-{n}", ready, go, done), daemon=True)
                 for n in range(1, workers + 1)]
    for process in processes:
        process.start()
    try:
        for _ in processes:
            ready.get(timeout=60)
        started = time.perf_counter()
        go.set()
        finished = 0
        while finished < len(processes):
            try:
                finished += bool(done.get(timeout=1))
            except queue.Empty:
                if crashed := [p.exitcode for p in processes if p.exitcode not in (None, 0)]:
                    raise RuntimeError(f"a worker process died (exit codes {crashed}); its traceback is above")
        elapsed = time.perf_counter() - started
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
    return Timing.from_rounds([elapsed / count], count)


def work(url: str, key: str, name: str, ready: Any, go: Any, done: Any) -> None:
    """One worker process: tick until a tick finds nothing due."""
    from campaigns.credentials import unseal
    from content.db import make_engine, make_session_factory
    from scheduler.channels import Endpoints
    from scheduler.dispatch import run_tick
    from scheduler.sending import DispatchSettings

    engine = make_engine(url)
    factory = make_session_factory(engine)
    settings = DispatchSettings(base_url=BASE_URL, unseal=lambda token: unseal(key, token),
                                endpoints=Endpoints(webhook_allowed_hosts=LOCAL_RECEIVER))
    with engine.connect():
        pass  # connected before the clock starts
    ready.put(name)
    go.wait()
    while run_tick(factory, now=datetime.now(timezone.utc), worker=name, settings=settings).claimed:
        pass
    done.put(name)
    engine.dispose()


def _check_all_sent(factory: sessionmaker[Session], message_id: int, keys: set[str], accepted: list[str]) -> None:
    from sqlalchemy import func, select

    from campaigns.models import Delivery, DeliveryStatus

    with factory() as session:
        statuses = dict(session.execute(select(Delivery.status, func.count()).where(Delivery.message_id == message_id)
                                        .group_by(Delivery.status)).all())
        error = session.scalar(select(Delivery.last_error).where(Delivery.message_id == message_id,
                                                                 Delivery.last_error.is_not(None)).limit(1))
    missing = keys - set(accepted)
    if statuses != {DeliveryStatus.SENT: len(keys)} or missing:
        raise AssertionError(f"not every delivery went out: {statuses}, {len(missing)} keys never reached the "
                             f"receiver; an error: {error}")


# --- 2. a province plan fanned out to every station ---------------------------------------------------------

def bench_fan_out(factory: sessionmaker[Session]) -> Comparison:
    from sqlalchemy import insert, select

    from campaigns.models import Delivery, DeliveryStatus, Station
    from campaigns.planning import PlanRequest, plan_message
    from content.models import Area, AreaKind, Message, Role, User

    rounds, warmup = 5, 1
    with factory() as session:
        province = session.scalars(select(Area).where(Area.code == "B99")).one()
        editor = session.scalars(select(User).where(User.role == Role.EDITOR)).one()
        approver = session.scalars(select(User).where(User.role == Role.APPROVER)).one()
        session.execute(insert(Area), [
            {"code": f"B99{n:05d}", "name": f"Xã Đo Hiệu Năng {n}", "kind": AreaKind.COMMUNE, "parent_id": province.id,
             "path": f"/B99/B99{n:05d}/"} for n in range(1, COMMUNES + 1)])
        communes = session.scalars(select(Area.id).where(Area.parent_id == province.id)).all()
        session.execute(insert(Station), [
            {"name": f"Đài truyền thanh xã {n}", "area_id": area_id, "is_active": True, "contact": ""}
            for n, area_id in enumerate(communes, 1)])
        # A fresh message for each plan; the baseline's rows all hang off one more.
        messages = [approved_message(session, province, editor, approver, 100 + n).id
                    for n in range(rounds + warmup + 1)]
        session.commit()
        station_ids = session.scalars(select(Station.id)).all()
        province_id, approver_id, spare_id = province.id, approver.id, messages.pop()
    due = START + timedelta(days=1)
    fanned_out: list[int] = []

    def loa() -> None:
        with factory() as session:
            message = session.get_one(Message, messages.pop())
            summary = plan_message(session, message, PlanRequest(area_ids=(province_id,), due_at=due),
                                   actor=session.get_one(User, approver_id), now=START, zone=timezone.utc)
            session.commit()
        fanned_out.append(summary.stations)

    def baseline() -> None:
        rows = [{"message_id": spare_id, "station_id": station_id, "due_at": due, "status": DeliveryStatus.PLANNED,
                 "attempts": 0, "idempotency_key": f"loa-{uuid.uuid4().hex}", "created_at": START,
                 "created_by_id": approver_id} for station_id in station_ids]
        with factory() as session:
            session.execute(insert(Delivery), rows)
            session.commit()

    loa_timing, baseline_timing = measure_pair(loa, baseline, ops_per_call=COMMUNES, calls_per_round=1,
                                               rounds=rounds, warmup_calls=warmup)
    if set(fanned_out) != {COMMUNES}:
        raise AssertionError(f"the plan reached {set(fanned_out)} stations, expected {COMMUNES}")
    return Comparison(f"province plan to {COMMUNES:,} stations (whole plan {loa_timing.median * COMMUNES:.2f} s)",
                      loa_timing, "bare INSERT of the same rows", baseline_timing, "µs")
