"""The vaktliste printout: the data it gathers, the PDF read back, and `dugnad print roster`."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from app.db import Database
from app.errors import NotFound
from app.reports.roster import render_roster
from app.services.centre import save_centre
from app.services.centre_info import CentreInfo
from app.services.print_rosters import (
    RosteredVolunteer,
    RosterPrintout,
    RosterSession,
    coming_month,
    roster_printout,
)
from app.services.rosters import roster_volunteer
from app.services.schedule import WeeklyRule
from app.services.sessions import cancel_session, list_sessions, save_rule
from tests.services_fixtures import activity, team, volunteer, weekly

MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
MARCH_THURSDAYS = (dt.date(2026, 3, 5), dt.date(2026, 3, 12), dt.date(2026, 3, 19),
                   dt.date(2026, 3, 26))  # fmt: skip
PRINTED = dt.date(2026, 2, 20)


def squash(text: str) -> str:
    return " ".join(text.split())


def pages_of(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def render(roster: RosterPrintout) -> tuple[list[str], bytes]:
    buffer = io.BytesIO()
    render_roster(roster, buffer)
    return pages_of(buffer.getvalue()), buffer.getvalue()


@pytest.fixture
def cafe(db: Database) -> dict[str, object]:
    """Språkkafé on Thursdays (2 volunteers needed), Kari and Åse on the team, a roster in March:
    5th full (Kari confirmed), 12th Åse alone, 19th nobody, 26th cancelled."""
    save_centre(db, CentreInfo(name="Frivilligsentralen i Bø"))
    cafe_id = activity(db, "Språkkafé", needed=2)
    sessions = {s.date: s.id for s in weekly(db, cafe_id)}
    kari = volunteer(db, "Kari Ødegård")
    aase = volunteer(db, "Åse Bråten")
    team(db, cafe_id, kari, "vert")
    team(db, cafe_id, aase, "kaffeansvarlig")
    roster_volunteer(db, sessions[dt.date(2026, 3, 5)], kari, confirmed=True)
    roster_volunteer(db, sessions[dt.date(2026, 3, 5)], aase)
    roster_volunteer(db, sessions[dt.date(2026, 3, 12)], aase, confirmed=True)
    roster_volunteer(db, sessions[dt.date(2026, 3, 26)], kari)
    cancel_session(db, sessions[dt.date(2026, 3, 26)], "Biblioteket er stengt")
    return {"id": cafe_id, "sessions": sessions, "kari": kari, "aase": aase}


# -- the data -------------------------------------------------------------------------------------


def test_roster_data_has_every_session_with_its_volunteers(
    db: Database, cafe: dict[str, object]
) -> None:
    roster = roster_printout(db, *MARCH, str(cafe["id"]), today=PRINTED)
    assert roster.activity == "Språkkafé" and roster.centre_name == "Frivilligsentralen i Bø"
    assert [s.date for s in roster.sessions] == list(MARCH_THURSDAYS)
    full, alone, empty, cancelled = roster.sessions
    assert [(v.name, v.role, v.confirmed) for v in full.volunteers] == [
        ("Kari Ødegård", "vert", True),
        ("Åse Bråten", "kaffeansvarlig", False),  # Å sorts after K, the Norwegian way
    ]
    assert (full.missing, alone.missing, empty.missing) == (0, 1, 2)
    assert cancelled.cancelled and cancelled.missing == 0  # a cancelled session needs nobody
    assert cancelled.cancel_reason == "Biblioteket er stengt"
    assert (roster.understaffed, roster.cancelled) == (2, 1)


def test_unknown_activity_is_not_found(db: Database, cafe: dict[str, object]) -> None:
    with pytest.raises(NotFound, match="Fant ingen aktivitet"):
        roster_printout(db, *MARCH, "00000000-0000-4000-8000-000000000000")


def test_coming_month() -> None:
    assert coming_month(dt.date(2026, 11, 22)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert coming_month(dt.date(2026, 12, 31)) == (dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert coming_month(dt.date(2027, 1, 31)) == (dt.date(2027, 2, 1), dt.date(2027, 2, 28))


# -- the PDF --------------------------------------------------------------------------------------


def test_one_activity_prints_its_month(db: Database, cafe: dict[str, object]) -> None:
    pages, _pdf = render(roster_printout(db, *MARCH, str(cafe["id"]), today=PRINTED))
    assert len(pages) == 1
    text = pages[0]
    assert "Frivilligsentralen i Bø" in text and "Vaktliste: Språkkafé" in text
    assert "Periode: 01.03.2026–31.03.2026" in text
    assert "3 økter · 2 med for få frivillige · 1 avlyst" in text
    for day in MARCH_THURSDAYS:
        assert f"Torsdag {day:%d.%m.%Y}" in text
    assert "18:00–20:00" in text
    assert "Kari Ødegård (vert) ✓" in text
    assert "Åse Bråten (kaffeansvarlig), ikke bekreftet" in text
    assert "Mangler 1 frivillig" in text and "Mangler 2 frivillige" in text
    assert "Ingen satt opp ennå" in text
    assert "Avlyst" in text and "Biblioteket er stengt" in text
    assert "Var satt opp: Kari Ødegård" in text
    assert "Side 1 av 1" in text and "Skrevet ut 20.02.2026" in text


def test_an_empty_period_says_so_on_one_page(db: Database, cafe: dict[str, object]) -> None:
    start, end = dt.date(2026, 7, 1), dt.date(2026, 7, 31)
    pages, _pdf = render(roster_printout(db, start, end, str(cafe["id"]), today=PRINTED))
    assert len(pages) == 1
    assert "Språkkafé har ingen økter fra 01.07.2026 til og med 31.07.2026." in pages[0]
    assert "Side 1 av 1" in pages[0]
    pages, _pdf = render(roster_printout(db, start, end, today=PRINTED))
    assert "Ingen økter fra 01.07.2026 til og med 31.07.2026." in pages[0]


def test_all_activities_are_grouped_by_activity(db: Database, cafe: dict[str, object]) -> None:
    homework = activity(db, "Leksehjelp", needed=1)
    save_rule(db, homework, WeeklyRule(0, 1, dt.time(16, 0), dt.time(18, 0),
                                       dt.date(2026, 3, 1), dt.date(2026, 3, 31)))  # fmt: skip
    pages, _pdf = render(roster_printout(db, *MARCH, today=PRINTED))
    text = " ".join(pages)
    assert "Vaktliste Periode" in text  # no activity in the title: all of them
    assert "8 økter" in text  # 4 Thursdays (1 cancelled) and 5 Mondays
    # Leksehjelp before Språkkafé (by name), each under its own heading.
    assert text.index("Leksehjelp") < text.index("Språkkafé") < text.index("Torsdag 05.03.2026")
    assert text.index("Mandag 30.03.2026") < text.index("Språkkafé")


def test_a_month_with_many_sessions_has_every_session_and_numbered_pages(db: Database) -> None:
    """Three daily activities for a month (holidays skipped): every session, over several pages."""
    first, last = dt.date(2026, 5, 1), dt.date(2026, 5, 31)
    helpers = [volunteer(db, name) for name in ("Kari Ødegård", "Ola Nordmann", "Åse Bråten")]
    names = ("Klesutdeling", "Leksehjelp", "Språkkafé")
    for name in names:
        activity_id = activity(db, name, needed=1)
        for weekday in range(7):
            save_rule(db, activity_id, WeeklyRule(weekday, 1, dt.time(10, 0), dt.time(12, 0),
                                                  first, last))  # fmt: skip
    planned = list_sessions(db, first, last)
    assert len(planned) == 78  # 31 days less 1, 14, 17, 24 and 25 May, three activities
    for n, session in enumerate(planned):
        if n % 3:
            team_member = helpers[n % len(helpers)]
            try:
                team(db, session.activity_id, team_member, "vert")
            except Exception:  # noqa: BLE001 - already on the team
                pass
            roster_volunteer(db, session.id, team_member)
    roster = roster_printout(db, first, last, today=PRINTED)
    assert [s.id for s in roster.sessions] == [s.id for s in planned]
    pages, _pdf = render(roster)
    assert len(pages) > 2
    for n, page in enumerate(pages, start=1):
        assert f"Side {n} av {len(pages)}" in page
    text = " ".join(pages)
    for day in {s.date for s in planned}:
        assert text.count(f"{day:%d.%m.%Y} 10:00–12:00") == len(names)
    # Each activity's heading repeats on the pages it runs on, with the column heads.
    assert all("Dato og tid Frivillige Merknad" in page for page in pages)


def test_arabic_and_tigrinya_names_print_in_their_scripts(
    db: Database, cafe: dict[str, object], tmp_path: Path
) -> None:
    sessions: dict = cafe["sessions"]  # type: ignore[assignment]
    arabic = volunteer(db, "محمد الأحمد")
    tigrinya = volunteer(db, "ሰላም ተስፋይ")
    for person in (arabic, tigrinya):
        team(db, str(cafe["id"]), person, "vert")
        roster_volunteer(db, sessions[dt.date(2026, 3, 19)], person, confirmed=True)
    pages, pdf = render(roster_printout(db, *MARCH, str(cafe["id"]), today=PRINTED))
    text = unicodedata.normalize("NFKC", pages[0])
    assert "ሰላም ተስፋይ" in text
    assert all(word in text for word in ("محمد", "الأحمد"))
    path = tmp_path / "roster.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    assert list(tmp_path.glob("page*.png"))


def test_a_session_with_a_very_long_roster_runs_over_pages() -> None:
    """A row always fits on a page: 120 names go on in rows of their own, none lost."""
    names = tuple(
        RosteredVolunteer(f"Frivillig Nummer{n:03d}", "vert", n % 2 == 0) for n in range(120)
    )
    session = RosterSession(
        id="s", activity_id="a", activity="Dugnad i parken", date=dt.date(2026, 5, 9),
        start=dt.time(10, 0), end=dt.time(15, 0), place="Parken", cancelled=False,
        cancel_reason=None, volunteers_needed=150, volunteers=names,
    )  # fmt: skip
    roster = RosterPrintout("Frivilligsentralen i Bø", None, session.date, session.date,
                            "Dugnad i parken", (session,), PRINTED)  # fmt: skip
    pages, _pdf = render(roster)
    assert len(pages) >= 2
    text = " ".join(pages)
    assert "Dato: 09.05.2026" in text and "Mangler 30 frivillige" in text
    assert all(f"Nummer{n:03d} (vert)" in text for n in range(120))


def test_the_roster_follows_the_ui_language(db: Database, cafe: dict[str, object]) -> None:
    from app.i18n import set_language

    set_language("nn")
    text = render(roster_printout(db, *MARCH, str(cafe["id"]), today=PRINTED))[0][0]
    assert "Side 1 av 1" in text


# -- the command ----------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_roster(
    db: Database, db_path: Path, cafe: dict[str, object], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.close()
    pdf = tmp_path / "vaktliste.pdf"
    code, out, err = run(capsys, "--db", str(db_path), "print", "roster", "--from", "01.03.2026",
                         "--to", "2026-03-31", "--activity", str(cafe["id"]),
                         "--out", str(pdf))  # fmt: skip
    assert code == 0, err
    assert str(pdf) in out
    text = " ".join(pages_of(pdf.read_bytes()))
    assert "Vaktliste: Språkkafé" in text and "Kari Ødegård" in text
    all_pdf = tmp_path / "alle.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "roster", "--from",
                          "01.03.2026", "--to", "31.03.2026", "--out", str(all_pdf))  # fmt: skip
    assert code == 0, err
    assert "Språkkafé" in " ".join(pages_of(all_pdf.read_bytes()))


def test_cli_refuses_bad_input_and_writes_nothing(
    db: Database, db_path: Path, cafe: dict[str, object], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.close()
    pdf = tmp_path / "x.pdf"
    base = ("--db", str(db_path), "print", "roster")
    code, _out, err = run(capsys, *base, "--from", "31.03.2026", "--to", "01.03.2026",
                          "--out", str(pdf))  # fmt: skip
    assert code == 2 and "Til-datoen (01.03.2026) er før fra-datoen (31.03.2026)." in err
    code, _out, err = run(capsys, *base, "--from", "01.03.2026", "--to", "31.03.2026",
                          "--activity", "nope", "--out", str(pdf))  # fmt: skip
    assert code == 2 and "Fant ingen aktivitet med ID nope." in err
    code, _out, err = run(capsys, *base, "--from", "31.02.2026", "--to", "31.03.2026",
                          "--out", str(pdf))  # fmt: skip
    assert code == 2 and "«31.02.2026» er ikke en dato" in err
    code, _out, err = run(capsys, *base, "--from", "01.03.2026", "--out", str(pdf))
    assert code == 2 and "--to" in err
    for message in (err,):
        assert "Traceback" not in message
    assert not pdf.exists()
    code, _out, err = run(capsys, "--db", str(tmp_path / "missing.sqlite"), "print", "roster",
                          "--from", "01.03.2026", "--to", "31.03.2026",
                          "--out", str(pdf))  # fmt: skip
    assert code == 2 and not pdf.exists()
