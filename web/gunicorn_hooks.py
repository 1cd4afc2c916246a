"""gunicorn's server hooks for Loa: `gunicorn -c python:web.gunicorn_hooks --workers 4 'web:create_app()'`.

With several workers each keeps its metrics in PROMETHEUS_MULTIPROC_DIR (a directory emptied before gunicorn starts),
and /metrics in any worker sums them. A worker that exits is marked dead here, so its live gauges (the buffered
tracking events) stop counting; its counters stay, as Prometheus expects of counters.
"""

from __future__ import annotations

import os
from typing import Any

from prometheus_client import multiprocess


def child_exit(_server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
