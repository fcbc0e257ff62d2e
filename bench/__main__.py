"""Run every benchmark on a freshly generated large dataset."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.activity_views import bench_activity_views
from bench.filtering import bench_filtering
from bench.pairings import bench_pairings
from bench.print_roster import bench_print_roster
from bench.print_signin import bench_print_signin
from bench.sessions import bench_sessions
from bench.startup import bench_startup


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.sqlite"
        # In a child process: a parent that grew to hold the dataset would make every process
        # it starts report that size as its own peak memory (fork copies the parent's pages).
        subprocess.run(
            [sys.executable, "-m", "app", "--db", str(path), "demo", "--size", "large"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print("Dugnad benchmarks on the large dataset (median or p95 of several runs)\n")
        bench_startup(path)
        bench_filtering(path)
        bench_activity_views(path)
        bench_sessions(path)
        bench_pairings(path)
        bench_print_roster(path)
        bench_print_signin(path)


if __name__ == "__main__":
    main()
