"""The migration chain: empty → head, down and up again, saved databases of every version."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.db import Database
from app.migrations import HEAD_REVISION, KNOWN_REVISIONS
from app.migrations.runner import alembic_config, downgrade, upgrade
from app.models import Base
from app.services.activities import list_activities
from app.services.sessions import list_sessions
from app.services.volunteer_list import list_volunteers


def _check_activity_data(db: Database) -> None:
    cafe = next(a for a in list_activities(db) if a.name == "Språkkafé")
    assert (cafe.name, cafe.place, cafe.schedule) == (
        "Språkkafé", "Sandnes bibliotek", "torsdag 18:00–20:00")  # fmt: skip
    sessions = list_sessions(db, dt.date(2024, 1, 1), dt.date(2024, 2, 29), [cafe.id])
    assert len(sessions) == 9
    first = sessions[0].attendance
    assert (first.volunteers, first.volunteer_hours, first.registered, first.headcount) == (
        1, 2.0, 1, 9)  # fmt: skip


def _check_certificate_data(db: Database) -> None:
    from app.services.certificates import certificate_history

    with db.read() as session:
        from sqlalchemy import select

        from app.models import Certificate

        [cert] = session.scalars(select(Certificate)).all()
        assert (cert.status, cert.issued_on, cert.shown_on) == (
            "cleared", dt.date(2024, 1, 25), dt.date(2024, 2, 1))  # fmt: skip
    ola = next(r.id for r in list_volunteers(db) if r.name == "Ola Nordmann")
    assert [to for _d, _f, to in certificate_history(db, ola)][:3] == [
        "needed", "requested", "cleared"]  # fmt: skip


def _check_pairing_data(db: Database) -> None:
    from app.services.pairings import get_pairing, list_pairings

    pairings = {p.seeker_name: p for p in list_pairings(db, today=dt.date(2024, 4, 1))}
    assert {name: p.status for name, p in pairings.items()} == {
        "Familien Haddad": "active", "Amal Warsame": "waiting"}  # fmt: skip
    active = pairings["Familien Haddad"]
    assert (active.programme, active.volunteer_names, active.start) == (
        "Mentor", ("Ola Nordmann",), dt.date(2024, 3, 10))  # fmt: skip
    detail = get_pairing(db, active.id, today=dt.date(2024, 4, 1))
    assert [(f.done_on, f.how, f.note) for f in detail.follow_ups if f.done_on] == [
        (dt.date(2024, 3, 28), "good", "Godt i gang")]  # fmt: skip


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema-*.sqlite"))


def test_constants_match_the_scripts(db: Database) -> None:
    scripts = ScriptDirectory.from_config(alembic_config(db.engine))
    assert scripts.get_current_head() == HEAD_REVISION
    assert set(KNOWN_REVISIONS) == {s.revision for s in scripts.walk_revisions()}


def test_models_match_migrations(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_down_to_base_and_up_again(db: Database) -> None:
    downgrade(db.engine, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade(db.engine)
    assert {"people", "volunteers", "centre", "tombstones"} <= set(
        inspect(db.engine).get_table_names()
    )


def test_there_is_a_fixture_for_the_head_revision() -> None:
    assert any(p.name == f"schema-{HEAD_REVISION}.sqlite" for p in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_saved_database_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    db = Database.open(path)
    try:
        if fixture.name >= "schema-0002":
            _check_activity_data(db)
        rows = {r.name: r for r in list_volunteers(db)}
        if fixture.name >= "schema-0003":
            _check_certificate_data(db)
            rows.pop("Ola Nordmann")
        if fixture.name >= "schema-0004":
            _check_pairing_data(db)
        assert set(rows) == {"Kari Ødegård", "Yonas Tesfay"}
        assert rows["Kari Ødegård"].status == "paused"
        assert rows["Kari Ødegård"].languages == ("no", "ar")
    finally:
        db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    conn.close()
