"""The load test works at a tiny size: gunicorn, two `loa worker` processes, wrk on every address and tip-offs posted
through the form, with no failed request, every delivery received exactly once and every receipt's tip-off stored.

It needs PostgreSQL by nature (several processes on one database), so both CI phases use this machine's, in a
database of its own (LOA_BENCH_LOAD_DATABASE_URL, created when missing; its schema is dropped). Not a timing test:
the figures come from `python -m bench.load`.
"""

from __future__ import annotations

import os
from dataclasses import replace

from bench import wrk
from bench.dispatch_rounds import Round, Tally
from bench.load import LoadResult, Sending, Size, measure, problems
from bench.load_report import HEADER, comparisons, markdown, text_lines
from bench.load_traffic import TIPOFF_POST, Figures
from bench.postgres import ensure_database, reset_schema

URL = os.environ.get("LOA_BENCH_LOAD_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/loa_bench_load")
ADDRESSES = ["home page", "message page", "topic page", "site feed (RSS)", "topic feed (Atom)",
             "radio script (JSON, token)", "short link (302)", "tip-off form (GET)", TIPOFF_POST]


def test_a_tiny_load_run_has_no_error_loses_no_delivery_and_reports_every_figure():
    assert wrk.available(), "wrk is missing: .ci/run installs it (apt-get install wrk)"
    ensure_database(URL)
    reset_schema(URL)
    size = Size.quick()
    result = measure(URL, size)

    assert problems(result) == []
    assert result.errors == 0 and result.lost == 0
    for sending in (result.alone, result.loaded):
        assert sending.round.finished and sending.round.statuses == {"sent": size.deliveries}
        assert sending.round.tally == Tally(lost=0, unsent=0, duplicates=0, doubled_keys=0, refused_500=0)
    assert 0 < result.receipts == result.distinct_receipts == result.stored_tipoffs
    for window in (result.idle, result.busy):
        assert [f.name for f in window] == ADDRESSES
        assert all(f.requests > 0 and 0 < f.p50 <= f.p90 <= f.p99 <= f.max for f in window), window

    printed = "\n".join(text_lines(result))
    assert all(name in printed for name in ADDRESSES) and "p99" in printed and "sending under the load" in printed
    written = markdown(result, machine="2 CPUs", date="2026-12-07 20:00 UTC", command="python -m bench.load --quick",
                       setup="gunicorn")
    assert "| " + " | ".join(HEADER) + " |" in written and written.count("\n| ") == len(ADDRESSES) + 1
    assert f"{size.deliveries:,} of {size.deliveries:,} sent" in written
    assert len(comparisons(result)) == len(ADDRESSES) + 1


def test_wrk_summary_lines_are_read_in_seconds_and_errors_are_summed():
    out = "Running 1s test\nloa-wrk 120 1000000 1 2 0 3 4 1500 2500 9000 12000\nRequests/sec: 120\n"
    summary = wrk.read_summary(out)
    assert summary == wrk.Summary(requests=120, seconds=1.0, socket_errors=7, failed_answers=3, p50=0.0015,
                                  p90=0.0025, p99=0.009, max=0.012, failures="connect 1, read 2, timeout 4, status ≥ 400 3")


def test_a_failed_request_or_a_lost_delivery_is_a_problem():
    figures = Figures("home page", 10, 1.0, 0, 0.01, 0.02, 0.03, 0.04)
    sent = Round("alone", 2, 5, 1.0, True, [0.1] * 5, Tally(0, 0, 0, 0, 0), 1, {"sent": 5}, None)
    sending = Sending(sent, 5.0, 5, 0.0)
    clean = LoadResult(Size.quick(), [figures], [figures], sending, sending, 3, 3, 3)
    assert problems(clean) == []
    throttled = replace(clean, busy=[replace(figures, errors=2, failures="status ≥ 400 2")])
    lost = replace(clean, loaded=replace(sending, round=replace(sent, tally=Tally(1, 0, 0, 0, 0))))
    unstored = replace(clean, stored_tipoffs=2)
    assert problems(throttled) == ["home page, busy: 2 failed (status ≥ 400 2)"]
    assert any("LOST" in p for p in problems(lost)) and lost.lost == 1
    assert problems(unstored) == ["tip-offs: 3 receipts, 3 distinct, 2 stored"]
