"""The command line as centres script it: exit codes, formats, messages, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite"
    assert run(capsys, "--db", str(path), "demo", "--seed", "7")[0] == 0
    return path


def test_init_creates_and_updates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sentral.sqlite"
    code, out, _ = run(capsys, "--db", str(path), "init", "--centre", "Sandnes frivilligsentral")
    assert code == 0 and "Opprettet" in out and path.exists()
    code, out, _ = run(capsys, "--db", str(path), "init", "--orgnr", "974 624 486")
    assert code == 0 and "Oppdaterte" in out and "Sandnes frivilligsentral" in out
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name, orgnr FROM centre").fetchone() == (
        "Sandnes frivilligsentral",
        "974624486",
    )
    conn.close()


def test_init_with_bad_orgnr_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sentral.sqlite"
    code, _, err = run(capsys, "--db", str(path), "init", "--orgnr", "123456789")
    assert code == 2
    assert "123456789" in err and "organisasjonsnummer" in err
    assert not path.exists()


def test_commands_other_than_create_refuse_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mangler.sqlite"
    for command in ("volunteers", "check"):
        code, _, err = run(capsys, "--db", str(path), command)
        assert code == 2 and "finnes ikke" in err
    assert not path.exists()


def test_volunteers_json_keys_and_search(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "volunteers", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert 140 <= len(rows) <= 160
    for key in ("id", "name", "phone", "email", "status", "languages", "birth_year"):
        assert key in rows[0]
    assert all(r["status"] in ("active", "paused", "ended") for r in rows)
    assert all(r["phone"] is None or r["phone"].startswith("+") for r in rows)
    code, out, _ = run(
        capsys, "--db", str(demo_db), "volunteers", "--search", "øde", "--format", "json"
    )
    found = json.loads(out)
    assert found and all("ødegård" in r["name"].casefold() for r in found)
    code, out, _ = run(
        capsys, "--db", str(demo_db), "volunteers", "--status", "ended", "--format", "json"
    )
    assert {r["status"] for r in json.loads(out)} == {"ended"}


def test_volunteers_csv_for_norwegian_excel(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "frivillige.csv"
    target.write_text("old content that must be replaced")
    code, _, _ = run(
        capsys, "--db", str(demo_db), "volunteers", "--format", "csv", "--out", str(target)
    )
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0].keys() >= {"id", "name", "phone", "languages"}
    assert len(rows) >= 140


def test_volunteers_table_shows_norwegian_words(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "volunteers", "--status", "paused")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Navn")
    assert all("Pause" in line for line in lines[2:])
    assert "+47 " in out


def test_demo_refuses_a_database_with_people(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "demo")
    assert code == 2 and "--force" in err
    assert run(capsys, "--db", str(demo_db), "demo", "--force", "--seed", "8")[0] == 0


def test_demo_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = []
    for n in (1, 2):
        path = tmp_path / f"d{n}.sqlite"
        run(capsys, "--db", str(path), "demo", "--seed", "3")
        run(capsys, "--db", str(path), "volunteers", "--format", "json")
        _, out, _ = run(capsys, "--db", str(path), "volunteers", "--format", "json")
        names.append([(r["name"], r["phone"], r["languages"]) for r in json.loads(out)])
    assert names[0] == names[1]


def test_check_ok_and_problems(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "check")
    assert code == 0 and "i orden" in out
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE volunteers SET person_id = 99999 WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", str(demo_db), "check")
    assert code == 1 and "volunteers" in out and "problem" in err


def test_bad_arguments_exit_2_in_norwegian(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "volunteers", "--status", "sleeping")
    assert code == 2 and "ugyldig valg" in err
    code, _, err = run(capsys, "--db", str(demo_db), "frivillige")
    assert code == 2 and "Feil" in err


def test_foreign_and_newer_files_exit_2_unchanged(
    tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "regneark.sqlite"
    foreign.write_bytes(b"PK\x03\x04 not a database")
    code, _, err = run(capsys, "--db", str(foreign), "volunteers")
    assert code == 2 and "ikke en Dugnad-database" in err
    assert foreign.read_bytes() == b"PK\x03\x04 not a database"
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", str(demo_db), "check")
    assert code == 2 and "nyere versjon" in err


def test_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "en", "--db", str(tmp_path / "x.sqlite"), "volunteers")
    assert code == 2 and "does not exist" in err


def test_console_script_as_a_user_calls_it(tmp_path: Path) -> None:
    """The installed `dugnad` entry point, in a real process: no traceback, right exit code."""
    exe = Path(sys.executable).with_name("dugnad")
    path = tmp_path / "x.sqlite"
    done = subprocess.run(
        [str(exe), "--db", str(path), "volunteers", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "finnes ikke" in done.stderr
    done = subprocess.run(
        [str(exe), "--db", str(path), "init", "--centre", "Åsane frivilligsentral"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_database_in_use_is_a_plain_message(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.db

    monkeypatch.setattr(app.db, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another Dugnad window is saving
    try:
        code, _, err = run(capsys, "--db", str(demo_db), "init", "--centre", "Nytt navn")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 2 and "i bruk" in err and "Traceback" not in err


def test_unknown_language_code_is_refused(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "volunteers", "--language", "klingon")
    assert code == 2 and "klingon" in err
