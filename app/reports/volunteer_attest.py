"""The attest for voluntary work (*attest for frivillig innsats*) a volunteer attaches to a job
application.

A letter from the centre: its address and organisation number, the date, the volunteer's name and
period, the tasks and roles they held (with dates), their hours in total, per task and per year,
a short neutral paragraph, and the manager's signature. Nothing sensitive: no police certificate,
no notes, and a pairing is "Flyktningguide – fast kontakt for en familie", never the family's name.

In the UI language (`_()`). Takes a `VolunteerAttest` from `app.services.print_people`; no
database, no Qt.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from app.i18n import _, ngettext
from app.i18n.formatting import format_date, format_number
from app.reports.document import (
    CONTENT_WIDTH,
    RULE_COLOUR,
    SHADE_COLOUR,
    TEXT_COLOUR,
    DocumentHeader,
    Styles,
    build_pdf,
    markup,
    styles,
    table_style,
    text_paragraph,
)
from app.reports.fonts import is_rtl
from app.reports.purpose_letter import format_orgnr
from app.services.print_people import AttestRole, VolunteerAttest

# A section heading needs this much room below it, or it starts on the next page.
SECTION_MIN_SPACE = 35 * mm
# Hours per task beside hours per year while the tasks are no more than this many rows.
MAX_ROWS_SIDE_BY_SIDE = 20


def document_title() -> str:
    """The heading of the letter and the title of the preview window."""
    return _("Attest for frivillig innsats")


def render_volunteer_attest(attest: VolunteerAttest, target: Path | str | BinaryIO) -> None:
    """Write the attest as a PDF to `target` (a path or a binary file)."""
    header = DocumentHeader(
        centre_name=attest.centre.name,
        logo=attest.centre.logo,
        generated_on=attest.printed_on,
    )
    build_pdf(
        target,
        _story(attest, _compact(styles())),
        header,
        pdf_title=f"{document_title()}: {attest.volunteer_name}",
    )


# -- wording ---------------------------------------------------------------------------------------


def hours_number(hours: float) -> str:
    """`312`, `12,5`: whole hours without decimals."""
    rounded = round(hours, 1)
    if float(rounded).is_integer():
        return format_number(int(rounded))
    return format_number(rounded, 1)


def hours_text(hours: float) -> str:
    """`312 timer`, `1 time`, `12,5 timer`."""
    rounded = round(hours, 1)
    count = int(rounded) if float(rounded).is_integer() else 2
    return ngettext("{n} time", "{n} timer", count).format(n=hours_number(hours))


def period_text(start, end) -> str:  # type: ignore[no-untyped-def]
    """`01.01.2025–31.05.2026`, or `fra 01.01.2025` while it goes on."""
    if end is None:
        return _("fra {date}").format(date=format_date(start))
    return f"{format_date(start)}–{format_date(end)}"


def _intro(attest: VolunteerAttest, style: Styles) -> Flowable:
    values = {
        "centre": attest.centre.name,
        "start": format_date(attest.start),
        "end": format_date(attest.end),
    }
    if attest.ongoing:
        text = _(
            "Vi bekrefter at {name} har vært frivillig ved {centre} siden {start}, og er det "
            "fortsatt."
        )
    else:
        text = _("Vi bekrefter at {name} var frivillig ved {centre} fra {start} til {end}.")
    # A name in Arabic script is laid out by the bidi paragraph, which takes plain text; the
    # sentence starts with a Norwegian word, so it still reads left to right around the name.
    if is_rtl(attest.volunteer_name):
        return text_paragraph(text.format(name=attest.volunteer_name, **values), style.body)
    name = f"<b>{markup(attest.volunteer_name, bold=True)}</b>"
    return Paragraph(markup(text).format(name=name, **{k: markup(v) for k, v in values.items()}),
                     style.body)  # fmt: skip


# -- layout ---------------------------------------------------------------------------------------


def _compact(style: Styles) -> Styles:
    """Table cells a little tighter than the body text, so a usual attest fits on one page."""
    cell = ParagraphStyle("attest-cell", parent=style.cell, fontSize=10, leading=13)
    bold = ParagraphStyle("attest-cell-bold", parent=style.cell_bold, fontSize=10, leading=13)
    return dataclasses.replace(style, cell=cell, cell_bold=bold)


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-right", parent=style, alignment=TA_RIGHT)


def _letter_top(attest: VolunteerAttest, style: Styles) -> Table:
    centre = attest.centre
    lines = [markup(line) for line in (centre.address, centre.postcode_place) if line]
    if centre.orgnr:
        lines.append(f"{markup(_('Org.nr.'))} {markup(format_orgnr(centre.orgnr))}")
    sender = Paragraph("<br/>".join(lines), style.cell) if lines else Spacer(1, 1)
    dated = Paragraph(
        markup(_("Dato: {date}").format(date=format_date(attest.printed_on))), _right(style.cell)
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
    return top


def _grid(
    header: list[str], rows: list[list[Flowable]], widths: list[float], style: Styles,
    right_columns: tuple[int, ...] = (),
) -> Table:  # fmt: skip
    """A ruled table with a shaded header row, repeated on every page it runs over."""
    head = []
    for i, text in enumerate(header):
        head_style = _right(style.label) if i in right_columns else style.label
        head.append(Paragraph(markup(text), head_style))
    table = Table([head, *rows], colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE_COLOUR),
                ("LINEABOVE", (0, 0), (-1, 0), 0.75, RULE_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _section(title: str, style: Styles) -> list[Flowable]:
    """A heading that never stands alone at the foot of a page."""
    return [CondPageBreak(SECTION_MIN_SPACE), Paragraph(markup(title, bold=True), style.heading)]


def _role_row(role: AttestRole, style: Styles) -> list[Flowable]:
    return [
        text_paragraph(role.task, style.cell),
        text_paragraph(role.role, style.cell),
        text_paragraph(period_text(role.start, role.end), style.cell),
    ]


def _roles(attest: VolunteerAttest, style: Styles) -> list[Flowable]:
    heading = _section(_("Oppgaver og roller"), style)
    if not attest.roles:
        return [*heading, Paragraph(markup(_("Ingen faste oppgaver er registrert.")), style.body)]
    widths = [CONTENT_WIDTH * 0.37, CONTENT_WIDTH * 0.33, CONTENT_WIDTH * 0.30]
    rows = [_role_row(role, style) for role in attest.roles]
    return [*heading, _grid([_("Oppgave"), _("Rolle"), _("Periode")], rows, widths, style)]


def _hours(attest: VolunteerAttest, style: Styles) -> list[Flowable]:
    heading = _section(_("Timer"), style)
    if attest.total_hours <= 0:
        return [*heading, Paragraph(markup(_("Det er ikke registrert timer ennå.")), style.body)]
    intro = Paragraph(
        markup(_("Til sammen {hours} frivillig arbeid, fordelt slik:").format(
            hours=hours_text(attest.total_hours))),
        style.body,
    )  # fmt: skip
    number = _right(style.cell)
    task_rows = [
        [text_paragraph(line.what, style.cell), Paragraph(markup(hours_number(line.hours)), number)]
        for line in attest.hours_by_task
    ]
    task_rows.append([
        Paragraph(markup(_("Til sammen"), bold=True), style.cell_bold),
        Paragraph(markup(hours_number(attest.total_hours), bold=True), _right(style.cell_bold)),
    ])  # fmt: skip
    gap, year_width, number_width = 8 * mm, 48 * mm, 24 * mm
    by_year = len(attest.hours_by_year) > 1
    # Side by side only while both fit on a page: a table inside a table cannot break.
    beside = by_year and len(task_rows) <= MAX_ROWS_SIDE_BY_SIDE
    task_width = CONTENT_WIDTH - year_width - gap if beside else CONTENT_WIDTH * 0.62
    tasks = _grid([_("Oppgave"), _("Timer")], task_rows,
                  [task_width - number_width, number_width], style, right_columns=(1,))  # fmt: skip
    if not by_year:
        return [*heading, intro, tasks]
    year_rows = [
        [Paragraph(markup(str(year)), style.cell), Paragraph(markup(hours_number(h)), number)]
        for year, h in attest.hours_by_year
    ]
    years = _grid([_("År"), _("Timer")], year_rows, [year_width - number_width, number_width],
                  style, right_columns=(1,))  # fmt: skip
    if not beside:
        return [*heading, intro, tasks, Spacer(1, 4 * mm), years]
    side_by_side = Table([[tasks, "", years]], colWidths=[task_width, gap, year_width],
                         hAlign="LEFT")  # fmt: skip
    side_by_side.setStyle(
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
    return [*heading, intro, side_by_side]


def _signature(attest: VolunteerAttest, style: Styles) -> Flowable:
    line = Table([[""]], colWidths=[75 * mm], rowHeights=[13 * mm], hAlign="LEFT")
    line.setStyle(
        table_style(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.75, TEXT_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether(
        [
            Paragraph(
                markup(_("Vi takker for innsatsen og gir gjerne flere opplysninger ved behov.")),
                style.body,
            ),
            Spacer(1, 2 * mm),
            Paragraph(markup(_("Med vennlig hilsen")), style.body),
            line,
            Spacer(1, 1 * mm),
            Paragraph(markup(_("Underskrift")), style.label),
            Spacer(1, 2 * mm),
            text_paragraph(attest.centre.manager_name, style.cell_bold),
            text_paragraph(_("Daglig leder"), style.cell),
            text_paragraph(attest.centre.name, style.cell),
        ]
    )


def _story(attest: VolunteerAttest, style: Styles) -> list[Flowable]:
    return [
        _letter_top(attest, style),
        Spacer(1, 7 * mm),
        Paragraph(markup(document_title(), bold=True), style.title),
        _intro(attest, style),
        Paragraph(
            markup(
                _(
                    "Frivillig innsats hos oss er ulønnet. Oppgavene og timene nedenfor er "
                    "hentet fra sentralens registreringer."
                )
            ),
            style.body,
        ),
        *_roles(attest, style),
        *_hours(attest, style),
        Spacer(1, 4 * mm),
        _signature(attest, style),
    ]
