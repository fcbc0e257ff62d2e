"""Cold start and peak memory of the GUI on the large dataset, against a bare Qt window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.report import line

HERE = Path(__file__).parent


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(
            f"{argv} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def bench_startup(db_path: Path, repeat: int = 5) -> None:
    dugnad = [sys.executable, "-m", "app", "--db", str(db_path), "gui", "--smoke-test",
              "--view", "volunteers"]  # fmt: skip
    bare = [sys.executable, str(HERE / "bare_window.py")]
    _run(dugnad)  # warm the file cache once, as the second start of a day would be
    _run(bare)
    app_runs = [_run(dugnad) for _ in range(repeat)]
    bare_runs = [_run(bare) for _ in range(repeat)]
    app_time = statistics.median(t for t, _ in app_runs)
    bare_time = statistics.median(t for t, _ in bare_runs)
    limit = 1.5 * bare_time + 0.5
    line(
        "cold start to volunteer list (large)",
        f"{app_time:.2f} s",
        f"{bare_time:.2f} s",
        app_time / bare_time,
        f"<= 1.5x bare + 0.5 s = {limit:.2f} s",
        app_time <= limit,
    )
    app_mem = max(m for _, m in app_runs)
    bare_mem = max(m for _, m in bare_runs)
    line(
        "peak memory of the GUI process (large)",
        f"{app_mem:.0f} MB",
        f"{bare_mem:.0f} MB",
        app_mem / bare_mem,
        "<= 300 MB",
        app_mem <= 300,
    )
