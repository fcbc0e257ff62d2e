"""`dugnad pairings` and `dugnad match` as a centre scripts them: JSON keys, filters, exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from tests.test_pairings import (
    TODAY,
    active_pairing,
    household,
    participant,
    propose,
    volunteer,
    waiting,
)

PAIRING_KEYS = {"id", "programme", "programme_id", "status", "volunteer_ids", "volunteer_names",
                "participant_id", "household_id", "seeker_name", "referred_on", "days_waiting",
                "start", "end", "next_follow_up", "overdue"}  # fmt: skip
MATCH_KEYS = {"volunteer_id", "name", "score", "reasons", "active_pairings"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def world(db: Database, db_path: Path) -> Iterator[dict[str, str]]:
    """One pairing in each state, and a household waiting for a match."""
    kari = volunteer(db, "Kari Ødegård", languages=["no", "ar"], district="Frogner",
                     max_pairings=3)  # fmt: skip
    ola = volunteer(db, "Ola Nordmann", gender="male", interests=["fotball"], max_pairings=3)
    volunteer(db, "Uten Opplæring", steps=())
    amal = participant(db, "Amal Hassan", languages=["ar"], interests=["fotball"])
    seeker = household(db, "Familien Hassan", people=[amal], district="Frogner", adults=[1984])
    ids = {"kari": kari, "ola": ola, "seeker": seeker}
    ids["waiting"] = waiting(db, seeker)
    ids["proposed"] = waiting(db, participant(db, "Beshir Omar", gender="male"),
                              kind="participant")  # fmt: skip
    propose(db, ids["proposed"], [ola], dt.date(2026, 2, 1), today=TODAY)
    ali = household(db, "Familien Ali", adults=[1980])
    ids["active"] = active_pairing(db, ali, [kari, ola], start=dt.date(2026, 3, 1),
                                   prog="Vennefamilie")  # fmt: skip
    ids["ended"] = active_pairing(db, household(db, "Familien Berg", adults=[1980]), [kari],
                                  start=dt.date(2026, 2, 1))  # fmt: skip
    from app.services.pairings import end_pairing

    end_pairing(db, ids["ended"], dt.date(2026, 6, 1), "completed", ["still_in_contact"],
                today=TODAY)  # fmt: skip
    db.close()
    yield ids


def listing(capsys: pytest.CaptureFixture[str], db_path: Path, *options: str) -> list[dict]:
    code, out, err = run(capsys, "--db", str(db_path), "pairings", *options, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_pairings_json_keys_and_values(
    world: dict[str, str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listing(capsys, db_path)
    assert [r["status"] for r in rows] == ["waiting", "proposed", "active", "ended"]
    assert all(set(r) == PAIRING_KEYS for r in rows)
    by_status = {r["status"]: r for r in rows}
    for r in rows:
        assert (r["participant_id"] is None) != (r["household_id"] is None)
        assert isinstance(r["overdue"], bool)
        for key in ("referred_on", "start", "end", "next_follow_up"):
            assert r[key] is None or dt.date.fromisoformat(r[key])
    assert by_status["waiting"]["household_id"] == world["seeker"]
    assert by_status["waiting"]["volunteer_ids"] == [] and by_status["waiting"]["days_waiting"]
    assert by_status["proposed"]["participant_id"] and by_status["proposed"]["household_id"] is None
    active = by_status["active"]
    assert active["id"] == world["active"] and active["programme"] == "Vennefamilie"
    assert sorted(active["volunteer_ids"]) == sorted([world["kari"], world["ola"]])
    assert active["start"] == "2026-03-01" and active["next_follow_up"] is not None
    assert active["overdue"] is True  # planned from March, and today is later
    ended = by_status["ended"]
    assert (ended["end"], ended["next_follow_up"], ended["overdue"]) == ("2026-06-01", None, False)


def test_pairings_filters(
    world: dict[str, str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [r["id"] for r in listing(capsys, db_path, "--status", "active")] == [world["active"]]
    family = listing(capsys, db_path, "--programme", "vennefamilie")
    assert [r["id"] for r in family] == [world["active"]]
    code, _out, err = run(capsys, "--db", str(db_path), "pairings", "--programme", "Mentor")
    assert code == 2 and "Flyktningguide, Vennefamilie" in err and "Traceback" not in err
    code, _out, err = run(capsys, "--db", str(db_path), "pairings", "--status", "paused")
    assert code == 2 and "paused" in err


def test_pairings_csv_and_table(
    world: dict[str, str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(db_path), "pairings", "--format", "csv")
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert set(rows[0]) == PAIRING_KEYS and len(rows) == 4
    active = next(r for r in rows if r["status"] == "active")
    assert "," in active["volunteer_ids"] and active["overdue"] == "true"
    code, out, _err = run(capsys, "--db", str(db_path), "pairings")
    assert code == 0
    assert "Venter" in out and "Avsluttet" in out and "Neste oppfølging" in out
    assert "Kari Ødegård, Ola Nordmann" in out and world["kari"] not in out


def test_match_json(
    world: dict[str, str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "match", "--household", world["seeker"],
                         "--format", "json")  # fmt: skip
    assert code == 0, err
    rows = json.loads(out)
    assert all(set(r) == MATCH_KEYS for r in rows)
    # Kari speaks Arabic and lives in the same district; "Uten Opplæring" is left out.
    assert [r["name"] for r in rows] == ["Kari Ødegård", "Ola Nordmann"]
    assert rows[0]["volunteer_id"] == world["kari"]
    assert rows[0]["reasons"][:2] == ["Snakker arabisk", "Samme bydel"]
    assert rows[0]["reasons"][-1] == "Har allerede 1 pågående kobling"
    assert rows[0]["score"] > rows[1]["score"] and isinstance(rows[0]["score"], int)
    code, out, _err = run(capsys, "--db", str(db_path), "match", "--household", world["seeker"],
                          "--limit", "1", "--format", "json")  # fmt: skip
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _err = run(capsys, "--db", str(db_path), "match", "--household", world["seeker"])
    assert code == 0 and "Poeng" in out and "Snakker arabisk; Samme bydel" in out


def test_match_exit_codes(
    world: dict[str, str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ("--db", str(db_path), "match")
    code, _out, err = run(capsys, *base, "--household", "nobody")
    assert code == 2 and "Fant ingen husstand med ID nobody" in err and "Traceback" not in err
    code, _out, err = run(capsys, *base, "--participant", "nobody")
    assert code == 2 and "Fant ingen deltaker med ID nobody" in err
    code, _out, err = run(capsys, *base, "--household", world["seeker"], "--programme", "Mentor")
    assert code == 2 and "Mentor" in err
    code, _out, _err = run(capsys, *base)
    assert code == 2
    code, _out, _err = run(capsys, *base, "--household", "a", "--participant", "b")
    assert code == 2
    code, _out, err = run(capsys, *base, "--household", world["seeker"], "--limit", "0")
    assert code == 2 and "«0»" in err
    code, _out, _err = run(capsys, *base, "--household", world["seeker"], "--format", "csv")
    assert code == 2
    # Not waiting anywhere, and the centre runs two programmes: which one?
    with closing(Database.open(db_path)) as db:
        other = household(db, "Familien Ingen", adults=[1980])
    code, _out, err = run(capsys, *base, "--household", other)
    assert code == 2 and "Velg et program: Flyktningguide, Vennefamilie." in err
    code, out, _err = run(capsys, *base, "--household", other, "--programme", "Vennefamilie",
                          "--format", "json")  # fmt: skip
    assert code == 0 and json.loads(out)
