"""The sign-in sheet (oppmøteliste) of one session: a form to fill in with a pen, on A4.

It follows the attendance screen section by section, so typing it in afterwards is a straight
copy: the session (activity, weekday and date, time, place); the volunteers with a tick and an
hours box; the enrolled participants with a tick; empty lines for walk-ins (name, birth year,
and a tick that says the name may be stored, the screen's consent); then the anonymous headcount,
with boxes for tally marks in total, by gender and by age band.

A participant reads it, so it is a (P) document: every heading and label is in Bokmål and in the
participant's language if one is chosen (`app.reports.bilingual`): a heading with its translation
flush right on the same line when both fit, hints and column headers with it on the line below.
Names are printed as they are. The footer stays in Bokmål.

Layout: rows have a fixed height (a pen needs room), so the long lists are split page by page by
the row: the enrolled participants run in two columns, read down the left column and then the
right on each page. The walk-in lines take the room left above the headcount boxes (at least
`MIN_WALK_INS`, four for a fixed group); where the page has less, they fill it and go on over the
page down to the headcount, so the boxes never stand alone on a page. The benchmark
(`bench/print_signin.py`) holds a sheet of 87 names to 300 ms: each name and column header is set
once and shared by the tables that measure and draw the pages.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.i18n.documents import D_, both, check_language
from app.i18n.formatting import format_date, format_time
from app.reports import fonts
from app.reports.bilingual import build_participant_pdf, second_style
from app.reports.document import (
    CONTENT_WIDTH,
    RULE_COLOUR,
    SHADE_COLOUR,
    TEXT_COLOUR,
    DocumentHeader,
    Styles,
    styles,
    table_style,
    text_paragraph,
    text_width,
)

if TYPE_CHECKING:
    from app.services.print_signin import SigninSheet, SigninVolunteer

TITLE = D_("Oppmøteliste")

# Weekday names as `date.weekday()` numbers them (the same words as app.services.codes.WEEKDAYS).
WEEKDAY_TEXTS = (
    D_("mandag"),
    D_("tirsdag"),
    D_("onsdag"),
    D_("torsdag"),
    D_("fredag"),
    D_("lørdag"),
    D_("søndag"),
)
# The headcount's splits, by the codes of app.services.codes.GENDERS and AGE_BANDS (same words).
GENDER_TEXTS = {
    "female": D_("Kvinne"),
    "male": D_("Mann"),
    "other": D_("Annet"),
    "unknown": D_("Ukjent"),
}
AGE_BAND_TEXTS = {
    "0-5": D_("0–5 år"),
    "6-12": D_("6–12 år"),
    "13-17": D_("13–17 år"),
    "18-25": D_("18–25 år"),
    "26-66": D_("26–66 år"),
    "67+": D_("67 år og eldre"),
    "unknown": D_("ukjent alder"),
}

ROW_HEIGHT = 9 * mm  # one name with room for a tick or a number written by hand
TICK_SIZE = 5 * mm
HOURS_BOX = (22 * mm, 6.5 * mm)
SPARE_VOLUNTEER_LINES = 1  # for a volunteer who came without being on the list (2 if none is)
MIN_WALK_INS = 6
MIN_WALK_INS_FIXED_GROUP = 4  # few come to a fixed group unannounced: save a page instead
MIN_SPLIT = 3  # fewer walk-in lines than this at the foot of a page start on the next
MAX_WALK_INS = 20
ONE_COLUMN_UP_TO = 10  # more enrolled participants than this run in two columns
TOTAL_BOX_HEIGHT = 15 * mm
TALLY_ROOM = 11 * mm  # below a box's label: room for tally marks
BOX_PADDING = 4
SLACK = 1.5 * mm  # rounding in the frame's arithmetic


def render_signin_sheet(
    sheet: SigninSheet, target: Path | str | BinaryIO, language: str | None = None
) -> None:
    """Write the sign-in sheet as a PDF to `target`, in Bokmål and `language` (None: Bokmål).

    ValueError for a language no (P) document is printed in.
    """
    language = check_language(language)
    title = f"{TITLE} · {sheet.activity} · {_weekday(sheet)} {format_date(sheet.date)}"
    header = DocumentHeader(
        centre_name=sheet.centre_name,
        logo=sheet.logo,
        title=title,
        generated_on=sheet.generated_on,
    )
    pdf_title = f"{TITLE}: {sheet.activity} {format_date(sheet.date)}"
    build_participant_pdf(target, _Builder(sheet, language).story(), header, pdf_title)


def _weekday(sheet: SigninSheet) -> str:
    return WEEKDAY_TEXTS[sheet.date.weekday()]


# -- flowables ------------------------------------------------------------------------------
class Box(Flowable):
    """An empty box to write or tick in."""

    def __init__(self, width: float, height: float, line_width: float = 0.9) -> None:
        super().__init__()
        self.width, self.height, self.line_width = width, height, line_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(TEXT_COLOUR)
        self.canv.setLineWidth(self.line_width)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        self.canv.restoreState()


class _Section(Flowable):
    """A heading (and hint) above a table of fixed-height rows, split between pages by the row.

    `build(items)` makes the table of `items` (its first row is the column header, which is
    repeated on every page); `per_row` items share a table row (two columns of names). The
    heading stays with the first rows: it is never left alone at the bottom of a page.
    """

    def __init__(
        self,
        intro: Sequence[Flowable],
        items: Sequence[object],
        build: Callable[[Sequence[object]], Table],
        per_row: int = 1,
        min_rows: int = 2,
        header_heights: dict[float, float] | None = None,
    ) -> None:
        super().__init__()
        self.intro = list(intro)
        self.items = list(items)
        self.build = build
        self.per_row = per_row
        self.min_rows = min_rows
        self._intro_heights: list[float] = []
        self._table: Table | None = None
        # The column header's height by width, shared with the parts split off (a header is
        # built to be measured, which is slow with Arabic in it).
        self._header_heights = {} if header_heights is None else header_heights

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.intro[0].getSpaceBefore() if self.intro else 0.0

    def _wrap_intro(self, width: float) -> float:
        self._intro_heights = [f.wrap(width, 10_000)[1] for f in self.intro]
        return _stack_height(self.intro, width, self._intro_heights)

    def _header_height(self, width: float) -> float:
        if width not in self._header_heights:
            self._header_heights[width] = self.build([]).wrap(width, 10_000)[1]
        return self._header_heights[width]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        intro = self._wrap_intro(availWidth)
        self._table = self.build(self.items)
        _width, table = self._table.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, intro + table
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self._wrap_intro(availWidth) - self._header_height(availWidth)
        rows = int((room - SLACK) // ROW_HEIGHT)
        if rows < self.min_rows:
            return []
        take = min(rows * self.per_row, len(self.items) - 1)
        if take < 1:
            return []
        first = _Section(self.intro, self.items[:take], self.build, self.per_row,
                         header_heights=self._header_heights)  # fmt: skip
        rest = _Section([], self.items[take:], self.build, self.per_row, min_rows=1,
                        header_heights=self._header_heights)  # fmt: skip
        return [first, rest]

    def draw(self) -> None:
        y = self.height
        for n, (flowable, height) in enumerate(zip(self.intro, self._intro_heights, strict=True)):
            if n:
                y -= flowable.getSpaceBefore()
            y -= height
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


class _WalkInLines(_Section):
    """Empty walk-in lines, as many as the page has room for, within limits.

    Where the headcount (`reserve` high) fits below at least `minimum` lines, the lines take the
    room between. Where it does not, the lines fill this page and go on over the page, down to the
    headcount there, so no page is left with the headcount alone; with room here for fewer than
    `MIN_SPLIT` lines, they all start on the next page. `done` lines came on an earlier page.
    """

    def __init__(
        self,
        intro: Sequence[Flowable],
        build: Callable[[Sequence[object]], Table],
        reserve: float,
        minimum: int = MIN_WALK_INS,
        *,
        done: int = 0,
        fixed: int | None = None,
        header_heights: dict[float, float] | None = None,
    ) -> None:
        super().__init__(intro, [], build, header_heights=header_heights)
        self.reserve = reserve
        self.minimum = minimum
        self.done = done
        self.fixed = fixed

    def _room(self, width: float, height: float) -> tuple[float, float]:
        intro = self._wrap_intro(width)
        room = height - intro - self._header_height(width) - SLACK - self.getSpaceBefore()
        return intro, room

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        intro, room = self._room(availWidth, availHeight)
        over = False
        if self.fixed is not None:
            lines = self.fixed
        else:
            lines = int((room - self.reserve) // ROW_HEIGHT)
            if lines < self.minimum:
                lines, over = self.minimum, True
            lines = max(min(lines, MAX_WALK_INS - self.done), 1)
        self.items = [None] * lines
        self._table = self.build(self.items)
        _width, table = self._table.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, intro + table
        if over:  # more than the page holds: the frame asks split() to share them out
            return self.width, max(self.height, availHeight + 1)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.fixed is not None:
            return []
        _intro, room = self._room(availWidth, availHeight)
        here = int(room // ROW_HEIGHT)
        if here < MIN_SPLIT:
            return []  # the lines start on the next page, where wrap() fills it
        here = min(here, MAX_WALK_INS - self.done)
        shared = self._header_heights
        return [
            _WalkInLines(self.intro, self.build, self.reserve, fixed=here, header_heights=shared),
            _WalkInLines([], self.build, self.reserve, 1, done=self.done + here,
                         header_heights=shared),
        ]  # fmt: skip


def _stack_height(
    flowables: Sequence[Flowable], width: float, heights: Sequence[float] | None = None
) -> float:
    """The height of `flowables` set one below the other, with the space between and after."""
    if heights is None:
        heights = [f.wrap(width, 10_000)[1] for f in flowables]
    total = sum(heights)
    for n, flowable in enumerate(flowables):
        if n:
            total += flowable.getSpaceBefore()
        total += flowable.getSpaceAfter()
    return total


# -- the document -------------------------------------------------------------------------------
class _Builder:
    def __init__(self, sheet: SigninSheet, language: str | None) -> None:
        self.sheet = sheet
        self.language = language
        self.style: Styles = styles(None)
        base = self.style
        self.header_style = ParagraphStyle(
            "signin-header", parent=base.cell_bold, fontSize=9, leading=11
        )
        self.name_style = ParagraphStyle("signin-name", parent=base.cell, fontSize=10.5, leading=12)
        self.role_style = ParagraphStyle(
            "signin-role", parent=base.muted, fontSize=8, leading=9.5, spaceAfter=0
        )
        self.box_label = ParagraphStyle("signin-box", parent=base.cell, fontSize=9, leading=10.5)
        self.hint = ParagraphStyle("signin-hint", parent=base.small, spaceAfter=2)
        self.heading_style = ParagraphStyle("signin-heading", parent=base.heading, spaceAfter=1)
        self._headers: dict[tuple[tuple[str, bool], ...], list[list[Flowable] | str]] = {}

    # -- bilingual pieces
    def second(self, style: ParagraphStyle, **changes: object) -> ParagraphStyle:
        """The translation's style (`bilingual.second_style`); Ethiopic a little larger, since
        its letters are small beside Latin ones at the same size."""
        second = second_style(style, self.language)
        if self.language and fonts.font_for_language(self.language) == fonts.ETHIOPIC:
            changes.setdefault("fontSize", second.fontSize * 1.1)
            changes.setdefault("leading", second.leading * 1.1)
        return ParagraphStyle(second.name + "-signin", parent=second, **changes)

    def both_lines(
        self, message: str, style: ParagraphStyle, align: int | None = None
    ) -> list[Flowable]:
        """Bokmål and, below it, the participant's language: for cells (no space after)."""
        nb, other = both(message, self.language)
        first = style if align is None else ParagraphStyle(style.name + "-a", parent=style,
                                                           alignment=align)  # fmt: skip
        cell = [text_paragraph(nb, first)]
        if other is not None:
            second = self.second(style) if align is None else self.second(style, alignment=align)
            cell.append(text_paragraph(other, second))
        return cell

    def block(self, message: str, style: ParagraphStyle) -> list[Flowable]:
        """A hint: Bokmål, and the translation close under it (muted; flush right for ar and
        prs, as `bilingual.paragraphs` sets it)."""
        nb, other = both(message, self.language)
        if other is None:
            return [text_paragraph(nb, style)]
        first = ParagraphStyle(style.name + "-nb", parent=style, spaceAfter=0)
        second = self.second(style, spaceBefore=0.5)
        return [text_paragraph(nb, first), text_paragraph(other, second)]

    def heading(self, message: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """A heading: the translation on the same line, flush right, when both fit."""
        style = style or self.heading_style
        nb, other = both(message, self.language)
        if other is None:
            return [text_paragraph(nb, style)]
        second = self.second(style, alignment=TA_RIGHT, spaceBefore=0)
        bold = style.fontName == fonts.SANS_BOLD
        nb_width = text_width(nb, style.fontSize, bold=bold)
        other_width = text_width(other, second.fontSize, bold=bold)
        if nb_width + other_width + 12 * mm > CONTENT_WIDTH:
            return self.block(message, style)
        row = Table(
            [[text_paragraph(nb, ParagraphStyle(style.name + "-row", parent=style, spaceBefore=0)),
              text_paragraph(other, second)]],
            colWidths=[CONTENT_WIDTH - other_width - 6 * mm, other_width + 6 * mm],
            spaceBefore=style.spaceBefore, spaceAfter=style.spaceAfter,
        )  # fmt: skip
        row.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))  # fmt: skip
        return [row]

    def hint_lines(self, message: str) -> list[Flowable]:
        return self.block(message, self.hint)

    # -- sections
    def story(self) -> list[Flowable]:
        headcount = self.headcount()
        reserve = _stack_height(headcount, CONTENT_WIDTH) + headcount[0].getSpaceBefore()
        return [
            *self.top(),
            self.volunteers(),
            *self.participants(reserve),
            KeepTogether(headcount),  # type: ignore[arg-type]
        ]

    def top(self) -> list[Flowable]:
        sheet = self.sheet
        story: list[Flowable] = [
            text_paragraph(sheet.activity, ParagraphStyle("signin-title", parent=self.style.title,
                                                          spaceAfter=1)),  # fmt: skip
            *self.heading(TITLE, ParagraphStyle(
                "signin-subtitle", parent=self.style.body, fontSize=11, leading=14, spaceAfter=0)),
            Spacer(1, 2 * mm),
        ]  # fmt: skip
        nb_day, other_day = both(_weekday(sheet), self.language)
        when = [text_paragraph(f"{nb_day} {format_date(sheet.date)}", self.style.cell_bold)]
        if other_day is not None:
            when.append(text_paragraph(other_day, self.second(self.style.cell)))
        cells = [
            (D_("Dato"), when),
            (D_("Tid"), [text_paragraph(
                f"{format_time(sheet.start)}–{format_time(sheet.end)}", self.style.cell_bold)]),
            (D_("Sted"), [text_paragraph(sheet.place or "–", self.style.cell_bold)]),
        ]  # fmt: skip
        labels = [self.both_lines(message, self.role_style) for message, _value in cells]
        values = [value for _message, value in cells]
        widths = [CONTENT_WIDTH * 0.36, CONTENT_WIDTH * 0.24, CONTENT_WIDTH * 0.40]
        info = Table([labels, values], colWidths=widths)
        info.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.75, RULE_COLOUR),
            ("LINEAFTER", (0, 0), (-2, -1), 0.5, RULE_COLOUR),
            ("BACKGROUND", (0, 0), (-1, -1), SHADE_COLOUR),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, 0), 4),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 1),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
        ]))  # fmt: skip
        story.append(info)
        if sheet.cancelled:
            story += [Spacer(1, 2 * mm), self.cancelled_note()]
        return story

    def cancelled_note(self) -> Flowable:
        note = Table(
            [[self.both_lines(D_("Økten er avlyst."), self.style.cell_bold)]],
            colWidths=[CONTENT_WIDTH],
        )
        note.setStyle(table_style([
            ("BOX", (0, 0), (-1, -1), 1.2, TEXT_COLOUR),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))  # fmt: skip
        return note

    def column_headers(self, columns: Sequence[tuple[str, bool]]) -> list[list[Flowable] | str]:
        """Header cells: (message, centred); an empty message is an empty cell. Made once per
        set of columns: every table of a section (one per page, and those measured) shares
        them."""
        key = tuple(columns)
        if key not in self._headers:
            self._headers[key] = self._column_headers(columns)
        return self._headers[key]

    def _column_headers(self, columns: Sequence[tuple[str, bool]]) -> list[list[Flowable] | str]:
        return [
            self.both_lines(message, self.header_style, TA_CENTER if centred else None)
            if message else ""
            for message, centred in columns
        ]  # fmt: skip

    def row_table(
        self,
        header: list[list[Flowable] | str],
        rows: list[list[object]],
        widths: list[float],
        extra: list[tuple] | None = None,
        spans: Sequence[tuple[int, int]] = ((0, -1),),
    ) -> Table:
        """A header row and fixed-height rows, ruled below; `spans` are the ruled columns."""
        table = Table(
            [header, *rows], colWidths=widths, rowHeights=[None] + [ROW_HEIGHT] * len(rows),
            repeatRows=1,
        )  # fmt: skip
        table.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "LEFT"),
            *[("LINEBELOW", (a, 0), (b, 0), 1, TEXT_COLOUR) for a, b in spans],
            *[("LINEBELOW", (a, 1), (b, -1), 0.5, RULE_COLOUR) for a, b in spans],
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
            *(extra or []),
        ]))  # fmt: skip
        return table

    def tick(self) -> Box:
        return Box(TICK_SIZE, TICK_SIZE)

    def volunteers(self) -> Flowable:
        widths = [CONTENT_WIDTH - 32 * mm - 34 * mm, 32 * mm, 34 * mm]
        centre = [("ALIGN", (1, 1), (-1, -1), "CENTER")]

        def name_cell(person: SigninVolunteer) -> list[Flowable]:
            cell = [text_paragraph(person.name, self.name_style)]
            if person.role:
                cell.append(text_paragraph(person.role, self.role_style))
            return cell

        def build(cells: Sequence[object]) -> Table:
            header = self.column_headers([(D_("Navn"), False), (D_("Til stede"), True),
                                          (D_("Timer"), True)])  # fmt: skip
            rows = [[cell, self.tick(), Box(*HOURS_BOX)] for cell in cells]
            return self.row_table(header, rows, widths, centre)

        spare = SPARE_VOLUNTEER_LINES + (0 if self.sheet.volunteers else 1)
        intro = [
            *self.heading(D_("Frivillige")),
            *self.hint_lines(D_("Kryss av når du kommer, og skriv hvor mange timer du var her.")),
        ]
        cells = [name_cell(person) for person in self.sheet.volunteers]
        return _Section(intro, [*cells, *([""] * spare)], build)

    def participants(self, reserve: float) -> list[Flowable]:
        listed = self.sheet.participants
        story: list[Flowable] = []
        if listed:
            intro = [
                *self.heading(D_("Påmeldte deltakere")),
                *self.hint_lines(D_("Kryss av ved navnet ditt når du kommer.")),
            ]
            # Each name is set once; the tables that measure and draw the pages share them.
            names = [text_paragraph(p.name, self.name_style) for p in listed]
            if len(names) <= ONE_COLUMN_UP_TO:
                story.append(_Section(intro, names, self.one_column))
            else:
                story.append(_Section(intro, names, self.two_columns, per_row=2))
            walk_in_heading = D_("Står du ikke på listen? Skriv deg på her.")
        else:
            walk_in_heading = D_("Deltakere: skriv deg på her")
        intro = [
            *self.heading(walk_in_heading),
            *self.hint_lines(D_(
                "Kryss av hvis vi kan lagre navnet ditt. Uten kryss teller vi deg bare med i "
                "antallet."
            )),
        ]  # fmt: skip
        fixed_group = self.sheet.counting == "enrolled"
        minimum = MIN_WALK_INS_FIXED_GROUP if fixed_group else MIN_WALK_INS
        story.append(_WalkInLines(intro, self.walk_in_table, reserve, minimum))
        return story

    def one_column(self, names: Sequence[object]) -> Table:
        widths = [CONTENT_WIDTH - 32 * mm, 32 * mm]
        header = self.column_headers([(D_("Navn"), False), (D_("Til stede"), True)])
        rows = [[name, self.tick()] for name in names]
        return self.row_table(header, rows, widths, [("ALIGN", (1, 1), (1, -1), "CENTER")])

    def two_columns(self, names: Sequence[object]) -> Table:
        """Read down the left column, then the right."""
        tick_width, gap = 24 * mm, 7 * mm
        name_width = (CONTENT_WIDTH - gap) / 2 - tick_width
        widths = [name_width, tick_width, gap, name_width, tick_width]
        down = math.ceil(len(names) / 2)
        left, right = list(names[:down]), list(names[down:])
        half = [(D_("Navn"), False), (D_("Til stede"), True)]
        header = self.column_headers([*half, ("", False), *half])
        rows: list[list[object]] = []
        for n, name in enumerate(left):
            row: list[object] = [name, self.tick(), ""]
            if n < len(right):
                row += [right[n], self.tick()]
            else:
                row += ["", ""]
            rows.append(row)
        extra = [("ALIGN", (1, 1), (1, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "CENTER")]
        return self.row_table(header, rows, widths, extra, spans=((0, 1), (3, 4)))

    def walk_in_table(self, lines: Sequence[object]) -> Table:
        year_width, consent_width = 44 * mm, 39 * mm
        widths = [CONTENT_WIDTH - year_width - consent_width, year_width, consent_width]
        header = self.column_headers([(D_("Navn"), False), (D_("Fødselsår (valgfritt)"), True),
                                      (D_("Lagre navnet mitt"), True)])  # fmt: skip
        rows = [["", "", self.tick()] for _line in lines]
        extra = [
            ("ALIGN", (2, 1), (2, -1), "CENTER"),
            ("LINEBEFORE", (1, 1), (1, -1), 0.5, RULE_COLOUR),
        ]
        return self.row_table(header, rows, widths, extra)

    def headcount(self) -> list[Flowable]:
        """Boxes for tally marks: in total, by gender and by age band (a drop-in's count).

        A fixed group (counting "enrolled") gets the total only: there the headcount is just
        for the few who come without signing, and a page of boxes would be in the way.
        """
        full = self.sheet.counting != "enrolled"
        hint = (
            D_(
                "Sett en strek for hver person som kommer uten å skrive seg på med navn. "
                "Fordelingen på kjønn og alder er valgfri."
            )
            if full
            else D_("Sett en strek for hver person som kommer uten å skrive seg på med navn.")
        )
        story = [*self.heading(D_("Antall frammøtte (anonymt)")), *self.hint_lines(hint)]
        if not full:
            return [*story, self.total_row()]
        total_width = 41 * mm
        gender_width = (CONTENT_WIDTH - total_width) / len(GENDER_TEXTS)
        first = self.boxes(
            [(D_("I alt"), total_width)] + [(t, gender_width) for t in GENDER_TEXTS.values()],
            bold_first=True,
        )
        age_width = CONTENT_WIDTH / len(AGE_BAND_TEXTS)
        ages = self.boxes([(t, age_width) for t in AGE_BAND_TEXTS.values()])
        return [*story, first, Spacer(1, 2.5 * mm), ages]

    def boxes(self, cells: list[tuple[str, float]], bold_first: bool = False) -> Table:
        """One row of boxes, each with its label at the top and room for tally marks below."""
        labels = [
            self.both_lines(text, self.style.cell_bold if bold_first and n == 0 else self.box_label)
            for n, (text, _width) in enumerate(cells)
        ]
        widths = [width for _text, width in cells]
        label_height = max(
            _stack_height(label, width - BOX_PADDING * 2)
            for label, width in zip(labels, widths, strict=True)
        )
        height = label_height + BOX_PADDING + TALLY_ROOM
        table = Table([labels], colWidths=widths, rowHeights=[height])
        commands: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.9, TEXT_COLOUR),
            ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), BOX_PADDING / 2),
        ]
        if bold_first:
            commands += [
                ("BACKGROUND", (0, 0), (0, 0), SHADE_COLOUR),
                ("BOX", (0, 0), (0, 0), 1.6, TEXT_COLOUR),
            ]
        table.setStyle(table_style(commands))
        return table

    def total_row(self) -> Table:
        """The total alone: a label and one wide box."""
        label_width = 48 * mm
        total = Table(
            [[self.both_lines(D_("I alt"), self.style.cell_bold), ""]],
            colWidths=[label_width, CONTENT_WIDTH - label_width],
            rowHeights=[TOTAL_BOX_HEIGHT],
        )
        total.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 1.6, TEXT_COLOUR),
            ("LINEAFTER", (0, 0), (0, 0), 0.9, TEXT_COLOUR),
            ("BACKGROUND", (0, 0), (0, 0), SHADE_COLOUR),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ]))  # fmt: skip
        return total
