"""Run every benchmark on a freshly generated large dataset."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.db import Database
from app.services.demo import fill_demo
from bench.filtering import bench_filtering
from bench.startup import bench_startup


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.sqlite"
        db = Database.open(path, create=True)
        fill_demo(db, size="large", seed=1)
        db.close()
        print("Dugnad benchmarks on the large dataset (median or p95 of several runs)\n")
        bench_startup(path)
        bench_filtering(path)


if __name__ == "__main__":
    main()
