"""`dugnad certificates` and `dugnad certificates letter` as a centre scripts them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main

KEYS = {"id", "volunteer_id", "name", "role", "status", "needed_since", "requested_on", "shown_on",
        "issued_on", "expires_on", "checked_by", "days_waiting", "expires_soon"}  # fmt: skip
DATE_KEYS = ("needed_since", "requested_on", "shown_on", "issued_on", "expires_on")
STATES = ("needed", "requested", "cleared", "not_cleared", "expired")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-certs") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--seed", "3"]) == 0
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    """A fresh copy per test: listing brings records up to date, and the letter test reads bytes."""
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_file.read_bytes())
    return path


def listing(capsys: pytest.CaptureFixture[str], db: Path, *options: str) -> list[dict]:
    code, out, err = run(capsys, "--db", str(db), "certificates", *options, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_json_has_every_documented_key(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = listing(capsys, demo_db)
    assert len(rows) >= 10
    assert all(set(r) == KEYS for r in rows)
    assert {r["status"] for r in rows} == set(STATES)
    for r in rows:
        for key in DATE_KEYS:
            assert r[key] is None or dt.date.fromisoformat(r[key])
        assert r["needed_since"] is not None
        assert (r["days_waiting"] is None) == (r["status"] != "requested")
        if r["days_waiting"] is not None:
            today = dt.date.today()
            assert r["days_waiting"] == (today - dt.date.fromisoformat(r["requested_on"])).days
        assert isinstance(r["expires_soon"], bool)
        assert r["role"] is None or isinstance(r["role"], str)


def test_status_filter(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everyone = listing(capsys, demo_db)
    seen = 0
    for status in STATES:
        rows = listing(capsys, demo_db, "--status", status)
        assert rows and {r["status"] for r in rows} == {status}
        seen += len(rows)
    assert seen == len(everyone)


def test_due_within(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = dt.date.today() + dt.timedelta(days=60)
    rows = listing(capsys, demo_db, "--due-within", "60")
    assert rows
    for r in rows:
        assert r["status"] == "expired" or dt.date.fromisoformat(r["expires_on"]) <= limit
    soon = [r["id"] for r in listing(capsys, demo_db) if r["expires_soon"]]
    assert set(soon) <= {r["id"] for r in rows}
    assert len(listing(capsys, demo_db, "--due-within", "2000")) >= len(rows)


def test_table_speaks_norwegian_and_csv_carries_codes(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", str(demo_db), "certificates")
    assert code == 0
    assert out.splitlines()[0].startswith("Navn")
    for word in ("Trenger", "Bedt om", "Vist", "Vist med merknader", "Utløpt", "Dager ventet"):
        assert word in out
    assert "not_cleared" not in out and "requested" not in out
    code, out, _err = run(capsys, "--db", str(demo_db), "certificates", "--format", "csv")
    assert code == 0 and out.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";")
    rows = list(reader)
    assert set(reader.fieldnames or ()) == KEYS and {r["status"] for r in rows} == set(STATES)


def test_out_file(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "attester.json"
    code, out, _err = run(capsys, "--db", str(demo_db), "certificates", "--status", "needed",
                          "--format", "json", "--out", str(target))  # fmt: skip
    assert code == 0 and out == ""
    assert {r["status"] for r in json.loads(target.read_text("utf-8"))} == {"needed"}


@pytest.mark.parametrize(
    "options",
    [
        ("--status", "trenger"),
        ("--due-within", "soon"),
        ("--due-within", "-3"),
        ("--format", "xml"),
    ],
)
def test_bad_arguments_exit_2(
    demo_db: Path, capsys: pytest.CaptureFixture[str], options: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "certificates", *options)
    assert code == 2 and out == "" and "Traceback" not in err and err


def test_missing_database_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", str(tmp_path / "nope.sqlite"), "certificates")
    assert code == 2 and err and not (tmp_path / "nope.sqlite").exists()


# -- the purpose confirmation letter -------------------------------------------------------------


def _holder(capsys: pytest.CaptureFixture[str], db: Path) -> dict:
    return next(r for r in listing(capsys, db, "--status", "needed") if r["role"])


def test_letter_names_the_volunteer_and_never_stores_the_birth_date(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _holder(capsys, demo_db)
    pdf = tmp_path / "bekreftelse.pdf"
    code, out, err = run(capsys, "--db", str(demo_db), "certificates", "letter",
                         "--volunteer", holder["volunteer_id"], "--birth-date", "07.03.1991",
                         "--out", str(pdf))  # fmt: skip
    assert code == 0, err
    assert holder["name"] in out
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert holder["name"] in flat and "07.03.1991" in flat
    assert holder["role"] in flat and "Bekreftelse på formål" in flat
    assert "Politiregisterforskriften § 34-1, jf. politiregisterloven § 39 (1)" in flat
    assert "Kari Nordmann" in flat and "Daglig leder" in flat
    # The date of birth is printed, never stored: not in the file, not in any row.
    forms = ("07.03.1991", "1991-03-07", "07031991", "1991-03-07 00:00:00", "7.3.1991")
    for path in demo_db.parent.glob("demo.sqlite*"):
        raw = path.read_bytes()
        assert not any(f.encode() in raw for f in forms), path
    conn = sqlite3.connect(demo_db)
    dump = "\n".join(conn.iterdump())
    conn.close()
    assert not any(f in dump for f in forms)


def test_letter_in_nynorsk(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _holder(capsys, demo_db)
    pdf = tmp_path / "stadfesting.pdf"
    code, _out, err = run(capsys, "--db", str(demo_db), "certificates", "letter",
                          "--volunteer", holder["volunteer_id"], "--birth-date", "1980-12-24",
                          "--lang", "nn", "--out", str(pdf))  # fmt: skip
    assert code == 0, err
    flat = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Stadfesting av føremål" in flat and "24.12.1980" in flat and "Dagleg leiar" in flat


def test_letter_refuses_bad_input(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _holder(capsys, demo_db)
    pdf = tmp_path / "x.pdf"
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    for volunteer, birth in ((holder["volunteer_id"], "31.02.1990"),
                             (holder["volunteer_id"], future),
                             ("00000000-0000-4000-8000-000000000000", "01.01.1990")):  # fmt: skip
        code, _out, err = run(capsys, "--db", str(demo_db), "certificates", "letter",
                              "--volunteer", volunteer, "--birth-date", birth,
                              "--out", str(pdf))  # fmt: skip
        assert code == 2 and err and "Traceback" not in err
    # A volunteer without a role that requires a certificate gets no letter.
    code, out, _err = run(capsys, "--db", str(demo_db), "volunteers", "--format", "json")
    holders = {r["volunteer_id"] for r in listing(capsys, demo_db)}
    other = next(v for v in json.loads(out) if v["id"] not in holders)
    code, _out, err = run(capsys, "--db", str(demo_db), "certificates", "letter",
                          "--volunteer", other["id"], "--birth-date", "01.01.1990",
                          "--out", str(pdf))  # fmt: skip
    assert code == 2 and "politiattest" in err
    assert not pdf.exists()
    code, _out, err = run(capsys, "--db", str(demo_db), "certificates", "letter",
                          "--volunteer", holder["volunteer_id"], "--out", str(pdf))  # fmt: skip
    assert code == 2 and "--birth-date" in err
