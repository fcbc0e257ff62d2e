"""The pairing agreement (avtale): its data, the PDF read back, and `dugnad print agreement`.

Data is built with the services and the builders of tests/test_pairings.py. The agreement holds
the minimum: adults by name, children only by birth year, never a note or a gender wish.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select, update

from app.cli import main
from app.db import Database
from app.errors import DugnadError, NotFound
from app.models import Household, HouseholdMember, Person
from app.reports.pairing_agreement import render_pairing_agreement, signers
from app.services.centre import update_centre
from app.services.pairings import end_pairing, propose
from app.services.print_people import Member, pairing_agreement
from tests.test_pairings import TODAY, active_pairing, participant, volunteer, waiting

D = dt.date
START = D(2026, 2, 1)


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def render(agreement) -> tuple[list[str], bytes]:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    render_pairing_agreement(agreement, buffer)
    return pdf_pages(buffer.getvalue()), buffer.getvalue()


def centre(db: Database) -> None:
    update_centre(db, name="Frivilligsentralen i Bø", orgnr="974624486",
                  address="Gullbringvegen 28", postcode="3800", place="Bø i Telemark",
                  manager_name="Kåre Bjørnstad")  # fmt: skip


def hassan_family(db: Database) -> str:
    """Amal (contact, registered), Yusuf (an adult by first name), Zainab (a registered child,
    2019) and Idris (a child by first name, 2016)."""
    amal = participant(db, "Amal Hassan", birth_year=1988)
    zainab = participant(db, "Zainab Hassan", birth_year=2019)
    with db.write() as session:
        pk = {u: session.scalar(select(Person.id).where(Person.uuid == u)) for u in (amal, zainab)}
        family = Household(name="Familien Hassan", kind="participant", contact_person_id=pk[amal])
        session.add(family)
        session.flush()
        session.add_all([
            HouseholdMember(household_id=family.id, first_name="Idris", birth_year=2016),
            HouseholdMember(household_id=family.id, person_id=pk[zainab]),
            HouseholdMember(household_id=family.id, first_name="Yusuf", birth_year=1984),
            HouseholdMember(household_id=family.id, person_id=pk[amal]),
        ])  # fmt: skip
        return family.uuid


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    centre(db)
    kari = volunteer(db, "Kari Ødegård")
    family = hassan_family(db)
    active = active_pairing(db, family, [kari], START, wish="female")
    with db.write() as session:  # a note on the pairing never reaches the paper
        from app.models import Pairing

        session.execute(
            update(Pairing).where(Pairing.uuid == active).values(notes="Hemmelig notat")
        )
    return {"kari": kari, "family": family, "active": active}


# -- the data -------------------------------------------------------------------------------------


def test_agreement_holds_the_terms_and_the_minimum_about_the_family(
    db: Database, world: dict[str, str]
) -> None:
    agreement = pairing_agreement(db, world["active"], today=TODAY)
    assert agreement.programme == "Flyktningguide"
    assert agreement.status == "active"
    assert agreement.volunteers == ("Kari Ødegård",)
    assert (agreement.seeker_kind, agreement.seeker_name) == ("household", "Familien Hassan")
    assert agreement.contact_name == "Amal Hassan"
    # The contact person first, then the other adults; children last, oldest first, no names.
    assert agreement.members == (
        Member("Amal Hassan", False, 1988),
        Member("Yusuf", False, 1984),
        Member("", True, 2016),
        Member("", True, 2019),
    )
    assert (agreement.start, agreement.planned_end, agreement.end) == (START, D(2027, 2, 1), None)
    assert (agreement.months, agreement.hours_per_month) == (12, 8.0)
    assert agreement.follow_up_plan == "Etter 2 uker, 1 måned, deretter hver 2. måned"
    assert agreement.has_follow_ups
    assert agreement.centre.name == "Frivilligsentralen i Bø"
    assert [role for _name, role in signers(agreement)] == [
        "Frivillig", "For Familien Hassan", "Koordinator, Frivilligsentralen i Bø"]  # fmt: skip


def test_waiting_pairing_is_refused_and_an_unknown_id_is_not_found(
    db: Database, world: dict[str, str]
) -> None:
    alone = participant(db, "Rahim Sultani")
    pending = waiting(db, alone, kind="participant")
    with pytest.raises(DugnadError) as refused:
        pairing_agreement(db, pending, today=TODAY)
    assert "Rahim Sultani venter fortsatt på en frivillig" in refused.value.message
    assert refused.value.exit_code == 2
    with pytest.raises(NotFound):
        pairing_agreement(db, "no-such-pairing", today=TODAY)


# -- the PDF --------------------------------------------------------------------------------------


def test_pdf_of_an_active_pairing(db: Database, world: dict[str, str]) -> None:
    pages, _pdf = render(pairing_agreement(db, world["active"], today=TODAY))
    assert len(pages) == 2
    assert pages[0].endswith("Side 1 av 2") or "Side 1 av 2" in pages[0]
    assert "Side 2 av 2" in pages[1]
    assert "Skrevet ut 22.11.2026" in pages[0]
    text = " ".join(pages)
    assert "Frivilligsentralen i Bø" in text
    assert "Avtale – Flyktningguide" in text
    assert "Frivillig Kari Ødegård" in text
    assert "Familie Familien Hassan" in text
    assert "Voksne Amal Hassan, Yusuf" in text
    assert "Barn 2 barn (født 2016 og 2019)" in text
    assert "Kontaktperson Amal Hassan" in text
    assert "Startdato 01.02.2026" in text
    assert "Varighet 12 måneder, til 01.02.2027" in text
    assert "Ca. 8 timer i måneden" in text
    assert "Etter 2 uker, 1 måned, deretter hver 2. måned, regnet fra startdatoen" in text
    assert "Taushetserklæring" in text
    assert "også etter at koblingen er avsluttet" in text
    assert "bekymret for et barn" in text and "snakker du med koordinatoren" in text
    assert "ring 112" in text
    assert "Den frivillige lover også å følge taushetserklæringen" in text
    assert text.count("Sted og dato") == 3 and text.count("Underskrift") >= 3
    assert "Koordinator, Frivilligsentralen i Bø" in text
    # Minimum data: no child's name, no note, no wish about gender, no contact details.
    for never in ("Idris", "Zainab", "Hemmelig notat", "kvinnelig", "Ønske"):
        assert never not in text


def test_pdf_of_a_proposed_pairing_with_a_child_and_a_team(db: Database) -> None:
    centre(db)
    team = [volunteer(db, "Øystein Ås", gender="male"), volunteer(db, "Åse Berg")]
    young = participant(db, "Selam Haile", birth_year=2011)
    pairing = waiting(db, young, kind="participant")
    propose(db, pairing, team, D(2026, 11, 1), today=TODAY)
    agreement = pairing_agreement(db, pairing, today=TODAY)
    assert agreement.seeker_is_child and agreement.start is None
    pages, _pdf = render(agreement)
    text = " ".join(pages)
    assert "Frivillige Øystein Ås Åse Berg" in text or "Frivillige Åse Berg Øystein Ås" in text
    assert "Deltaker Selam Haile" in text
    assert "(skrives inn ved oppstart)" in text
    assert "12 måneder fra startdatoen" in text
    assert "De frivillige lover også å følge taushetserklæringen" in text
    assert "Verge eller foresatt for Selam Haile" in text
    assert text.count("Sted og dato") == 5  # two volunteers, the girl, her guardian, the centre


def test_pdf_of_an_ended_pairing(db: Database, world: dict[str, str]) -> None:
    end_pairing(db, world["active"], D(2026, 9, 30), "moved", today=TODAY)
    text = " ".join(render(pairing_agreement(db, world["active"], today=TODAY))[0])
    assert "Varighet 12 måneder (avsluttet 30.09.2026)" in text


def test_pdf_in_english_ui_renders(db: Database, world: dict[str, str]) -> None:
    from app.i18n import set_language

    set_language("en")
    pages, pdf = render(pairing_agreement(db, world["active"], today=TODAY))
    assert pdf.startswith(b"%PDF") and "Kari Ødegård" in " ".join(pages)


# -- the command line -----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_agreement(
    db: Database, db_path: Path, world: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / "avtale.pdf"
    code, stdout, err = run(capsys, "--db", str(db_path), "print", "agreement",
                            "--pairing", world["active"], "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert f"Skrev avtalen for Familien Hassan til {out}." in stdout
    text = " ".join(pdf_pages(out.read_bytes()))
    assert "Kari Ødegård" in text and "Taushetserklæring" in text and "Side 2 av 2" in text


def test_cli_refuses_with_a_plain_message_and_writes_nothing(
    db: Database, db_path: Path, world: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    pending = waiting(db, participant(db, "Rahim Sultani"), kind="participant")
    out = tmp_path / "avtale.pdf"
    base = ("--db", str(db_path), "print", "agreement")
    code, _out, err = run(capsys, *base, "--pairing", pending, "--out", str(out))
    assert code == 2
    assert "Rahim Sultani venter fortsatt på en frivillig" in err and "Traceback" not in err
    code, _out, err = run(capsys, *base, "--pairing", "finnes-ikke", "--out", str(out))
    assert code == 2 and "Fant ingen kobling med ID finnes-ikke" in err
    code, _out, err = run(capsys, *base, "--pairing", world["active"])  # no --out
    assert code == 2 and "--out" in err
    missing = tmp_path / "mangler.sqlite"
    code, _out, err = run(capsys, "--db", str(missing), "print", "agreement",
                          "--pairing", world["active"], "--out", str(out))  # fmt: skip
    assert code == 2 and "finnes ikke" in err
    assert not out.exists() and not missing.exists()


def test_cli_writes_to_standard_output(
    db: Database, db_path: Path, world: dict[str, str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code = main(["--db", str(db_path), "print", "agreement", "--pairing", world["active"],
                 "--out", "-"])  # fmt: skip
    out, _err = capsysbinary.readouterr()
    assert code == 0 and out.startswith(b"%PDF")
    assert "Familien Hassan" in " ".join(pdf_pages(out))
