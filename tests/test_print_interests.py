"""The interest form (interessekartlegging) and `dugnad print interests`."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from app.db import Database
from app.i18n.documents import in_language
from app.reports.interest_form import render_interest_form
from app.services.activities import add_activity_type
from app.services.centre import update_centre
from app.services.print_offers import InterestForm, PartnerOffer, interest_form, partner_offers

DAY = dt.date(2026, 11, 19)


def _pages(pdf: bytes) -> list[str]:
    return [
        unicodedata.normalize("NFKC", " ".join(page.extract_text().split()))
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]


def _render(form: InterestForm, language: str | None = None) -> bytes:
    buffer = io.BytesIO()
    render_interest_form(form, buffer, language=language, generated_on=DAY)
    return buffer.getvalue()


@pytest.fixture
def form(db: Database) -> InterestForm:
    update_centre(db, name="Søndre Land frivilligsentral")
    add_activity_type(db, "Strikkekafé", "social")
    add_activity_type(db, "Bålkos og fiske", "outdoors")
    return interest_form(db)


def test_choices_are_the_activity_types(db: Database, form: InterestForm) -> None:
    codes = [c.code for c in form.activity_types]
    assert codes[:9] == ["sprakkafe", "leksehjelp", "kvinnegruppe", "mannsgruppe", "tur",
                         "idrett", "kultur", "informasjonsmote", "klesutdeling"]  # fmt: skip
    assert "annet" not in codes  # the form has its own "something else" line
    assert [c.name for c in form.activity_types[9:]] == ["Bålkos og fiske", "Strikkekafé"]
    assert not any(c.builtin for c in form.activity_types[9:])
    # No partner register yet: the hook gives nothing, and the form leaves the section out.
    assert partner_offers(db) == [] and form.partner_offers == ()


def test_bokmal_form_fits_one_page(form: InterestForm) -> None:
    pages = _pages(_render(form))
    assert len(pages) == 1
    text = pages[0]
    assert "Søndre Land frivilligsentral Interessekartlegging" in text
    assert "Side 1 av 1" in text and "Skrevet ut 19.11.2026" in text
    assert "Hva vil du være med på?" in text and "Navn (hvis du vil)" in text
    assert "Hvilke språk snakker du?" in text and "tigrinja" in text and "dari" in text
    assert "Hvor godt snakker du norsk?" in text and "Ganske godt" in text
    for choice in ("Språkkafé", "Klesutdeling og utlån", "Strikkekafé", "Bålkos og fiske",
                   "Bli frivillig selv og hjelpe andre", "Noe annet:"):  # fmt: skip
        assert choice in text, choice
    assert "Tilbud fra andre foreninger" not in text
    assert "Når passer det for deg?" in text and "Kveld" in text


def test_partner_offers_get_their_own_section(form: InterestForm) -> None:
    offers = (PartnerOffer("1", "Søndre Land IL", "Fotball for jenter 10–14 år"),)
    text = " ".join(_pages(_render(replace(form, partner_offers=offers), "en")))
    assert "Tilbud fra andre foreninger og organisasjoner" in text
    assert "Offers from other clubs and organisations" in text
    assert "Fotball for jenter 10–14 år" in text and "Søndre Land IL" in text


@pytest.mark.parametrize("language", ["en", "uk", "ti", "so", "pl"])
def test_participant_language(form: InterestForm, language: str) -> None:
    pages = _pages(_render(form, language))
    text = " ".join(pages)
    assert f"Side 1 av {len(pages)}" in text and "Hva vil du være med på?" in text
    for message in ("Hva vil du være med på?", "Hvilke språk snakker du?", "Leksehjelp", "Kveld"):
        translated = in_language(message, language)
        assert translated != message and " ".join(translated.split()) in text, translated
    # A centre's own type is printed as the centre wrote it, in both versions.
    assert text.count("Strikkekafé") == 1


def test_language_names_in_the_participant_language(form: InterestForm) -> None:
    text = " ".join(_pages(_render(form, "uk")))
    assert "ukrainsk" in text and "українська" in text and "арабська" in text


@pytest.mark.parametrize("language", ["ar", "prs"])
def test_right_to_left_languages(form: InterestForm, language: str) -> None:
    text = " ".join(_pages(_render(form, language)))
    for message in ("Hva vil du være med på?", "Når passer det for deg?"):
        # The zero-width non-joiner of Dari (می‌خواهید) is extracted as a space.
        for word in in_language(message, language).replace("\u200c", " ").split():
            assert unicodedata.normalize("NFKC", word) in text, word


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_form(
    db_path: Path, form: InterestForm, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "interesser.pdf"
    code, stdout, err = run(capsys, "--db", str(db_path), "print", "interests", "--lang", "so",
                            "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert stdout.strip() == f"Skrev interesseskjemaet til {out}."
    text = " ".join(_pages(out.read_bytes()))
    assert "Strikkekafé" in text and in_language("Hvilke språk snakker du?", "so") in text


def test_cli_unknown_language_and_missing_database(
    db_path: Path, form: InterestForm, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "interests", "--lang", "sv",
                          "--out", str(out))  # fmt: skip
    assert code == 2 and "ugyldig valg: 'sv'" in err and not out.exists()
    code, _out, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "print", "interests",
                          "--out", str(out))  # fmt: skip
    assert code == 2 and "finnes ikke" in err and not out.exists()
