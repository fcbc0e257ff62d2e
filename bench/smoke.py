"""`make smoke`: start the window on demo data offscreen, save screenshots of each section."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path("screenshots")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        dugnad = [sys.executable, "-m", "app", "--db", str(db)]
        subprocess.run([*dugnad, "demo"], check=True)
        for view in ("home", "volunteers", "participants", "pairings", "settings"):
            shot = OUT / f"{view}.png"
            subprocess.run(
                [*dugnad, "gui", "--smoke-test", "--view", view, "--screenshot", str(shot)],
                check=True,
            )
            print(shot)


if __name__ == "__main__":
    main()
