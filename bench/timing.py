"""Measuring and reporting: paired rounds of Loa against its baseline, medians, an aligned table."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds per operation: the median over rounds, with the fastest and slowest round kept for spread."""

    median: float
    fastest: float
    slowest: float
    rounds: int
    ops_per_round: int

    @classmethod
    def from_rounds(cls, per_op: Sequence[float], ops_per_round: int) -> Timing:
        return cls(statistics.median(per_op), min(per_op), max(per_op), len(per_op), ops_per_round)


@dataclass(frozen=True)
class Comparison:
    """One line of a report: Loa's figure, the baseline's, and how many times slower Loa is."""

    label: str
    loa: Timing
    baseline_label: str
    baseline: Timing
    unit: str  # "µs", "ms" or "s"

    @property
    def ratio(self) -> float:
        return self.loa.median / self.baseline.median


_SCALE = {"µs": 1e6, "ms": 1e3, "s": 1.0}


def _time_round(operation: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        operation()
    return time.perf_counter() - start


def measure_pair(
    loa: Callable[[], object],
    baseline: Callable[[], object],
    *,
    ops_per_call: int,
    calls_per_round: int,
    rounds: int,
    warmup_calls: int = 2,
) -> tuple[Timing, Timing]:
    """Time both sides in alternating rounds, so drift (CPU clock, cache, a noisy neighbour) hits both alike.

    :param ops_per_call: how many operations one call performs (e.g. 20 articles per pass).
    """
    for _ in range(warmup_calls):
        loa()
        baseline()
    ops = ops_per_call * calls_per_round
    loa_rounds: list[float] = []
    baseline_rounds: list[float] = []
    for n in range(rounds):
        # Alternate which side goes first, so neither always runs right after a collection.
        order = ((loa, loa_rounds), (baseline, baseline_rounds))
        for operation, samples in order if n % 2 == 0 else reversed(order):
            # GC stays on (it is part of the real cost) but starts each round from the same state.
            gc.collect()
            samples.append(_time_round(operation, calls_per_round) / ops)
    return Timing.from_rounds(loa_rounds, ops), Timing.from_rounds(baseline_rounds, ops)


def _figure(seconds: float, unit: str) -> str:
    return f"{seconds * _SCALE[unit]:.2f} {unit}" if unit == "ms" else f"{seconds * _SCALE[unit]:.1f} {unit}"


def _spread(timing: Timing, unit: str) -> str:
    return f"{_figure(timing.fastest, unit).split()[0]}–{_figure(timing.slowest, unit)}"


def format_table(rows: Sequence[Comparison]) -> list[str]:
    """Aligned lines: label, Loa, baseline, ratio; then how each median was taken."""
    cells = [
        (row.label, f"loa {_figure(row.loa.median, row.unit)}",
         f"baseline ({row.baseline_label}) {_figure(row.baseline.median, row.unit)}", f"ratio {row.ratio:.2f}x")
        for row in rows
    ]
    widths = [max(len(cell[i]) for cell in cells) for i in range(4)]
    lines = ["   ".join(cell[i].ljust(widths[i]) for i in range(4)).rstrip() for cell in cells]
    for row in rows:
        lines.append(
            f"  · {row.label}: median of {row.loa.rounds} rounds × {row.loa.ops_per_round} ops; "
            f"rounds ranged loa {_spread(row.loa, row.unit)}, baseline {_spread(row.baseline, row.unit)}"
        )
    return lines
