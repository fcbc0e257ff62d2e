"""The window shows the volunteer list without importing SQLAlchemy (the cold-start figure).

Run in a fresh interpreter: this test process has long since imported everything.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from app.db import Database
from app.services.activities import ActivityInput, create_activity
from app.services.teams import add_team_member
from tests.services_fixtures import volunteer

CHILD = """
import json, sys
from pathlib import Path
from app.__main__ import main
code = main(["--db", sys.argv[1], "gui", "--smoke-test", "--view", "volunteers",
             "--screenshot", sys.argv[2]])
heavy = [m for m in ("sqlalchemy", "alembic", "app.models", "app.services.volunteers")
         if m in sys.modules]
print(json.dumps({"code": code, "heavy": heavy}))
"""


def test_volunteer_list_opens_without_the_orm(db: Database, db_path: Path, tmp_path: Path) -> None:
    kari = volunteer(db)
    homework = create_activity(
        db, ActivityInput(name="Leksehjelp", type_code="leksehjelp", requires_certificate=True,
                          start_date=dt.date(2026, 1, 1)),
    )  # fmt: skip
    add_team_member(db, homework, kari, "leksehjelper", dt.date(2026, 1, 5))
    db.close()
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), str(shot)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}, result.stderr
    assert shot.stat().st_size > 10_000
