"""The kontaktliste printout: who is on it, the PDF read back, and `dugnad print contacts`."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from app.db import Database
from app.errors import NotFound
from app.reports.contact_list import render_contact_list
from app.services.activities import ActivityInput, create_activity
from app.services.centre import add_staff, save_centre
from app.services.centre_info import CentreInfo
from app.services.print_rosters import ContactListPrintout, contact_list
from app.services.teams import add_team_member, end_team_member, list_team
from app.services.volunteers import VolunteerInput, change_status, create_volunteer

TODAY = dt.date(2026, 11, 22)
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def squash(text: str) -> str:
    return " ".join(text.split())


def pages_of(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def render(printout: ContactListPrintout) -> list[str]:
    buffer = io.BytesIO()
    render_contact_list(printout, buffer)
    return pages_of(buffer.getvalue())


def person(db: Database, name: str, phone: str = "", email: str = "") -> str:
    data = VolunteerInput(name=name, phone=phone, email=email, start_date=dt.date(2025, 1, 1))
    return create_volunteer(db, data, today=TODAY)


@pytest.fixture
def homework(db: Database) -> str:
    """Leksehjelp with a coordinator and a team: current, paused, joining later, left, ended."""
    save_centre(db, CentreInfo(name="Frivilligsentralen i Bø"))
    coordinator = add_staff(db, "Kåre Bjørnstad", "Koordinator")
    activity_id = create_activity(
        db, ActivityInput(name="Leksehjelp Sentrum", type_code="leksehjelp",
                          start_date=dt.date(2026, 1, 1), coordinator_id=coordinator),
    )  # fmt: skip
    members = {
        "Åse Ødegård": ("91234567", "ase.odegard@example.no", "leksehjelper"),
        "Ola Nordmann": ("22334455", "", "koordinator"),
        "Bjørn Ås": ("", "bjorn@example.no", ""),
        "Pål Paus": ("45678901", "pal@example.no", "leksehjelper"),
        "Siri Senere": ("98765432", "siri@example.no", "leksehjelper"),
        "Tor Tidligere": ("99887766", "tor@example.no", "leksehjelper"),
        "Else Ended": ("91122334", "else@example.no", "leksehjelper"),
    }
    ids = {}
    for name, (phone, email, role) in members.items():
        ids[name] = person(db, name, phone, email)
        start = dt.date(2026, 12, 1) if name == "Siri Senere" else dt.date(2026, 1, 5)
        add_team_member(db, activity_id, ids[name], role, start)
    rows = {r.name: r for r in list_team(db, activity_id)}
    end_team_member(db, rows["Tor Tidligere"].id, dt.date(2026, 6, 30))
    change_status(db, ids["Pål Paus"], "paused", dt.date(2026, 10, 1), "Eksamen")
    change_status(db, ids["Else Ended"], "ended", dt.date(2026, 10, 1), "Flyttet")
    return activity_id


def test_the_team_as_of_today_sorted_by_name(db: Database, homework: str) -> None:
    printout = contact_list(db, homework, today=TODAY)
    assert printout.activity == "Leksehjelp Sentrum"
    assert printout.coordinator == "Kåre Bjørnstad"
    # Left the team, or ended as a volunteer: not on the list. Å sorts last.
    assert [m.name for m in printout.members] == [
        "Bjørn Ås", "Ola Nordmann", "Pål Paus", "Siri Senere", "Åse Ødegård",
    ]  # fmt: skip
    by_name = {m.name: m for m in printout.members}
    assert by_name["Pål Paus"].paused and not by_name["Åse Ødegård"].paused
    assert by_name["Åse Ødegård"].phone == "+4791234567"
    assert by_name["Siri Senere"].from_date == dt.date(2026, 12, 1)


def test_unknown_activity(db: Database) -> None:
    with pytest.raises(NotFound):
        contact_list(db, UNKNOWN)


def test_pdf_is_marked_confidential_and_has_the_details(db: Database, homework: str) -> None:
    pages = render(contact_list(db, homework, today=TODAY))
    assert len(pages) == 1
    text = pages[0]
    assert "FORTROLIG · Kontaktliste: Leksehjelp Sentrum" in text  # the header, on every page
    assert "Kontaktliste: Leksehjelp Sentrum" in text
    assert "Ansvarlig: Kåre Bjørnstad" in text and "Per 22.11.2026" in text
    assert "personopplysninger" in text and "Ikke del den med andre" in text
    assert "5 frivillige i teamet" in text
    assert "Navn Rolle Telefon E-post" in text
    assert "Åse Ødegård leksehjelper +47 912 34 567 ase.odegard@example.no" in text
    assert "Ola Nordmann koordinator +47 22 33 44 55" in text
    assert "Pål Paus har pause" in text
    assert "fra 01.12.2026" in text
    assert "Tor Tidligere" not in text and "Else Ended" not in text
    assert "Side 1 av 1" in text and "Skrevet ut 22.11.2026" in text


def test_an_empty_team_says_so(db: Database) -> None:
    activity_id = create_activity(
        db, ActivityInput(name="Turgruppa", start_date=dt.date(2026, 1, 1))
    )
    text = render(contact_list(db, activity_id, today=TODAY))[0]
    assert "Teamet har ingen frivillige nå." in text and "FORTROLIG" in text


def test_long_team_runs_over_pages_with_the_mark_on_each(db: Database) -> None:
    activity_id = create_activity(
        db, ActivityInput(name="Klesutdeling", start_date=dt.date(2026, 1, 1))
    )
    for n in range(60):
        volunteer_id = person(db, f"Frivillig Nummer{n:02d}", f"9{n:07d}", f"f{n}@example.no")
        add_team_member(db, activity_id, volunteer_id, "sortering", dt.date(2026, 1, 5))
    arabic = person(db, "محمد الأحمد", "41234567")
    add_team_member(db, activity_id, arabic, "tolk", dt.date(2026, 1, 5))
    pages = render(contact_list(db, activity_id, today=TODAY))
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        assert "FORTROLIG · Kontaktliste: Klesutdeling" in page
        assert f"Side {n} av {len(pages)}" in page
    text = unicodedata.normalize("NFKC", " ".join(pages))
    assert all(f"Nummer{n:02d}" in text for n in range(60))
    assert "محمد" in text and "+47 412 34 567" in text


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli(
    db: Database, db_path: Path, homework: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.close()
    pdf = tmp_path / "kontakter.pdf"
    code, out, err = run(capsys, "--db", str(db_path), "print", "contacts",
                         "--activity", homework, "--out", str(pdf))  # fmt: skip
    assert code == 0, err
    assert str(pdf) in out
    text = " ".join(pages_of(pdf.read_bytes()))
    assert "FORTROLIG" in text and "Åse Ødegård" in text and "+47 912 34 567" in text
    missing = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "contacts",
                          "--activity", UNKNOWN, "--out", str(missing))  # fmt: skip
    assert code == 2 and f"Fant ingen aktivitet med ID {UNKNOWN}." in err
    assert "Traceback" not in err
    code, _out, err = run(capsys, "--db", str(db_path), "print", "contacts",
                          "--out", str(missing))  # fmt: skip
    assert code == 2 and "--activity" in err
    assert not missing.exists()
