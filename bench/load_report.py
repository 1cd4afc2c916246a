"""The load test's figures as printed lines, as a Markdown results file, and as the suite's comparison rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bench.timing import Comparison, Timing

if TYPE_CHECKING:
    from bench.load import LoadResult, Sending
    from bench.load_traffic import Figures


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _ratio(busy: float, idle: float) -> str:
    return f"{busy / idle:.2f}×" if idle else "–"


def latency_rows(result: LoadResult) -> list[list[str]]:
    """One row per address: rate, p50/p90/p99/max (ms) and errors, idle then during the dispatch, and the ratios."""
    rows = []
    for idle, busy in zip(result.idle, result.busy):
        rows.append([idle.name, *_cells(idle), *_cells(busy), _ratio(busy.p50, idle.p50), _ratio(busy.p99, idle.p99)])
    return rows


def _cells(figures: Figures) -> list[str]:
    return [f"{figures.rate:,.0f}", _ms(figures.p50), _ms(figures.p90), _ms(figures.p99), _ms(figures.max),
            str(figures.errors)]


HEADER = ["address", "idle req/s", "p50", "p90", "p99", "max", "errors", "busy req/s", "p50", "p90", "p99", "max",
          "errors", "p50 ×", "p99 ×"]


def dispatch_lines(result: LoadResult) -> list[str]:
    alone, loaded = result.alone, result.loaded
    ratio = loaded.rate / alone.rate if alone.rate else 0.0
    return [
        f"sending alone: {_sent(alone)}; {alone.rate:,.0f}/s",
        f"sending under the load: {_sent(loaded)}; {loaded.sent_under_load:,} of them in the {loaded.overlap:.1f} s "
        f"the load covered: {loaded.rate:,.0f}/s = {ratio:.2f}× sending alone",
        f"deliveries lost, unsent or received twice (both rounds): {result.lost}",
        f"tip-offs posted: {result.receipts:,} receipts, {result.distinct_receipts:,} distinct, "
        f"{result.stored_tipoffs:,} stored",
        f"errors (socket errors and answers ≥ 400, 429 included), every address, every window: {result.errors}",
    ]


def _sent(sending: Sending) -> str:
    r = sending.round
    t = r.tally
    received = "each received once" if not (t.lost or t.doubled_keys) else f"LOST {t.lost}, received twice {t.doubled_keys}"
    return f"{r.sent:,} of {r.count:,} sent in {r.seconds:.1f} s ({received})"


def text_lines(result: LoadResult) -> list[str]:
    widths = [max(len(row[i]) for row in [HEADER, *latency_rows(result)]) for i in range(len(HEADER))]

    def line(cells: Sequence[str]) -> str:
        return "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return ["  latency in ms; idle: workers running, nothing due; busy: during the dispatch",
            line(HEADER), *(line(row) for row in latency_rows(result)),
            *(f"  {text}" for text in dispatch_lines(result)), *(f"  note: {note}" for note in result.notes)]


def markdown(result: LoadResult, *, machine: str, date: str, command: str, setup: str) -> str:
    head = "| " + " | ".join(HEADER) + " |\n|" + "---|" * len(HEADER) + "\n"
    table = "".join("| " + " | ".join(row) + " |\n" for row in latency_rows(result))
    size = result.size
    return (f"# Load test results\n\n"
            f"Written by `{command}` on {date}.\n\n"
            f"- Machine: {machine}\n"
            f"- {setup}\n"
            f"- Each load window {size.seconds:.0f} s (after a {min(3.0, size.seconds):.0f} s warm-up); {size.deliveries:,} deliveries a "
            f"round; whole run {result.seconds:.0f} s.\n"
            f"- The machine's load average (1 minute) at the start {result.load_averages[0]:.1f}, at the end "
            f"{result.load_averages[1]:.1f}: other work shared its cores.\n\n"
            f"## Latency per address (ms)\n\n"
            f"*idle*: the load with the workers running and nothing due; *busy*: the same load while the workers "
            f"send the deliveries. The tip-off POSTs are Python threads (their latency includes the client's own "
            f"time); every other address is one wrk process.\n\n"
            f"{head}{table}\n"
            f"## Sending, and what arrived\n\n"
            + "".join(f"- {text}\n" for text in dispatch_lines(result))
            + "".join(f"- note: {note}\n" for note in result.notes))


def comparisons(result: LoadResult) -> list[Comparison]:
    """For `python -m bench`: each address's p99 during the dispatch against idle, and sending under load against alone."""
    rows = [Comparison(f"{busy.name}: p99 during the dispatch", _once(busy.p99), "p99, workers idle", _once(idle.p99),
                       "ms") for idle, busy in zip(result.idle, result.busy)]
    alone, loaded = result.alone, result.loaded
    rows.append(Comparison(f"sending under the load, {loaded.rate:,.0f}/s", _once(1 / loaded.rate if loaded.rate else 0),
                           f"sending alone, {alone.rate:,.0f}/s", _once(1 / alone.rate if alone.rate else 1), "ms"))
    return rows


def _once(seconds: float) -> Timing:
    return Timing(seconds, seconds, seconds, 1, 1)
