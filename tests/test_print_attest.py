"""The attest for voluntary work: its data, the PDF read back, and `dugnad print attest`.

The hours come from the same rules as the volunteer page (`hours_summary`): session attendance,
logged hours and pair meetings. The attest never names the family a volunteer was paired with and
holds nothing sensitive.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select, update

from app.cli import main
from app.db import Database
from app.errors import DugnadError, NotFound
from app.models import Person, Volunteer
from app.reports.volunteer_attest import render_volunteer_attest
from app.services.attendance import AttendanceInput, save_attendance
from app.services.centre import update_centre
from app.services.hours import hours_summary, log_hours
from app.services.pairings import log_meeting
from app.services.print_people import AttestRole, HoursLine, volunteer_attest
from app.services.programme_members import join_programme
from app.services.programmes import find_programme
from app.services.teams import add_team_member, end_team_member
from app.services.volunteers import VolunteerInput, change_status, create_volunteer
from tests.services_fixtures import activity, weekly
from tests.test_pairings import TODAY, active_pairing, household, volunteer

D = dt.date


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def render(attest) -> tuple[list[str], bytes]:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    render_volunteer_attest(attest, buffer)
    return pdf_pages(buffer.getvalue()), buffer.getvalue()


def centre(db: Database, manager: str = "Kåre Bjørnstad") -> None:
    update_centre(db, name="Frivilligsentralen i Bø", orgnr="974624486",
                  address="Gullbringvegen 28", postcode="3800", place="Bø i Telemark",
                  manager_name=manager)  # fmt: skip


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    """Åse: a host at the language café (2025), a homework helper since August 2025, a refugee
    guide for the Hassan family since February 2026, taken into Vennefamilie without a pairing,
    with attendance, logged hours and a pair meeting; and a phone, an e-mail and a note."""
    centre(db)
    ase = volunteer(db, "Åse Ødegård")  # started 01.01.2025, onboarded, certificate shown
    with db.write() as session:
        pk = session.scalar(select(Person.id).where(Person.uuid == ase))
        session.execute(update(Person).where(Person.id == pk)
                        .values(phone="+4791234567", email="ase@example.no"))  # fmt: skip
        session.execute(update(Volunteer).where(Volunteer.person_id == pk)
                        .values(notes="Privat notat om Åse"))  # fmt: skip
    cafe = activity(db, "Språkkafé på biblioteket", start=D(2025, 1, 1))
    homework = activity(db, "Leksehjelp", start=D(2025, 1, 1))
    host = add_team_member(db, cafe, ase, "vert", D(2025, 3, 1))
    end_team_member(db, host, D(2025, 6, 30))
    add_team_member(db, homework, ase, "leksehjelper", D(2025, 8, 15))
    cafe_sessions = weekly(db, cafe, first=D(2025, 3, 1), last=D(2025, 3, 31))
    homework_sessions = weekly(db, homework, first=D(2026, 3, 1), last=D(2026, 3, 31))
    for s in cafe_sessions[:3]:
        save_attendance(db, s.id, AttendanceInput(volunteers={ase: 2.0}))  # 6 h in 2025
    for s in homework_sessions[:4]:
        save_attendance(db, s.id, AttendanceInput(volunteers={ase: 1.5}))  # 6 h in 2026
    log_hours(db, ase, D(2026, 5, 17), 3.0, "driving", today=TODAY)
    log_hours(db, ase, D(2025, 12, 1), 2.5, "other", today=TODAY)
    family = household(db, "Familien Hassan", adults=[1988], children=[2016])
    pairing = active_pairing(db, family, [ase], D(2026, 2, 1))
    log_meeting(db, pairing, D(2026, 3, 10), 2.0, "Hemmelig møtenotat", today=TODAY)
    join_programme(db, ase, find_programme(db, "Vennefamilie").id, D(2025, 5, 1))
    return {"ase": ase, "pairing": pairing}


# -- the data -------------------------------------------------------------------------------------


def test_attest_holds_period_roles_and_hours(db: Database, world: dict[str, str]) -> None:
    attest = volunteer_attest(db, world["ase"], today=TODAY)
    assert attest.volunteer_name == "Åse Ødegård"
    assert (attest.start, attest.end, attest.ongoing) == (D(2025, 1, 1), TODAY, True)
    assert attest.roles == (
        AttestRole("Språkkafé på biblioteket", "Vert", D(2025, 3, 1), D(2025, 6, 30)),
        AttestRole("Vennefamilie", "Frivillig i programmet", D(2025, 5, 1), None),
        AttestRole("Leksehjelp", "Leksehjelper", D(2025, 8, 15), None),
        AttestRole("Flyktningguide", "Fast kontakt for en familie", D(2026, 2, 1), None),
    )
    # One source for the figure: the volunteer page's total.
    assert attest.total_hours == hours_summary(db, world["ase"], today=TODAY).total == 19.5
    assert attest.hours_by_year == ((2025, 8.5), (2026, 11.0))
    assert attest.hours_by_task == (
        HoursLine("Leksehjelp", 6.0),
        HoursLine("Språkkafé på biblioteket", 6.0),
        HoursLine("Kjøring", 3.0),
        HoursLine("Annet frivillig arbeid", 2.5),
        HoursLine("Flyktningguide", 2.0),
    )
    assert attest.centre.manager_name == "Kåre Bjørnstad"


def test_an_ended_volunteer_is_attested_to_the_day_they_ended(
    db: Database, world: dict[str, str]
) -> None:
    change_status(db, world["ase"], "ended", D(2026, 10, 31), "Flyttet")
    attest = volunteer_attest(db, world["ase"], today=TODAY)
    assert (attest.start, attest.end, attest.ongoing) == (D(2025, 1, 1), D(2026, 10, 31), False)
    # Tasks still open when they ended, end with them; a task ended before keeps its own end.
    ends = {r.task: r.end for r in attest.roles}
    assert ends["Leksehjelp"] == ends["Flyktningguide"] == D(2026, 10, 31)
    assert ends["Språkkafé på biblioteket"] == D(2025, 6, 30)
    text = " ".join(render(attest)[0])
    assert ("Vi bekrefter at Åse Ødegård var frivillig ved Frivilligsentralen i Bø fra "
            "01.01.2025 til 31.10.2026.") in text  # fmt: skip
    assert "Flyttet" not in text  # the reason stays in the register


def test_refusals(db: Database, world: dict[str, str]) -> None:
    with pytest.raises(NotFound):
        volunteer_attest(db, "finnes-ikke", today=TODAY)
    update_centre(db, manager_name="")
    with pytest.raises(DugnadError) as refused:
        volunteer_attest(db, world["ase"], today=TODAY)
    assert "daglig leder" in refused.value.message and refused.value.exit_code == 2


# -- the PDF --------------------------------------------------------------------------------------


def test_pdf_reads_like_an_attest_and_holds_nothing_sensitive(
    db: Database, world: dict[str, str]
) -> None:
    pages, _pdf = render(volunteer_attest(db, world["ase"], today=TODAY))
    assert len(pages) == 1
    text = pages[0]
    assert "Side 1 av 1" in text and "Skrevet ut 22.11.2026" in text
    assert "Gullbringvegen 28 3800 Bø i Telemark Org.nr. 974 624 486" in text
    assert "Dato: 22.11.2026" in text
    assert "Attest for frivillig innsats" in text
    assert ("Vi bekrefter at Åse Ødegård har vært frivillig ved Frivilligsentralen i Bø siden "
            "01.01.2025, og er det fortsatt.") in text  # fmt: skip
    assert "Oppgave Rolle Periode" in text
    assert "Språkkafé på biblioteket Vert 01.03.2025–30.06.2025" in text
    assert "Leksehjelp Leksehjelper fra 15.08.2025" in text
    assert "Flyktningguide Fast kontakt for en familie fra 01.02.2026" in text
    assert "Vennefamilie Frivillig i programmet fra 01.05.2025" in text
    assert "Til sammen 19,5 timer frivillig arbeid" in text
    assert "Kjøring 3" in text and "Annet frivillig arbeid 2,5" in text
    assert "Til sammen 19,5" in text
    assert "2025 8,5" in text and "2026 11" in text
    assert "Kåre Bjørnstad Daglig leder Frivilligsentralen i Bø" in text
    for never in ("Hassan", "912", "ase@example.no", "Privat notat", "Hemmelig", "politiattest",
                  "Politiattest", "1985"):  # fmt: skip
        assert never not in text


def test_pdf_of_a_new_volunteer_says_there_is_nothing_yet(db: Database) -> None:
    centre(db)
    new = create_volunteer(db, VolunteerInput(name="Ola Nordmann", start_date=D(2026, 11, 1)),
                           today=TODAY)  # fmt: skip
    attest = volunteer_attest(db, new, today=TODAY)
    assert attest.roles == () and attest.total_hours == 0 and attest.hours_by_year == ()
    text = " ".join(render(attest)[0])
    assert "Ingen faste oppgaver er registrert." in text
    assert "Det er ikke registrert timer ennå." in text


def test_many_roles_run_over_pages_with_the_headings_repeated(db: Database) -> None:
    centre(db)
    busy = create_volunteer(db, VolunteerInput(name="Bjørn Ås", start_date=D(2020, 1, 1)),
                            today=TODAY)  # fmt: skip
    for n in range(45):
        a = activity(db, f"Aktivitet {n:02d}", start=D(2020, 1, 1))
        add_team_member(db, a, busy, "vert", D(2020, 1, 1) + dt.timedelta(days=n))
    pages, _pdf = render(volunteer_attest(db, busy, today=TODAY))
    n = len(pages)
    assert n >= 2 and f"Side 1 av {n}" in pages[0] and f"Side {n} av {n}" in pages[-1]
    assert "Aktivitet 00 Vert" in pages[0]  # the list starts on the first page, not after it
    text = " ".join(pages)
    assert all(f"Aktivitet {n:02d} Vert" in text for n in range(45))
    assert "Oppgave Rolle Periode" in pages[1]  # the header row again on the next page
    assert "Kåre Bjørnstad" in pages[-1]


def test_name_in_arabic_script(db: Database, tmp_path: Path) -> None:
    """A name written in Arabic letters is shaped and set right to left inside the sentence."""
    centre(db)
    name = "محمد الأحمد"
    v = create_volunteer(db, VolunteerInput(name=name, start_date=D(2025, 1, 1)), today=TODAY)
    pages, pdf = render(volunteer_attest(db, v, today=TODAY))
    text = unicodedata.normalize("NFKC", pages[0])
    assert "محمد" in text and "الأحمد" in text
    assert "Vi bekrefter at" in text  # a Norwegian word first: the sentence runs left to right
    assert "har vært frivillig ved Frivilligsentralen i Bø siden 01.01.2025" in text
    path = tmp_path / "attest.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path),
                           str(tmp_path / "page")], check=False)  # fmt: skip
    assert done.returncode == 0 and (tmp_path / "page-1.png").stat().st_size > 5_000


# -- the command line -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_attest(
    db: Database, db_path: Path, world: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / "attest.pdf"
    code, stdout, err = run(capsys, "--db", str(db_path), "print", "attest",
                            "--volunteer", world["ase"], "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert f"Skrev attesten for Åse Ødegård til {out}." in stdout
    text = " ".join(pdf_pages(out.read_bytes()))
    assert "Attest for frivillig innsats" in text and "Åse Ødegård" in text
    assert "Side 1 av 1" in text


def test_cli_refuses_with_a_plain_message_and_writes_nothing(
    db: Database, db_path: Path, world: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / "attest.pdf"
    base = ("--db", str(db_path), "print", "attest")
    code, _out, err = run(capsys, *base, "--volunteer", "finnes-ikke", "--out", str(out))
    assert code == 2 and "Fant ingen frivillig med ID finnes-ikke" in err
    assert "Traceback" not in err
    code, _out, err = run(capsys, *base, "--out", str(out))  # no --volunteer
    assert code == 2 and "--volunteer" in err
    update_centre(db, manager_name="")
    code, _out, err = run(capsys, *base, "--volunteer", world["ase"], "--out", str(out))
    assert code == 2 and "Sentralen mangler navnet på daglig leder" in err
    assert not out.exists()
