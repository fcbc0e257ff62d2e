"""The purpose confirmation (*bekreftelse på formål*) a volunteer attaches to a police certificate
application.

The letter names the centre (name, address, organisation number), the volunteer (name, date of
birth), the role, the purpose text and the legal basis, and is dated and signed by the responsible
person. The purpose text and the legal basis are legal texts and stay word for word the same in
Bokmål and Nynorsk (DOMAIN.md, "Police certificates").

Why the letter's wording lives here and not in the gettext catalogs: the catalogs follow the UI
language (nb, nn, en) and their message ids are Bokmål UI texts, while this letter is chosen in
Bokmål or Nynorsk per letter, whatever the UI language, and is never printed in English. Its
wording is a small legal document reviewed as a whole in both languages, so it is kept as one dict
per language below, side by side, where a change to one is seen next to the other. The page footer
of the letter follows the letter's language too (`PageTexts`).

The date of birth is an argument only: nothing here stores it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.i18n.formatting import format_date
from app.reports.document import (
    CONTENT_WIDTH,
    RULE_COLOUR,
    SHADE_COLOUR,
    TEXT_COLOUR,
    DocumentHeader,
    PageTexts,
    build_pdf,
    markup,
    styles,
    table_style,
    text_paragraph,
)
from app.reports.fonts import is_rtl

PURPOSE_TEXT = (
    "Oppgave i frivillig organisasjon som medfører et tillits- eller ansvarsforhold overfor "
    "mindreårige eller personer med utviklingshemming"
)
LEGAL_BASIS = "Politiregisterforskriften § 34-1, jf. politiregisterloven § 39 (1)"

LetterLanguage = Literal["nb", "nn"]

_TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        "heading": "Bekreftelse på formål – politiattest",
        "intro": (
            "{centre} bekrefter at {name} skal ha en oppgave som frivillig hos oss, og at "
            "oppgaven krever politiattest."
        ),
        "the_person": "personen nedenfor",
        "name": "Navn",
        "birth_date": "Fødselsdato",
        "organisation": "Organisasjon",
        "orgnr": "Organisasjonsnummer",
        "orgnr_short": "Org.nr.",
        "role": "Oppgave",
        "purpose": "Formål",
        "legal_basis": "Hjemmel",
        "date": "Dato",
        "apply": (
            "Slik søker du: Gå til politiet.no/politiattest og søk om politiattest. Legg ved "
            "denne bekreftelsen. Attesten kommer til din digitale postkasse."
        ),
        "show": (
            "Når du har fått attesten, viser du den til oss. Du skal ikke levere den fra deg, "
            "og vi tar ingen kopi. Vi noterer bare datoen du viste den, datoen den er utstedt, "
            "og om den er uten merknader."
        ),
        "closing": "Med vennlig hilsen",
        "signature": "Underskrift",
        "page": "Side {page} av {pages}",
        "generated": "Skrevet ut {date}",
    },
    "nn": {
        "heading": "Stadfesting av føremål – politiattest",
        "intro": (
            "{centre} stadfester at {name} skal ha ei oppgåve som frivillig hos oss, og at "
            "oppgåva krev politiattest."
        ),
        "the_person": "personen nedanfor",
        "name": "Namn",
        "birth_date": "Fødselsdato",
        "organisation": "Organisasjon",
        "orgnr": "Organisasjonsnummer",
        "orgnr_short": "Org.nr.",
        "role": "Oppgåve",
        "purpose": "Føremål",
        "legal_basis": "Heimel",
        "date": "Dato",
        "apply": (
            "Slik søkjer du: Gå til politiet.no/politiattest og søk om politiattest. Legg ved "
            "denne stadfestinga. Attesten kjem til den digitale postkassa di."
        ),
        "show": (
            "Når du har fått attesten, viser du han til oss. Du skal ikkje levere han frå deg, "
            "og vi tek ingen kopi. Vi noterer berre datoen du viste han, datoen han er utferda, "
            "og om han er utan merknader."
        ),
        "closing": "Med venleg helsing",
        "signature": "Underskrift",
        "page": "Side {page} av {pages}",
        "generated": "Skrive ut {date}",
    },
}


@dataclass(frozen=True)
class PurposeLetter:
    """Everything the letter prints; plain values, filled by the certificates service or the CLI."""

    centre_name: str
    centre_address: str
    centre_postcode_place: str
    orgnr: str
    volunteer_name: str
    birth_date: dt.date
    role: str
    letter_date: dt.date
    responsible_name: str
    responsible_title: str
    language: LetterLanguage = "nb"
    logo: bytes | None = None


def format_orgnr(orgnr: str) -> str:
    """`974 624 486`: a nine-digit organisation number in groups of three; anything else as is."""
    digits = re.sub(r"[\s.]", "", orgnr)
    if re.fullmatch(r"\d{9}", digits):
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return orgnr.strip()


def letter_heading(language: LetterLanguage) -> str:
    """The letter's heading in `language` (nb or nn)."""
    return _texts(language)["heading"]


def render_purpose_letter(letter: PurposeLetter, target: Path | str | BinaryIO) -> None:
    """Write the purpose confirmation for `letter` as a one-page PDF to `target`."""
    texts = _texts(letter.language)
    header = DocumentHeader(
        centre_name=letter.centre_name,
        logo=letter.logo,
        generated_on=letter.letter_date,
    )
    build_pdf(
        target,
        _story(letter, texts),
        header,
        page_texts=PageTexts(page=texts["page"], generated=texts["generated"]),
        language=letter.language,
        pdf_title=f"{texts['heading']}: {letter.volunteer_name}",
    )


def _texts(language: str) -> dict[str, str]:
    try:
        return _TEXTS[language]
    except KeyError:
        raise ValueError(f"the purpose letter is written in nb or nn, not {language!r}") from None


def _story(letter: PurposeLetter, texts: dict[str, str]) -> list[Flowable]:
    style = styles(letter.language)
    orgnr = format_orgnr(letter.orgnr)

    # The centre's name heads the page (the letterhead); the sender block gives where and who.
    sender_lines = [markup(line) for line in (letter.centre_address, letter.centre_postcode_place)]
    sender_lines.append(f"{markup(texts['orgnr_short'])} {markup(orgnr)}")
    sender = Paragraph("<br/>".join(line for line in sender_lines if line), style.cell)
    dated = Paragraph(
        f"{markup(texts['date'])}: {markup(format_date(letter.letter_date))}",
        _right(style.cell),
    )
    top = Table([[sender, dated]], colWidths=[CONTENT_WIDTH * 0.62, CONTENT_WIDTH * 0.38])
    top.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )

    # A name in Arabic script cannot sit inside a left-to-right sentence; the table has it.
    if is_rtl(letter.volunteer_name):
        name = markup(texts["the_person"])
    else:
        name = f"<b>{markup(letter.volunteer_name, bold=True)}</b>"
    intro = texts["intro"].format(centre=markup(letter.centre_name), name=name)

    rows = [
        (texts["name"], text_paragraph(letter.volunteer_name, style.cell_bold)),
        (texts["birth_date"], text_paragraph(format_date(letter.birth_date), style.cell)),
        (texts["organisation"], text_paragraph(letter.centre_name, style.cell)),
        (texts["orgnr"], text_paragraph(orgnr, style.cell)),
        (texts["role"], text_paragraph(letter.role, style.cell)),
        (texts["purpose"], text_paragraph(PURPOSE_TEXT, style.cell)),
        (texts["legal_basis"], text_paragraph(LEGAL_BASIS, style.cell)),
    ]
    details = Table(
        [[Paragraph(markup(label), style.label), value] for label, value in rows],
        colWidths=[44 * mm, CONTENT_WIDTH - 44 * mm],
    )
    details.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), SHADE_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE_COLOUR),
                ("BOX", (0, 0), (-1, -1), 0.75, RULE_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                # The smaller label shares its baseline with the value beside it.
                ("TOPPADDING", (0, 0), (0, -1), 5 + style.cell.fontSize - style.label.fontSize),
            ]
        )
    )

    signature_line = Table([[""]], colWidths=[75 * mm], rowHeights=[16 * mm], hAlign="LEFT")
    signature_line.setStyle(
        table_style(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.75, TEXT_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    signature = KeepTogether(
        [
            Paragraph(markup(texts["closing"]), style.body),
            signature_line,
            Spacer(1, 1 * mm),
            Paragraph(markup(texts["signature"]), style.label),
            Spacer(1, 4 * mm),
            text_paragraph(letter.responsible_name, style.cell_bold),
            text_paragraph(letter.responsible_title, style.cell),
            text_paragraph(letter.centre_name, style.cell),
        ]
    )

    return [
        top,
        Spacer(1, 12 * mm),
        Paragraph(markup(texts["heading"], bold=True), style.title),
        Paragraph(intro, style.body),
        Spacer(1, 2 * mm),
        details,
        Spacer(1, 6 * mm),
        Paragraph(markup(texts["apply"]), style.body),
        Paragraph(markup(texts["show"]), style.body),
        Spacer(1, 6 * mm),
        signature,
    ]


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-right", parent=style, alignment=TA_RIGHT)
