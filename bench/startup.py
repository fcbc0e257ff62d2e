"""Cold start and peak memory of the GUI on the large dataset, against a bare Qt window.

"Started" is the moment the window has been shown with its data: both processes save a
screenshot right then, and the file's modification time marks it, so interpreter shutdown is not
counted on either side.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import line

HERE = Path(__file__).parent


def _run(argv: list[str], shot: Path) -> tuple[float, float]:
    """Seconds until the screenshot was written, and peak resident memory (MB) of the process."""
    shot.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.time()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not shot.exists():
        error = process.stderr.read().decode() if process.stderr else ""
        raise RuntimeError(f"{argv} failed: {error}")
    return shot.stat().st_mtime - start, usage.ru_maxrss / 1024


def bench_startup(db_path: Path, repeat: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # BMP: writing it costs the same for both windows, unlike PNG compression of a full one.
        shot = Path(tmp) / "shot.bmp"
        dugnad = [sys.executable, "-m", "app", "--db", str(db_path), "gui", "--smoke-test",
                  "--view", "volunteers", "--screenshot", str(shot)]  # fmt: skip
        bare = [sys.executable, str(HERE / "bare_window.py"), str(shot)]
        _run(dugnad, shot)  # warm the file cache once, as any start after the first would be
        _run(bare, shot)
        app_runs, bare_runs = [], []
        for _ in range(repeat):  # interleaved, so a busy moment hurts both alike
            app_runs.append(_run(dugnad, shot))
            bare_runs.append(_run(bare, shot))
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
