"""A burst of tip-offs while the portal is read: no error on either side, and how much slower reading gets.

One SQLite database (WAL) with a province, a commune and its villages; Loa runs under waitress with 8 threads,
as `loa run` does, on loopback only, with the tip-off rate limit raised for the run (every sender here shares
127.0.0.1, which the real limit would stop after ten). First READERS threads read the home page and the form
for a few seconds alone; then the same reading runs while SENDERS threads post COUNT tip-offs through the real
form (a session, its CSRF token, the multipart body), each one sealed and stored. Reported: errors on each
side (must be zero), reading latency under the burst against reading alone (median and 95th percentile), the
senders' own latency, and that the database holds exactly the tip-offs that got a receipt.

`python -m bench.tipoff_burst run [COUNT]` alone (COUNT at most 5000); `serve URL PORT` is the piece it starts.
"""

from __future__ import annotations

import http.client
import json
import re
import signal
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.servers import start_server
from bench.timing import Comparison, Timing

TITLE = "Tip-off burst: reading the portal during a burst of submissions, against reading alone"
READERS = 4
SENDERS = 4
COUNT = 1000
MAX_COUNT = 5000
READ_PATHS = ("/", "/phan-anh")
BODY = "Có người lạ hỏi mua thông tin tài khoản ngân hàng của các cụ già trong thôn, hứa trả tiền mặt."


def serve(url: str, port: int) -> None:
    import logging

    from waitress import serve as waitress_serve

    from web import create_app

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    instance = tempfile.mkdtemp(prefix="loa-tipoff-bench-")
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "BASE_URL": f"http://127.0.0.1:{port}",
                      "TIPOFF_RATE_LIMIT": "1000000 per minute", "TIPOFF_ROOT": instance})
    try:
        waitress_serve(app, host="127.0.0.1", port=port, threads=8, _quiet=True)
    except KeyboardInterrupt:
        pass


def build_world(url: str) -> str:
    """The areas the form offers; returns the commune code the senders pick."""
    from content.db import make_engine, make_session_factory
    from content.models import Area, AreaKind
    from content.schema import upgrade_database

    upgrade_database(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        province = Area(code="B01", name="Tỉnh Đồi Gió", kind=AreaKind.PROVINCE, path="/B01/")
        commune = Area(code="B01-1", name="Xã Suối Ngọc", kind=AreaKind.COMMUNE, parent=province, path="/B01/B01-1/")
        session.add_all([province, commune, *[
            Area(code=f"B01-1-{n}", name=f"Thôn Khe {n}", kind=AreaKind.RESIDENTIAL, parent=commune,
                 path=f"/B01/B01-1/B01-1-{n}/") for n in range(1, 9)]])
        session.commit()
    engine.dispose()
    return "B01-1"


@dataclass
class Side:
    latencies: list[float]
    errors: int = 0
    failures: list[str] = field(default_factory=list)  # what each error was: a status, or the exception


def read(port: int, stop: threading.Event, side: Side, lock: threading.Lock) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while not stop.is_set():
        path = READ_PATHS[n % len(READ_PATHS)]
        n += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept-Language": "vi"})
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock:
            side.latencies.append(time.perf_counter() - started)
            side.errors += not ok
    connection.close()


def send(port: int, commune: str, count: int, side: Side, codes: list[str], lock: threading.Lock,
         stop: threading.Event | None = None) -> None:
    """Post up to `count` tip-offs through the form, one after another, until `stop` is set if given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/phan-anh")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = (response.getheader("Set-Cookie") or "").split(";", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    for n in range(count):
        if stop is not None and stop.is_set():
            break
        body = urlencode({"csrf_token": token, "kind": "report", "commune": commune, "village": f"{commune}-{n % 8 + 1}",
                          "body": f"{BODY} (lần {n})", "anonymous": "1", "website": ""})
        started = time.perf_counter()
        try:
            connection.request("POST", "/phan-anh", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
            response = connection.getresponse()
            answer = response.read().decode()
            found = re.search(r'id="receipt-code">([0-9A-Z-]+)<', answer) if response.status == 200 else None
            failure = f"status {response.status}"
        except (OSError, http.client.HTTPException) as error:
            found, failure = None, type(error).__name__
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock:
            side.latencies.append(time.perf_counter() - started)
            side.errors += found is None
            if found:
                codes.append(found.group(1))
            else:
                side.failures.append(failure)
    connection.close()


def _read_for(port: int, seconds: float, side: Side, lock: threading.Lock) -> None:
    stop = threading.Event()
    readers = [threading.Thread(target=read, args=(port, stop, side, lock)) for _ in range(READERS)]
    for thread in readers:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in readers:
        thread.join()


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def burst(count: int = COUNT, read_seconds: float = 3.0) -> dict[str, object]:
    count = max(1, min(count, MAX_COUNT))  # bounded: this is a load test, not a flood
    workdir = Path(tempfile.mkdtemp(prefix="loa-tipoff-burst-"))
    url = f"sqlite:///{workdir / 'loa.db'}"
    commune = build_world(url)
    server, port = start_server("bench.tipoff_burst", ["serve", url], probe_path="/robots.txt")
    lock = threading.Lock()
    try:
        _read_for(port, 1.0, Side([]), lock)  # warm-up: templates compiled, connections and caches made
        alone = Side([])
        _read_for(port, read_seconds, alone, lock)

        during, sent = Side([]), Side([])
        codes: list[str] = []
        stop = threading.Event()
        readers = [threading.Thread(target=read, args=(port, stop, during, lock)) for _ in range(READERS)]
        shares = [count // SENDERS + (1 if n < count % SENDERS else 0) for n in range(SENDERS)]
        senders = [threading.Thread(target=send, args=(port, commune, share, sent, codes, lock)) for share in shares]
        started = time.perf_counter()
        for thread in readers + senders:
            thread.start()
        for thread in senders:
            thread.join()
        burst_seconds = time.perf_counter() - started
        stop.set()
        for thread in readers:
            thread.join()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    stored = count_tipoffs(url)
    return {
        "submitted": count, "receipts": len(codes), "distinct_codes": len(set(codes)), "stored": stored,
        "send_errors": sent.errors, "read_errors_alone": alone.errors, "read_errors_during": during.errors,
        "burst_seconds": round(burst_seconds, 2), "reads_alone": len(alone.latencies), "reads_during": len(during.latencies),
        "read_median_ms": [round(statistics.median(s.latencies) * 1000, 2) for s in (alone, during)],
        "read_p95_ms": [round(_p95(s.latencies) * 1000, 2) for s in (alone, during)],
        "send_median_ms": round(statistics.median(sent.latencies) * 1000, 2),
        "send_p95_ms": round(_p95(sent.latencies) * 1000, 2),
        "median_ratio": round(statistics.median(during.latencies) / statistics.median(alone.latencies), 2),
        "p95_ratio": round(_p95(during.latencies) / _p95(alone.latencies), 2),
    }


def count_tipoffs(url: str) -> int:
    from sqlalchemy import func, select

    from campaigns.tipoff_models import Tipoff
    from content.db import make_engine, make_session_factory

    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            return int(session.scalar(select(func.count()).select_from(Tipoff)) or 0)
    finally:
        engine.dispose()


def run() -> list[Comparison]:
    result = burst()
    print(json.dumps(result, ensure_ascii=False))
    if result["send_errors"] or result["read_errors_during"] or result["read_errors_alone"]:
        raise AssertionError(f"errors during the tip-off burst: {result}")
    if result["stored"] != result["receipts"]:
        raise AssertionError(f"receipts and stored tip-offs differ: {result}")
    medians, p95s = result["read_median_ms"], result["read_p95_ms"]  # [alone, during]
    assert isinstance(medians, list) and isinstance(p95s, list)
    return [Comparison("portal read during the burst (median)", _once(medians[1]), "reading alone (median)",
                       _once(medians[0]), "ms"),
            Comparison("portal read during the burst (p95)", _once(p95s[1]), "reading alone (p95)", _once(p95s[0]), "ms")]


def _once(milliseconds: float) -> Timing:
    seconds = milliseconds / 1000
    return Timing(seconds, seconds, seconds, 1, 1)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    if command == "serve":
        serve(sys.argv[2], int(sys.argv[3]))
    else:
        print(json.dumps(burst(int(sys.argv[2]) if len(sys.argv) > 2 else COUNT), ensure_ascii=False, indent=1))
