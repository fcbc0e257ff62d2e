"""Printing one benchmark figure beside its baseline and target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` runs of `work`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def line(name: str, value: str, baseline: str, ratio: float, target: str, ok: bool) -> None:
    verdict = "OK" if ok else "OVER TARGET"
    print(f"{name:<44} {value:>10}  baseline {baseline:>10}  ratio {ratio:5.2f}x  "
          f"target {target:<22} {verdict}")  # fmt: skip
