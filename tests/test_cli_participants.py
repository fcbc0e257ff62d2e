"""`dugnad participants` as centres script it: JSON keys, search, formats, exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services.households import HouseholdData, MemberData, create_household
from app.services.participant_register import (
    ParticipantData,
    create_participant_full,
    make_volunteer,
)
from app.services.participants import ConsentInput

TODAY = dt.date(2026, 11, 22)
KEYS = {
    "id", "name", "birth_year", "age_band", "gender", "languages", "interests", "household_id",
    "household_name", "district", "postcode", "is_volunteer",
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def register_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "deltakere.sqlite"
    db = Database.open(path, create=True)
    consent = ConsentInput(method="oral", given_on=TODAY)
    amina = create_participant_full(
        db,
        ParticipantData(name="Amina Ødegård", birth_year=1990, gender="female",
                        languages=["ar", "no"], interests=["fotball"], district="Sentrum",
                        postcode="4306"),
        consent, today=TODAY,
    )  # fmt: skip
    create_participant_full(
        db,
        ParticipantData(name="Olena Kovalenko", age_band="67+", languages=["uk"]),
        consent,
        today=TODAY,
    )
    create_household(
        db, HouseholdData(name="Familien Ødegård", contact_person_id=amina),
        [MemberData(person_id=amina), MemberData(first_name="Sara", birth_year=2019)],
        today=TODAY,
    )  # fmt: skip
    make_volunteer(db, amina, TODAY)
    db.close()
    return path


def test_json_keys_and_values(register_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(register_db), "participants", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["Amina Ødegård", "Olena Kovalenko"]
    assert all(set(r) == KEYS for r in rows)
    amina, olena = rows
    assert amina["birth_year"] == 1990 and amina["gender"] == "female"
    assert amina["languages"] == ["ar", "no"] and amina["interests"] == ["fotball"]
    assert amina["household_id"] and amina["household_name"] == "Familien Ødegård"
    assert amina["district"] == "Sentrum" and amina["is_volunteer"] is True
    assert amina["age_band"] in ("26-66", "18-25")
    assert olena["household_id"] is None and olena["birth_year"] is None
    assert olena["age_band"] == "67+" and olena["is_volunteer"] is False
    assert olena["gender"] == "unknown"


def test_search_folds_aeoeaa(register_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("øde", "ØDEGÅRD", "arabisk", "fotball"):
        code, out, _ = run(
            capsys, "--db", str(register_db), "participants", "--search", query, "--format", "json"
        )
        assert code == 0
        assert [r["name"] for r in json.loads(out)] == ["Amina Ødegård"], query
    code, out, _ = run(capsys, "--db", str(register_db), "participants", "--search", "zzz")
    assert code == 0 and len(out.splitlines()) == 2  # headings and rule only


def test_table_shows_norwegian_words(register_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(register_db), "participants")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Navn")
    assert "Kvinne" in lines[2] and "arabisk" in lines[2] and "ja" in lines[2]
    assert "67 år og eldre" in lines[3] and "ukrainsk" in lines[3] and "Ukjent" in lines[3]


def test_csv_for_norwegian_excel(
    register_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deltakere.csv"
    code, _, _ = run(
        capsys, "--db", str(register_db), "participants", "--format", "csv", "--out", str(target)
    )
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert set(rows[0]) == KEYS
    assert rows[0]["languages"] == "ar,no" and rows[0]["is_volunteer"] == "true"


def test_missing_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mangler.sqlite"
    code, _, err = run(capsys, "--db", str(path), "participants")
    assert code == 2 and "finnes ikke" in err
    assert not path.exists()


def test_bad_format_exits_2(register_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(register_db), "participants", "--format", "xml")
    assert code == 2 and "xml" in err
