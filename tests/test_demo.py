"""Demo data: realistic, deterministic, marked as demo, and stoppable without leaving half."""

from __future__ import annotations

import pytest

from app.db import Database
from app.errors import Cancelled, DugnadError
from app.services.centre_info import get_centre, has_people
from app.services.demo import fill_demo
from app.services.volunteer_list import list_volunteers


def test_small_demo_has_the_languages_and_names_centres_meet(db: Database) -> None:
    assert fill_demo(db, size="small", seed=1) == 150
    rows = list_volunteers(db)
    assert len(rows) == 150
    spoken = {code for r in rows for code in r.languages}
    assert {"ar", "uk", "ti", "so", "pl", "prs", "no"} <= spoken
    assert any(set(r.name) & set("æøåÆØÅ") for r in rows)
    assert all(r.phone is None or r.phone.startswith("+47") for r in rows)
    assert {r.status for r in rows} == {"active", "paused", "ended"}
    assert get_centre(db).is_demo


def test_same_seed_same_people(tmp_path) -> None:  # noqa: ANN001
    names = []
    for n in (1, 2):
        db = Database.open(tmp_path / f"{n}.sqlite", create=True)
        fill_demo(db, seed=42)
        names.append([(r.name, r.phone, r.languages, r.skills) for r in list_volunteers(db)])
        db.close()
    assert names[0] == names[1]


def test_refuses_people_unless_forced(db: Database) -> None:
    fill_demo(db, seed=1)
    with pytest.raises(DugnadError, match="--force"):
        fill_demo(db, seed=2)
    fill_demo(db, seed=2, force=True)
    assert len(list_volunteers(db)) == 150


def test_stopping_changes_nothing(db: Database) -> None:
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) >= 1

    with pytest.raises(Cancelled):
        fill_demo(db, size="large", should_stop=stop)
    assert not has_people(db)
    assert not get_centre(db).is_demo
