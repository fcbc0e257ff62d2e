"""Bokmål with the participant's language below it: the building blocks of the (P) printouts.

A (P) document prints each text twice: first in Bokmål, then (smaller, in the reading direction
of that language) in the participant's language, from the `documents` catalogs
(`app.i18n.documents`). With no second language it is a plain Bokmål document. Table headers and
short labels put both on two lines of the same cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from app.i18n.documents import both
from app.reports import fonts
from app.reports.document import (
    MUTED_COLOUR,
    DocumentHeader,
    PageTexts,
    build_pdf,
    text_paragraph,
)


def second_style(style: ParagraphStyle, language: str | None) -> ParagraphStyle:
    """`style` for the second language: muted, a little smaller, right-aligned for ar and prs."""
    right = bool(language) and fonts.is_rtl_language(language or "")
    return ParagraphStyle(
        f"{style.name}-second",
        parent=style,
        fontSize=style.fontSize * 0.92,
        leading=style.leading * 0.92,
        textColor=MUTED_COLOUR,
        alignment=TA_RIGHT if right else TA_LEFT,
    )


def paragraphs(
    message: str, language: str | None, style: ParagraphStyle, **values: object
) -> list[Flowable]:
    """The Bokmål paragraph, and below it the same text in `language` (if any)."""
    nb, other = both(message, language)
    story = [text_paragraph(nb.format(**values) if values else nb, style)]
    if other is not None:
        text = other.format(**values) if values else other
        story.append(text_paragraph(text, second_style(style, language)))
    return story


def label(message: str, language: str | None, **values: object) -> str:
    """ "Navn" or "Navn\\nName": both languages in one short text (a table header, a box)."""
    nb, other = both(message, language)
    if values:
        nb = nb.format(**values)
        other = other.format(**values) if other is not None else None
    return nb if other is None else f"{nb}\n{other}"


# The footer of a (P) document stays in Bokmål, the centre's language, whatever the participant's.
BOKMAL_PAGE_TEXTS = PageTexts(page="Side {page} av {pages}", generated="Skrevet ut {date}")


def build_participant_pdf(
    target: Path | str | BinaryIO,
    story: list[Flowable],
    header: DocumentHeader,
    pdf_title: str | None = None,
) -> None:
    """Build a (P) document: its footer and its PDF language are Bokmål, the centre's own.

    The PDF's title is `pdf_title`, or "<title> – <centre>" by default.
    """
    if pdf_title is None:
        name = header.centre_name
        pdf_title = f"{header.title} – {name}" if name else header.title
    build_pdf(
        target, story, header, page_texts=BOKMAL_PAGE_TEXTS, language="nb", pdf_title=pdf_title
    )
