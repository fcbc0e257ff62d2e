"""The sign-in sheet (oppmøteliste): its data, its PDF in Bokmål and a participant language, and
`dugnad print signin` as a user runs it."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import mm

from app.cli import main
from app.db import Database
from app.errors import NotFound
from app.i18n.documents import DOCUMENT_LANGUAGES, in_language
from app.reports import fonts
from app.reports.signin_sheet import (
    AGE_BAND_TEXTS,
    CONTENT_WIDTH,
    GENDER_TEXTS,
    MAX_WALK_INS,
    MIN_SPLIT,
    MIN_WALK_INS,
    WEEKDAY_TEXTS,
    _Builder,
    _WalkInLines,
    render_signin_sheet,
)
from app.services.attendance import AttendanceInput, save_attendance
from app.services.centre import save_centre
from app.services.centre_info import CentreInfo
from app.services.codes import AGE_BANDS, GENDERS, WEEKDAYS
from app.services.enrolment import enrol
from app.services.print_signin import SigninParticipant, SigninSheet, get_signin_sheet
from app.services.rosters import roster_volunteer
from app.services.sessions import cancel_session
from tests.services_fixtures import activity, participant, team, volunteer, weekly

THURSDAY = dt.date(2026, 3, 5)
PRINTED = dt.date(2026, 3, 2)
PARTICIPANTS = ("Søren Ærø", "Amina Warsame", "Åse Øvrebø", "محمد علي")


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(pdf: bytes) -> list[str]:
    return [squash(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def render(sheet: SigninSheet, language: str | None = None) -> bytes:
    buffer = io.BytesIO()
    render_signin_sheet(sheet, buffer, language)
    return buffer.getvalue()


@pytest.fixture
def homework(db: Database) -> dict[str, str]:
    """A fixed group on Thursdays 18–20 with a team, one rostered volunteer and four enrolled."""
    save_centre(db, CentreInfo(name="Ålgård frivilligsentral"))
    group = activity(db, "Leksehjelp Ålgård", counting="enrolled", capacity=20)
    sessions = weekly(db, group)
    kari = volunteer(db, "Kari Ødegård")
    per = volunteer(db, "Per Åsen")
    team(db, group, kari, "leksehjelper")
    team(db, group, per, "vert")
    session = next(s.id for s in sessions if s.date == THURSDAY)
    roster_volunteer(db, session, per)
    for name in PARTICIPANTS:
        enrol(db, group, participant(db, name, 1990), dt.date(2026, 2, 1))
    return {"activity": group, "session": session, "kari": kari, "per": per}


@pytest.fixture
def sheet(db: Database, homework: dict[str, str]) -> SigninSheet:
    return get_signin_sheet(db, homework["session"], today=PRINTED)


# -- the data --------------------------------------------------------------------------------------
def test_the_sheet_is_in_the_order_of_the_attendance_screen(sheet: SigninSheet) -> None:
    assert sheet.centre_name == "Ålgård frivilligsentral"
    assert (sheet.activity, sheet.date) == ("Leksehjelp Ålgård", THURSDAY)
    assert (sheet.start, sheet.end, sheet.hours) == (dt.time(18), dt.time(20), 2.0)
    # The rostered volunteer first, then the rest of the team.
    assert [(v.name, v.role, v.on_roster) for v in sheet.volunteers] == [
        ("Per Åsen", "vert", True),
        ("Kari Ødegård", "leksehjelper", False),
    ]
    names = [p.name for p in sheet.participants]
    assert sorted(names) == sorted(PARTICIPANTS) and all(p.enrolled for p in sheet.participants)
    assert names.index("Åse Øvrebø") > names.index("Søren Ærø")  # Norwegian order: æ ø å


def test_what_was_recorded_is_not_printed(
    db: Database, homework: dict[str, str], sheet: SigninSheet
) -> None:
    save_attendance(db, homework["session"], AttendanceInput(volunteers={homework["kari"]: 3.0}))
    again = get_signin_sheet(db, homework["session"], today=PRINTED)
    assert again == sheet  # a blank form, however often it is printed


def test_an_unknown_session_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        get_signin_sheet(db, "00000000-0000-4000-8000-000000000000")


# -- the PDF ---------------------------------------------------------------------------------------
def test_bokmal_sheet_has_the_names_date_and_headings(sheet: SigninSheet) -> None:
    [page] = pdf_pages(render(sheet))
    for text in ("Ålgård frivilligsentral", "Leksehjelp Ålgård", "Oppmøteliste",
                 "torsdag 05.03.2026", "18:00–20:00", "Kari Ødegård", "leksehjelper", "Per Åsen",
                 "Søren Ærø", "Åse Øvrebø", "Amina Warsame", "Frivillige", "Til stede", "Timer",
                 "Påmeldte deltakere", "Står du ikke på listen?", "Fødselsår (valgfritt)",
                 "Lagre navnet mitt", "Antall frammøtte (anonymt)", "I alt",
                 "Skrevet ut 02.03.2026", "Side 1 av 1"):  # fmt: skip
        assert text in page, text
    assert "محمد علي" in nfkc(page)
    assert "Volunteers" not in page
    # A fixed group counts the few without a name in total only: no boxes by age.
    assert "67 år og eldre" not in page


def test_the_participant_language_is_under_the_bokmal(sheet: SigninSheet) -> None:
    page = " ".join(pdf_pages(render(sheet, "en")))
    for text in ("Oppmøteliste", "Sign-in sheet", "Frivillige", "Volunteers", "Thursday",
                 "Enrolled participants", "Not on the list?", "Year of birth (optional)",
                 "Save my name", "Number of people (anonymous)", "Total",
                 "Side 1 av 2"):  # fmt: skip
        assert text in page, text
    assert "Kari Ødegård" in page  # names stay as they are


def test_arabic_is_shaped_and_runs_right_to_left(sheet: SigninSheet, tmp_path: Path) -> None:
    pdf = render(sheet, "ar")
    text = nfkc(" ".join(pdf_pages(pdf)))
    for message in ("Frivillige", "Påmeldte deltakere", "Oppmøteliste", "torsdag"):
        assert in_language(message, "ar") in text, message
    assert "Frivillige" in text and "Kari Ødegård" in text
    # Reading order right to left: the first word of a heading stands to the right of the second.
    positions: dict[str, float] = {}

    def visit(word: str, _cm, tm, _font, _size) -> None:  # noqa: ANN001
        word = nfkc(word).strip()
        if word:
            positions.setdefault(word, tm[4])

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    first, second = in_language("Påmeldte deltakere", "ar").split()
    assert positions[first] > positions[second]
    (tmp_path / "ar.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(tmp_path / "ar.pdf"), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    assert list(tmp_path.glob("p*.png"))  # renders (looked at by eye as well)


def test_tigrinya_is_set_in_the_ethiopic_font(sheet: SigninSheet) -> None:
    pdf = render(sheet, "ti")
    assert in_language("Frivillige", "ti") in pdf_pages(pdf)[0]
    names = set()
    for font in pypdf.PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values():
        names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts.ETHIOPIC in names or fonts.ETHIOPIC_BOLD in names


@pytest.mark.parametrize("language", list(DOCUMENT_LANGUAGES))
def test_every_language_prints_on_a4(sheet: SigninSheet, language: str) -> None:
    pdf = render(sheet, language)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert all(round(float(p.mediabox.width)) == 595 for p in reader.pages)
    assert f"Side 1 av {len(reader.pages)}" in squash(reader.pages[0].extract_text())


def test_a_drop_in_has_boxes_by_gender_and_age(db: Database) -> None:
    cafe = activity(db, "Språkkafé", counting="headcount")
    [session, *_rest] = weekly(db, cafe)
    sheet = get_signin_sheet(db, session.id, today=PRINTED)
    assert sheet.participants == () and sheet.volunteers == ()
    [page] = pdf_pages(render(sheet))
    assert "Deltakere: skriv deg på her" in page and "Påmeldte deltakere" not in page
    for text in [*GENDER_TEXTS.values(), *AGE_BAND_TEXTS.values(), "I alt"]:
        assert text in page, text


def test_a_cancelled_session_says_so(db: Database, homework: dict[str, str]) -> None:
    cancel_session(db, homework["session"], "Sykdom")
    sheet = get_signin_sheet(db, homework["session"], today=PRINTED)
    page = pdf_pages(render(sheet, "uk"))[0]
    assert "Økten er avlyst." in page and in_language("Økten er avlyst.", "uk") in page


def test_a_large_group_runs_in_two_columns_over_pages(sheet: SigninSheet) -> None:
    people = tuple(SigninParticipant(f"Deltaker {n:03d} Ødegård", True) for n in range(90))
    pages = pdf_pages(render(replace(sheet, participants=people)))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in page
    found = [name for page in pages for name in _names_in(page)]
    assert sorted(found) == sorted(p.name for p in people)  # every name once
    # Down the left column, then the right: on page 1, the first name in the right column comes
    # after the last name in the left one.
    first_page = _names_in(pages[0])
    assert first_page[0] == "Deltaker 000 Ødegård" and first_page[1] != "Deltaker 001 Ødegård"
    assert "Antall frammøtte (anonymt)" in pages[-1]


def _names_in(page: str) -> list[str]:
    words = page.split()
    return [
        " ".join(words[i : i + 3])
        for i in range(len(words) - 2)
        if words[i] == "Deltaker" and words[i + 2] == "Ødegård"
    ]


def test_walk_in_lines_fill_the_room_above_the_headcount(sheet: SigninSheet) -> None:
    story = _Builder(sheet, None).story()
    [lines] = [f for f in story if isinstance(f, _WalkInLines)]
    page = 237 * mm  # the body of an A4 page
    _width, height = lines.wrap(CONTENT_WIDTH, page)
    assert MIN_WALK_INS < len(lines.items) <= MAX_WALK_INS  # more if there is room
    assert height <= page - lines.reserve  # and the headcount still fits below
    # Little room at the foot of a page: some lines here, the rest over the page.
    _width, height = lines.wrap(CONTENT_WIDTH, 80 * mm)
    assert height > 80 * mm
    here, rest = lines.split(CONTENT_WIDTH, 80 * mm)
    assert isinstance(here, _WalkInLines) and isinstance(rest, _WalkInLines)
    assert here.wrap(CONTENT_WIDTH, 80 * mm)[1] <= 80 * mm and len(here.items) >= MIN_SPLIT
    assert rest.intro == [] and rest.done == len(here.items)
    # Hardly any room: they all start on the next page.
    assert lines.split(CONTENT_WIDTH, 40 * mm) == []


def test_the_headcount_words_match_the_codes() -> None:
    assert list(GENDER_TEXTS) == list(GENDERS)
    assert list(AGE_BAND_TEXTS) == list(AGE_BANDS)
    # Same Bokmål words as the screen (N_ keeps the msgid), so paper and screen agree.
    assert list(GENDER_TEXTS.values()) == list(GENDERS.values())
    assert list(AGE_BAND_TEXTS.values()) == list(AGE_BANDS.values())
    assert list(WEEKDAY_TEXTS) == list(WEEKDAYS.values())


def test_an_unknown_language_is_refused(sheet: SigninSheet) -> None:
    with pytest.raises(ValueError):
        render(sheet, "de")


# -- the command line ------------------------------------------------------------------------------
def test_cli_writes_the_sheet(
    db: Database, db_path: Path, homework: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db.close()
    out = tmp_path / "oppmøteliste.pdf"
    code, stdout, err = run(capsys, "--db", str(db_path), "print", "signin", "--session",
                            homework["session"], "--lang", "so", "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert "Skrev oppmøtelisten for Leksehjelp Ålgård 05.03.2026 til" in stdout
    page = squash(pypdf.PdfReader(out).pages[0].extract_text())
    assert "Kari Ødegård" in page and in_language("Frivillige", "so") in page


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--session", "00000000-0000-4000-8000-000000000000"], "Fant ingen økt med ID"),
        (["--session", "{session}", "--lang", "de"], "ugyldig valg: 'de'"),
        (["--lang", "ar"], "--session"),
    ],
)
def test_cli_refuses_an_unknown_session_or_language(
    db: Database, db_path: Path, homework: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str,
) -> None:  # fmt: skip
    db.close()
    out = tmp_path / "x.pdf"
    arguments = [a.format(session=homework["session"]) for a in arguments]
    code, _out, err = run(capsys, "--db", str(db_path), "print", "signin", *arguments,
                          "--out", str(out))  # fmt: skip
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_cli_refuses_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(tmp_path / "nope.sqlite"), "print", "signin",
                          "--session", "x", "--out", str(out))  # fmt: skip
    assert code == 2 and err and not out.exists()
