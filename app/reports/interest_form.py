"""The interest form (*interessekartlegging*): a newcomer ticks, with a pen, what they would like
to join.

KS and Frivillighet Norge advise municipalities to map what newcomers are interested in and
connect them with what is offered; this is the paper half of that. The form asks for a name and
phone number (both optional), the languages the person speaks and how much Norwegian, tick boxes
for the centre's activity types (built-in and the centre's own) and for partner organisations'
offers (when a register of them exists, see `app.services.print_offers.partner_offers`), when it
suits them, and a few free lines. A (P) document: every fixed text in Bokmål and, below it, in the
participant's language.

The form's building blocks (a tick box, a row of tick boxes, a write-in line) are used by the
consent form too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.i18n.documents import D_, check_language
from app.reports.activity_overview import activity_type_text, bilingual_cell, language_name
from app.reports.bilingual import build_participant_pdf, paragraphs
from app.reports.document import (
    CONTENT_WIDTH,
    TEXT_COLOUR,
    DocumentHeader,
    Styles,
    styles,
    table_style,
    text_paragraph,
)

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from app.services.print_offers import InterestForm

TITLE = "Interessekartlegging"

# The languages offered as tick boxes: Norwegian, the document languages, and those a centre
# meets most often (`languages.COMMON_LANGUAGES`); any other is written on the "other" line.
FORM_LANGUAGES: tuple[str, ...] = (
    "no", "en", "ar", "uk", "ti", "so", "pl", "prs", "fa", "ps", "ku", "am", "ru", "fr", "es",
)  # fmt: skip

NORWEGIAN_LEVELS: tuple[str, ...] = (
    D_("Ikke ennå"),
    D_("Litt"),
    D_("Ganske godt"),
    D_("Godt"),
)

TIMES_OF_DAY: tuple[str, ...] = (
    D_("Formiddag"),
    D_("Ettermiddag"),
    D_("Kveld"),
    D_("Helg"),
)

BOX_SIZE = 3.8 * mm
LINE_HEIGHT = 8 * mm


# -- building blocks of a paper form ----------------------------------------------------------


class CheckBox(Flowable):
    """An empty square to tick with a pen."""

    def __init__(self, size: float = BOX_SIZE) -> None:
        super().__init__()
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(TEXT_COLOUR)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


def check_grid(
    items: Sequence[list[Flowable]], columns: int, width: float = CONTENT_WIDTH
) -> Flowable:
    """Tick boxes in `columns` columns, filled row by row; each item is its label's flowables."""
    box_column = BOX_SIZE + 3 * mm
    label_width = width / columns - box_column
    rows: list[list[object]] = []
    for start in range(0, len(items), columns):
        row: list[object] = []
        for item in items[start : start + columns]:
            row += [CheckBox(), item]
        row += ["", ""] * (columns - len(items[start : start + columns]))
        rows.append(row)
    table = Table(rows, colWidths=[box_column, label_width] * columns, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                # The box sits on the first line of its label.
                ("TOPPADDING", (0, 0), (0, -1), 4),
                *[("TOPPADDING", (c, 0), (c, -1), 4) for c in range(2, 2 * columns, 2)],
            ]
        )
    )
    return table


def write_in(
    labels: Sequence[list[Flowable]], width: float = CONTENT_WIDTH, height: float = LINE_HEIGHT
) -> Flowable:
    """Lines to write on, side by side, each with its label below it."""
    gap = 8 * mm
    count = len(labels)
    column = (width - gap * (count - 1)) / count
    widths: list[float] = []
    for index in range(count):
        widths.append(column)
        if index < count - 1:
            widths.append(gap)
    lines: list[object] = []
    captions: list[object] = []
    commands: list[tuple] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for index, label in enumerate(labels):
        column_index = index * 2
        lines.append("")
        captions.append(label)
        commands.append(("LINEBELOW", (column_index, 0), (column_index, 0), 0.75, TEXT_COLOUR))
        if index < count - 1:
            lines.append("")
            captions.append("")
    table = Table([lines, captions], colWidths=widths, rowHeights=[height, None], hAlign="LEFT")
    table.setStyle(table_style(commands))
    return table


def write_in_after(
    label: list[Flowable], label_width: float = 38 * mm, width: float = CONTENT_WIDTH
) -> Flowable:
    """A label and, after it on the same row, a line to write on ("Andre språk: ______")."""
    table = Table(
        [[label, ""]],
        colWidths=[label_width, width - label_width],
        rowHeights=[None],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.75, TEXT_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def free_lines(count: int, width: float = CONTENT_WIDTH) -> Flowable:
    """`count` empty ruled lines to write on."""
    table = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[LINE_HEIGHT] * count)
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.5, TEXT_COLOUR)]))
    return table


def section(
    message: str, language: str | None, style: Styles, *content: Flowable, hint: str | None = None
) -> Flowable:
    """A heading (and a hint) kept on the page with the start of what follows."""
    parts: list[Flowable] = [*paragraphs(message, language, style.heading)]
    if hint:
        parts += paragraphs(hint, language, style.muted)
    parts.append(Spacer(1, 1.5 * mm))
    return KeepTogether([*parts, *content])


# -- the form ---------------------------------------------------------------------------------


def render_interest_form(
    form: InterestForm,
    target: Path | str | BinaryIO,
    *,
    language: str | None = None,
    generated_on: dt.date | None = None,
) -> None:
    """Write the interest form as a PDF to `target`, in Bokmål and `language` (None: Bokmål
    only). ValueError for a language that is not a document language."""
    language = check_language(language)
    header = DocumentHeader(
        centre_name=form.centre.name,
        logo=form.centre.logo,
        title=TITLE,
        generated_on=generated_on or dt.date.today(),
    )
    build_participant_pdf(target, _story(form, language), header)


def _label(message: str, language: str | None, style: ParagraphStyle) -> list[Flowable]:
    return paragraphs(message, language, style)


def _story(form: InterestForm, language: str | None) -> list[Flowable]:
    style = styles()
    cell = style.cell
    inline_width = (42 if language else 25) * mm
    story: list[Flowable] = [*paragraphs(D_("Hva vil du være med på?"), language, style.title)]
    story += paragraphs(
        D_(
            "Fortell oss hva du har lyst til å være med på, så hjelper vi deg å finne noe som "
            "passer. Det er frivillig å svare, og du kan hoppe over spørsmål."
        ),
        language,
        style.body,
    )

    story.append(
        write_in(
            [
                _label(D_("Navn (hvis du vil)"), language, style.label),
                _label(D_("Telefon (hvis du vil)"), language, style.label),
            ]
        )
    )

    languages = [
        bilingual_cell(lambda _t, lang, code=code: language_name(code, lang), language, cell)
        for code in FORM_LANGUAGES
    ]
    story.append(
        section(
            D_("Hvilke språk snakker du?"),
            language,
            style,
            check_grid(languages, 4),
            Spacer(1, 1 * mm),
            write_in_after(_label(D_("Andre språk:"), language, cell), inline_width),
        )
    )
    levels = [_label(level, language, cell) for level in NORWEGIAN_LEVELS]
    story.append(section(D_("Hvor godt snakker du norsk?"), language, style, check_grid(levels, 4)))

    choices = [
        _label(activity_type_text(choice.code, choice.name), language, cell)
        if choice.builtin
        else [text_paragraph(choice.name, cell)]
        for choice in form.activity_types
    ]
    choices.append(_label(D_("Bli frivillig selv og hjelpe andre"), language, cell))
    story.append(
        section(
            D_("Hva har du lyst til å være med på?"),
            language,
            style,
            check_grid(choices, 2),
            Spacer(1, 1 * mm),
            write_in_after(_label(D_("Noe annet:"), language, cell), inline_width),
            hint=D_("Sett kryss ved alt som passer."),
        )
    )
    if form.partner_offers:
        offers = [
            [text_paragraph(offer.name, cell), text_paragraph(offer.organisation, style.muted)]
            for offer in form.partner_offers
        ]
        story.append(
            section(
                D_("Tilbud fra andre foreninger og organisasjoner"),
                language,
                style,
                check_grid(offers, 2),
            )
        )

    times = [_label(time, language, cell) for time in TIMES_OF_DAY]
    story.append(section(D_("Når passer det for deg?"), language, style, check_grid(times, 4)))
    story.append(
        section(
            D_("Har du andre ønsker, eller noe du er god til?"),
            language,
            style,
            free_lines(2),
        )
    )
    story.append(Spacer(1, 3 * mm))
    story += paragraphs(
        D_(
            "Vi bruker svarene bare til å finne aktiviteter for deg og til å planlegge tilbudet "
            "vårt. Vi lagrer ikke navnet ditt uten at du har sagt ja til det. Takk for hjelpen!"
        ),
        language,
        style.muted,
    )
    return story
