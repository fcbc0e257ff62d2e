"""The consent and privacy form (samtykke og personvern) and `dugnad print consent`."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from app.db import Database
from app.i18n.documents import DOCUMENT_LANGUAGES, in_language
from app.reports.consent_form import NEVER_STORED, RETENTION, RIGHTS, STORED, render_consent_form
from app.services.centre import update_centre
from app.services.print_offers import CentreContact, ConsentForm, consent_form

DAY = dt.date(2026, 11, 19)


def _pages(pdf: bytes) -> list[str]:
    return [
        unicodedata.normalize("NFKC", " ".join(page.extract_text().split()))
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


def _render(form: ConsentForm, language: str | None = None) -> bytes:
    buffer = io.BytesIO()
    render_consent_form(form, buffer, language=language, generated_on=DAY)
    return buffer.getvalue()


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def form(db: Database) -> ConsentForm:
    update_centre(db, name="Grünerløkka frivilligsentral", address="Thorvald Meyers gate 5",
                  postcode="0555", place="Oslo", manager_name="Åse Bjørnstad")  # fmt: skip
    return consent_form(db)


def test_form_comes_from_the_centre_settings(form: ConsentForm) -> None:
    centre = form.centre
    assert (centre.name, centre.address, centre.postcode_place, centre.manager_name) == (
        "Grünerløkka frivilligsentral", "Thorvald Meyers gate 5", "0555 Oslo", "Åse Bjørnstad"
    )  # fmt: skip
    assert centre.phone == "" and centre.email == ""  # not among the settings yet


def test_bokmal_form_says_what_why_how_long_and_the_rights(form: ConsentForm) -> None:
    pages = _pages(_render(form))
    text = " ".join(pages)
    assert pages[0].startswith("Grünerløkka frivilligsentral Samtykke og personvern")
    assert all(f"Side {n} av {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert "Skrevet ut 19.11.2026" in text
    for message in (*STORED, *NEVER_STORED, *RIGHTS, RETENTION):
        assert _squash(message) in text, message
    assert "fødselsnummer eller D-nummer" in text and "Datatilsynet" in text
    assert "senest to år etter at du sist var med" in text
    assert "Thorvald Meyers gate 5" in text and "Åse Bjørnstad" in text
    assert "aktiviteter hos Grünerløkka frivilligsentral" in text


def test_the_signatures_have_a_page_of_their_own(form: ConsentForm) -> None:
    pages = _pages(_render(form))
    last = pages[-1]
    assert "Samtykke" in last and "Underskrift" in last and "Navn på deltakeren" in last
    assert "Deltakeren er under 18 år" in last and "Forelder eller foresatt" in last
    assert "Verge" in last and "Fylles ut av frivilligsentralen" in last
    assert "Jeg sier ja til at Grünerløkka frivilligsentral lagrer" in last
    assert "Dine rettigheter" not in last and "Underskrift" not in " ".join(pages[:-1])


@pytest.mark.parametrize("language", sorted(DOCUMENT_LANGUAGES))
def test_every_participant_language(form: ConsentForm, language: str) -> None:
    pages = _pages(_render(form, language))
    text = " ".join(pages)
    assert "Samtykke og personvern" in text and f"Side 1 av {len(pages)}" in text
    for message in ("Samtykke og personvern", "Dine rettigheter", "Underskrift", "Verge"):
        translated = in_language(message, language)
        assert translated != message
        if language in ("ar", "prs"):  # right-to-left words come out in visual order
            words = translated.replace("\u200c", " ").split()  # ZWNJ is extracted as a space
            assert all(unicodedata.normalize("NFKC", w) in text for w in words)
        else:
            assert _squash(translated) in text, (language, translated)
    # The signature lines are on the last page, in both languages.
    assert "Underskrift" in pages[-1]
    assert unicodedata.normalize("NFKC", in_language("Underskrift", language)) in pages[-1]


def test_english_wording(form: ConsentForm) -> None:
    text = " ".join(_pages(_render(form, "en")))
    assert "Consent and privacy" in text and "Your rights" in text
    assert "withdraw your consent at any time" in text
    assert "complain to the Norwegian Data Protection Authority (Datatilsynet)" in text
    assert "at the latest two years after you last took part" in text
    assert "I agree that Grünerløkka frivilligsentral may store" in text


def test_a_centre_without_address_or_manager_still_prints() -> None:
    text = " ".join(_pages(_render(ConsentForm(CentreContact("Lille sentral")))))
    assert "Lille sentral" in text and "Daglig leder" not in text


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_form(
    db_path: Path, form: ConsentForm, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "samtykke.pdf"
    code, stdout, err = run(capsys, "--db", str(db_path), "print", "consent", "--lang", "pl",
                            "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert stdout.strip() == f"Skrev samtykkeskjemaet til {out}."
    text = " ".join(_pages(out.read_bytes()))
    assert "Grünerløkka frivilligsentral" in text and "Twoje prawa" in text


def test_cli_bokmal_only_to_standard_output(
    db_path: Path, form: ConsentForm, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["--db", str(db_path), "print", "consent", "--out", "-"]) == 0
    pdf = capsysbinary.readouterr().out
    assert pdf.startswith(b"%PDF") and "Samtykke og personvern" in _pages(pdf)[0]


def test_cli_unknown_language(
    db_path: Path, form: ConsentForm, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "consent", "--lang", "fr",
                          "--out", str(out))  # fmt: skip
    assert code == 2 and "ugyldig valg: 'fr'" in err and not out.exists()
