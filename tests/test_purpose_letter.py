"""The purpose confirmation letter for a police certificate, read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from app.i18n import set_language
from app.reports.purpose_letter import (
    LEGAL_BASIS,
    PURPOSE_TEXT,
    PurposeLetter,
    format_orgnr,
    render_purpose_letter,
)

# Word for word as in DOMAIN.md: these literals, not the module's constants, are the check.
PURPOSE = (
    "Oppgave i frivillig organisasjon som medfører et tillits- eller ansvarsforhold overfor "
    "mindreårige eller personer med utviklingshemming"
)
BASIS = "Politiregisterforskriften § 34-1, jf. politiregisterloven § 39 (1)"

LETTER = PurposeLetter(
    centre_name="Frivilligsentralen i Bø",
    centre_address="Gullbringvegen 28",
    centre_postcode_place="3800 Bø i Telemark",
    orgnr="974624486",
    volunteer_name="Åse Ødegård",
    birth_date=dt.date(1990, 3, 5),
    role="Leksehjelper",
    letter_date=dt.date(2026, 11, 20),
    responsible_name="Kåre Bjørnstad",
    responsible_title="Daglig leder",
    language="nb",
    logo=None,
)


def squash(text: str) -> str:
    return " ".join(text.split())


def render(letter: PurposeLetter) -> tuple[list[str], bytes]:
    buffer = io.BytesIO()
    render_purpose_letter(letter, buffer)
    pdf = buffer.getvalue()
    pages = [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    return pages, pdf


def test_the_legal_texts_are_exactly_those_of_the_regulation() -> None:
    assert PURPOSE_TEXT == PURPOSE
    assert LEGAL_BASIS == BASIS


def test_bokmaal_letter_has_everything_the_police_need() -> None:
    pages, _pdf = render(LETTER)
    assert len(pages) == 1
    text = pages[0]
    assert "Bekreftelse på formål – politiattest" in text
    assert "Åse Ødegård" in text
    assert "Fødselsdato 05.03.1990" in text
    assert "Frivilligsentralen i Bø" in text
    assert "Gullbringvegen 28" in text
    assert "3800 Bø i Telemark" in text
    assert "Org.nr. 974 624 486" in text
    assert "Organisasjonsnummer 974 624 486" in text
    assert f"Formål {PURPOSE}" in text
    assert f"Hjemmel {BASIS}" in text
    assert "Oppgave Leksehjelper" in text
    assert "politiet.no/politiattest" in text
    assert "Du skal ikke levere den fra deg" in text
    assert "Dato: 20.11.2026" in text
    assert "Kåre Bjørnstad Daglig leder" in text
    assert "Underskrift" in text
    assert "Side 1 av 1" in text


def test_nynorsk_letter_keeps_the_legal_texts_word_for_word() -> None:
    pages, _pdf = render(
        dataclasses.replace(LETTER, language="nn", responsible_title="Dagleg leiar")
    )
    text = pages[0]
    assert "Stadfesting av føremål – politiattest" in text
    assert "Bekreftelse" not in text
    assert "Namn Åse Ødegård" in text
    assert f"Føremål {PURPOSE}" in text
    assert f"Heimel {BASIS}" in text
    assert "Du skal ikkje levere han frå deg" in text
    assert "Med venleg helsing" in text
    assert "Side 1 av 1" in text


def test_the_letter_follows_its_own_language_not_the_ui_language() -> None:
    set_language("en")
    text = render(LETTER)[0][0]
    assert "Bekreftelse på formål – politiattest" in text
    assert "Side 1 av 1" in text
    assert "Skrevet ut 20.11.2026" in text


def test_fonts_are_embedded_and_no_standard_font_is_used() -> None:
    _pages, pdf = render(LETTER)
    names = []
    for ref in pypdf.PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values():
        font = ref.get_object()
        names.append(str(font["/BaseFont"]))
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert any("DejaVuSans" in name for name in names)


def test_a_long_role_and_name_still_fit_on_one_page() -> None:
    letter = dataclasses.replace(
        LETTER,
        volunteer_name="Åse Marie Kristine Ødegård-Løvenskiold Bjørnstad",
        role="Leksehjelper og turleder for barn og unge i asylmottaket og på biblioteket, "
        "annenhver torsdag og på sommerleiren",
        logo=None,
    )
    pages, _pdf = render(letter)
    assert len(pages) == 1
    assert "Åse Marie Kristine Ødegård-Løvenskiold Bjørnstad" in pages[0]
    assert "annenhver torsdag og på sommerleiren" in pages[0]


def test_renders_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "bekreftelse.pdf"
    render_purpose_letter(LETTER, target)
    assert pypdf.PdfReader(target).metadata.title == (
        "Bekreftelse på formål – politiattest: Åse Ødegård"
    )


def test_only_bokmaal_and_nynorsk() -> None:
    with pytest.raises(ValueError):
        render_purpose_letter(dataclasses.replace(LETTER, language="en"), io.BytesIO())


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("974624486", "974 624 486"),
        ("974 624 486", "974 624 486"),
        ("974.624.486", "974 624 486"),
        (" 12345 ", "12345"),
        ("", ""),
    ],
)
def test_organisation_number_in_groups_of_three(given: str, shown: str) -> None:
    assert format_orgnr(given) == shown
