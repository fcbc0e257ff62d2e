"""`dugnad activities` and `dugnad sessions` as centres script them: keys, formats, exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database
from app.services.codes import (
    BUILTIN_ACTIVITY_TYPES,
    COUNTING,
    REPORTING_CATEGORIES,
    TARGET_GROUPS,
)
from app.services.demo import fill_demo

TODAY = dt.date(2026, 6, 1)  # the demo's "today": sessions from 01.06.2025 to 29.09.2026
ACTIVITY_KEYS = {
    "id", "name", "type", "type_name", "reporting_category", "place", "target_groups",
    "languages", "requires_certificate", "counting", "capacity", "volunteers_needed",
    "start_date", "end_date", "schedule",
}  # fmt: skip
SESSION_KEYS = {
    "id", "activity", "activity_id", "date", "start", "end", "place", "cancelled",
    "cancel_reason", "volunteers_needed", "volunteers_assigned", "understaffed",
    "attendance_recorded", "attendance",
}  # fmt: skip
FLAT_ATTENDANCE = (
    "attendance_volunteers", "attendance_volunteer_hours", "attendance_registered",
    "attendance_headcount",
)  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    db = Database.open(path, create=True)
    fill_demo(db, size="small", seed=7, today=TODAY)
    db.close()
    return path


def activities(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict]:
    code, out, err = run(capsys, "--db", str(db), "activities", "--format", "json")
    assert code == 0, err
    return json.loads(out)


def by_name(rows: list[dict], name: str) -> dict:
    return next(r for r in rows if r["name"] == name)


# -- activities ---------------------------------------------------------------------------------


def test_activities_json_has_the_documented_keys_and_codes(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = activities(capsys, demo_db)
    assert 10 <= len(rows) <= 15
    assert [r["name"] for r in rows] == sorted((r["name"] for r in rows), key=str.casefold)
    for row in rows:
        assert set(row) == ACTIVITY_KEYS
        assert row["type"] in BUILTIN_ACTIVITY_TYPES
        assert row["reporting_category"] in REPORTING_CATEGORIES
        assert row["counting"] in COUNTING
        assert row["target_groups"] and set(row["target_groups"]) <= set(TARGET_GROUPS)
        assert isinstance(row["requires_certificate"], bool)
        assert isinstance(row["languages"], list)
        dt.date.fromisoformat(row["start_date"])
        assert len(row["id"]) == 36
    cafe = by_name(rows, "Språkkafé på biblioteket")
    assert cafe["type"] == "sprakkafe" and cafe["type_name"] == "Språkkafé"
    assert cafe["place"] == "Sandnes bibliotek"
    assert cafe["schedule"] == "torsdag 18:00–20:00"
    assert cafe["counting"] == "headcount" and cafe["requires_certificate"] is False
    homework = by_name(rows, "Leksehjelp 1.–7. trinn")
    assert homework["requires_certificate"] is True
    assert homework["target_groups"] == ["children"]
    assert homework["counting"] == "enrolled" and homework["capacity"] == 20
    assert by_name(rows, "Turgruppa")["schedule"] == "annenhver søndag 11:00–14:00"
    assert by_name(rows, "Informasjonsmøte for nyankomne")["schedule"] == "enkeltøkter"
    ended = by_name(rows, "Sykkelkurs for kvinner")
    assert dt.date.fromisoformat(ended["end_date"]) < TODAY


def test_activities_table_shows_norwegian_words(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "activities")
    assert code == 0
    heading, _rule, *lines = out.splitlines()
    assert heading.startswith("Navn") and "Politiattest" in heading and "Tidsplan" in heading
    homework = next(line for line in lines if line.startswith("Leksehjelp 1.–7. trinn"))
    assert "barn" in homework and "ja" in homework and "tirsdag 17:00–19:00" in homework
    assert "Fast gruppe (påmeldte)" in homework and "children" not in homework
    cafe = next(line for line in lines if line.startswith("Språkkafé"))
    assert "Drop-in (antall frammøtte)" in cafe and "nei" in cafe and "arabisk" in cafe


def test_activities_csv_for_norwegian_excel(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "aktiviteter.csv"
    code, out, _ = run(
        capsys, "--db", str(demo_db), "activities", "--format", "csv", "--out", str(target)
    )
    assert code == 0 and out == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert set(rows[0]) == ACTIVITY_KEYS
    cafe = next(r for r in rows if r["name"] == "Språkkafé på biblioteket")
    assert cafe["languages"] == "no,ar,uk,ti"
    assert cafe["requires_certificate"] == "false" and cafe["end_date"] == ""
    assert next(r for r in rows if r["name"] == "Kvinnegruppa")["target_groups"] == "women"


# -- sessions -----------------------------------------------------------------------------------


def sessions(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> list[dict]:
    code, out, err = run(capsys, "--db", str(db), "sessions", *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_sessions_json_keys_and_attendance(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = sessions(capsys, demo_db, "--from", "01.03.2026", "--to", "2026-03-31")
    assert len(rows) > 20
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates) and dates[0] >= "2026-03-01" and dates[-1] <= "2026-03-31"
    for row in rows:
        assert set(row) == SESSION_KEYS
        assert set(row["attendance"]) == {"volunteers", "volunteer_hours", "registered",
                                          "headcount"}  # fmt: skip
        assert isinstance(row["cancelled"], bool)
        assert len(row["start"]) == 5 and row["start"][2] == ":" and row["end"] > row["start"]
        assert isinstance(row["attendance"]["volunteer_hours"], float)
        assert row["understaffed"] == (
            not row["cancelled"] and row["volunteers_assigned"] < row["volunteers_needed"]
        )
    cafe = [r for r in rows if r["activity"] == "Språkkafé på biblioteket"]
    assert cafe and all(dt.date.fromisoformat(r["date"]).weekday() == 3 for r in cafe)
    assert all((r["start"], r["end"], r["place"]) == ("18:00", "20:00", "Sandnes bibliotek")
               for r in cafe)  # fmt: skip
    held = [r for r in cafe if r["attendance_recorded"]]
    assert held and all(r["attendance"]["headcount"] > 0 for r in held)
    assert all(r["attendance"]["registered"] == 0 for r in cafe)  # drop-in: nobody by name
    group = [r for r in rows if r["activity"] == "Leksehjelp 1.–7. trinn" and
             r["attendance_recorded"]]  # fmt: skip
    assert group and all(r["attendance"]["registered"] > 0 for r in group)
    assert all(r["attendance"]["volunteer_hours"] >= 2 * r["attendance"]["volunteers"]
               for r in group)  # fmt: skip


def test_sessions_show_cancelled_and_understaffed(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = sessions(capsys, demo_db, "--from", "01.06.2025", "--to", "29.09.2026")
    cancelled = [r for r in rows if r["cancelled"]]
    assert cancelled and all(r["cancel_reason"] for r in cancelled)
    assert all(r["attendance"] == {"volunteers": 0, "volunteer_hours": 0.0, "registered": 0,
                                   "headcount": 0} for r in cancelled)  # fmt: skip
    assert any(r["understaffed"] for r in rows if r["date"] >= TODAY.isoformat())
    assert all(not r["attendance_recorded"] for r in rows if r["date"] >= TODAY.isoformat())


def test_sessions_filter_by_repeated_activity(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = activities(capsys, demo_db)
    cafe = by_name(listed, "Språkkafé på biblioteket")["id"]
    walk = by_name(listed, "Turgruppa")["id"]
    span = ("--from", "2026-01-01", "--to", "2026-05-31")
    one = sessions(capsys, demo_db, *span, "--activity", cafe)
    assert one and {r["activity_id"] for r in one} == {cafe}
    both = sessions(capsys, demo_db, *span, "--activity", cafe, "--activity", walk)
    assert {r["activity_id"] for r in both} == {cafe, walk}
    assert len(both) > len(one)
    everything = sessions(capsys, demo_db, *span)
    assert len(everything) > len(both)


def test_sessions_csv_flattens_attendance(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "sessions", "--from", "2026-03-02",
                       "--to", "2026-03-08", "--format", "csv")  # fmt: skip
    assert code == 0 and out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert rows
    header = set(rows[0])
    assert "attendance" not in header
    assert header == (SESSION_KEYS - {"attendance"}) | set(FLAT_ATTENDANCE)
    held = [r for r in rows if r["attendance_recorded"] == "true" and
            r["attendance_volunteers"] != "0"]  # fmt: skip
    assert held and all("," in r["attendance_volunteer_hours"] for r in held)  # decimal comma
    assert all(r["cancelled"] in ("true", "false") for r in rows)


def test_sessions_table_shows_norwegian_words(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "sessions", "--from", "2026-03-02",
                       "--to", "2026-03-08")  # fmt: skip
    assert code == 0
    heading, _rule, *lines = out.splitlines()
    assert heading.startswith("Dag") and "Dato" in heading and "Avlyst" in heading
    assert "attendance" not in heading
    assert lines[0].startswith("mandag") and "02.03.2026" in lines[0]
    assert any(line.startswith("torsdag") and "Språkkafé" in line for line in lines)
    assert all(" nei " in line or " ja " in line for line in lines)


def test_sessions_to_before_from_exits_2(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "sessions", "--from", "10.03.2026",
                         "--to", "01.03.2026")  # fmt: skip
    assert code == 2 and out == ""
    assert "01.03.2026" in err and "10.03.2026" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ("--from", "2026-13-01", "--to", "2026-12-31"),
        ("--from", "1/3/2026", "--to", "2026-12-31"),
        ("--to", "2026-12-31"),
    ],
)
def test_sessions_bad_dates_exit_2(
    demo_db: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "sessions", *argv)
    assert code == 2 and out == "" and "Traceback" not in err
    assert "Feil:" in err


def test_sessions_unknown_activity_exits_2(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cafe = by_name(activities(capsys, demo_db), "Språkkafé på biblioteket")["id"]
    unknown = "00000000-0000-4000-8000-000000000000"
    span = ("--from", "2026-01-01", "--to", "2026-01-31")
    code, out, err = run(capsys, "--db", str(demo_db), "sessions", *span,
                         "--activity", cafe, "--activity", unknown)  # fmt: skip
    assert code == 2 and out == ""
    assert unknown in err and "aktivitet" in err and "Traceback" not in err


def test_commands_refuse_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mangler.sqlite"
    for argv in (("activities",), ("sessions", "--from", "2026-01-01", "--to", "2026-01-02")):
        code, _, err = run(capsys, "--db", str(path), *argv)
        assert code == 2 and "finnes ikke" in err
    assert not path.exists()


def test_empty_database_lists_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tom.sqlite"
    assert run(capsys, "--db", str(path), "init", "--centre", "Tom sentral")[0] == 0
    assert activities(capsys, path) == []
    assert sessions(capsys, path, "--from", "2026-01-01", "--to", "2026-12-31") == []
