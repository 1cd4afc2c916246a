"""Run every benchmark and print Loa's figures as ratios against baselines measured in the same run.

`python -m bench` or `python bench/run.py`, from the top of the checkout.
"""

from __future__ import annotations

import os
import platform
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from types import ModuleType

if __package__ in (None, ""):
    # Run as a script: put the checkout, not bench/, first on the path, so `bench` imports as a package.
    _here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _here]
    sys.path.insert(0, str(_here.parent))

from bench import (
    dispatch,
    dispatch_workers,
    load,
    markdown_bounds,
    portal_speed,
    reach,
    rendering_and_feeds,
    scripts,
    tipoff_burst,
)
from bench.timing import format_table

# Explicit, in the order they run; each module has TITLE and run() -> list[Comparison].
BENCHMARKS: list[ModuleType] = [rendering_and_feeds, markdown_bounds, dispatch, dispatch_workers, scripts, reach,
                                portal_speed, tipoff_burst, load]


def machine() -> str:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    return (f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.machine()}, "
            f"{cpus} CPUs ({usable} usable), {platform.system()} {platform.release()}")


def main() -> int:
    print(f"Loa benchmarks — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(machine())
    started = time.perf_counter()
    # Show every warning once per place rather than hiding deprecations, and list them at the end.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for module in BENCHMARKS:
            print()
            print(module.TITLE)
            rows = module.run()
            # A benchmark that cannot run here (no PostgreSQL) has said why and measured nothing.
            for line in format_table(rows) if rows else []:
                print(line)
    print()
    print(f"total {time.perf_counter() - started:.1f} s")
    if caught:
        print(f"{len(caught)} warning(s):")
        for warning in caught:
            print(f"  {warning.category.__name__}: {warning.message} ({warning.filename}:{warning.lineno})")
    else:
        print("warnings: none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
