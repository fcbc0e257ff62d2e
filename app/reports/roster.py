"""The vaktliste (roster) as a PDF: who serves which session in a period.

One activity prints as one table by date; several activities print one table per activity (by
name), each headed by the activity's name, so a volunteer finds their activity and a coordinator
sees each activity's gaps together; a table that runs over a page repeats its heading. A row is a
session: the weekday, date and time, the place (a column only when it varies; otherwise named once
above the table), the volunteers with their roles and whether they have confirmed, and a remark:
"Mangler 1 frivillig" on a shaded row for an understaffed session, "Avlyst" and the reason for a
cancelled one. Cancelled sessions are kept (greyed, with who had been on the roster), so nobody
comes in vain and the coordinator knows whom to tell. A period without sessions prints one page
that says so.

Texts are UI texts (`_()`): the roster is read by the centre's staff and volunteers, not by
participants. Speed (a term of a whole centre is about 1,000 rows, at most 1 s with the data):
the rows are drawn by `_Row` and split between pages by `_Block`, not by a platypus Table, and
text in Latin or Cyrillic script is wrapped here and drawn as plain lines, one text object per
row; only right-to-left and Ethiopic text, which needs shaping or another font, becomes a
paragraph. A session with a very long list goes on in rows of its own, so a row always fits on a
page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.i18n import _, ngettext
from app.i18n.formatting import format_date, format_number, format_time
from app.reports import fonts
from app.reports.document import (
    CONTENT_WIDTH,
    MUTED_COLOUR,
    RULE_COLOUR,
    SHADE_COLOUR,
    TEXT_COLOUR,
    DocumentHeader,
    build_pdf,
    markup,
    styles,
    text_paragraph,
)
from app.services.codes import WEEKDAYS, label
from app.services.text import sort_key

if TYPE_CHECKING:
    from app.services.print_rosters import RosteredVolunteer, RosterPrintout, RosterSession

CELL_SIZE = 9.5
CELL_LEADING = 12
PADDING = 4
TOP_PADDING = 2.5
BOTTOM_PADDING = 3.5
MAX_LINES = 20  # of one cell in one row: a row always fits on a page
WARNING_COLOUR = colors.HexColor("#9b1c1c")  # dark red: still dark on a black-and-white printer
WARNING_SHADE = colors.HexColor("#fbe3e0")
CANCELLED_COLOUR = colors.HexColor("#6e6e6e")
CHECK = "✓"


def roster_title(roster: RosterPrintout) -> str:
    """`Vaktliste` or `Vaktliste: Språkkafé`: the heading and the header line."""
    if roster.activity:
        return _("Vaktliste: {activity}").format(activity=roster.activity)
    return _("Vaktliste")


def period_text(roster: RosterPrintout) -> str:
    if roster.start == roster.end:
        return _("Dato: {date}").format(date=format_date(roster.start))
    return _("Periode: {start}–{end}").format(
        start=format_date(roster.start), end=format_date(roster.end)
    )


def render_roster(roster: RosterPrintout, target: Path | str | BinaryIO) -> None:
    """Write the vaktliste of `roster` as a PDF to `target` (a path or a binary file)."""
    title = roster_title(roster)
    header = DocumentHeader(
        centre_name=roster.centre_name, logo=roster.logo, title=title,
        generated_on=roster.generated_on,
    )  # fmt: skip
    build_pdf(target, _story(roster), header, pdf_title=f"{title}, {period_text(roster)}")


# -- the story ------------------------------------------------------------------------------------


class _Styles:
    """The roster's paragraph styles, made once per document."""

    def __init__(self) -> None:
        base = styles()
        self.base = base
        self.cell = ParagraphStyle(
            "roster-cell", parent=base.cell, fontSize=CELL_SIZE, leading=CELL_LEADING
        )
        self.head = ParagraphStyle(
            "roster-head", parent=self.cell, fontName=fonts.SANS_BOLD, textColor=MUTED_COLOUR
        )
        self.warning = ParagraphStyle(
            "roster-warning", parent=self.cell, fontName=fonts.SANS_BOLD, textColor=WARNING_COLOUR
        )
        self.cancelled = ParagraphStyle(
            "roster-cancelled", parent=self.cell, textColor=CANCELLED_COLOUR
        )
        self.group = ParagraphStyle(
            "roster-group", parent=base.heading, fontSize=11.5, leading=15, spaceBefore=0
        )


def _story(roster: RosterPrintout) -> list[Flowable]:
    st = _Styles()
    story: list[Flowable] = [
        text_paragraph(roster_title(roster), st.base.title),
        text_paragraph(period_text(roster), st.base.body),
    ]
    if not roster.sessions:
        story.append(Spacer(1, 6 * mm))
        story.append(text_paragraph(_empty_text(roster), st.base.body_bold))
        story.append(text_paragraph(
            _("Øktene legges inn på aktiviteten, under Tidsplan."), st.base.muted))  # fmt: skip
        return story

    single = roster.activity is not None
    groups = _groups(roster)
    place = roster.sessions[0].place
    if single and place and all(s.place == place for s in roster.sessions):
        story.append(text_paragraph(_("Sted: {place}").format(place=place), st.base.body))
    story.append(text_paragraph(_summary(roster), st.base.body))
    story.append(text_paragraph(
        _("{check} = bekreftet av den frivillige").format(check=CHECK), st.base.muted))  # fmt: skip
    story.append(Spacer(1, 3 * mm))
    for name, sessions in groups:
        places = {s.place for s in sessions}
        with_place = len(places) > 1  # one place for all: named once, above the table
        heading = None
        if not single:
            place = sessions[0].place
            heading = f"{name} · {place}" if place and not with_place else name
        story.append(_block(sessions, heading, with_place, st))
        story.append(Spacer(1, 5 * mm))
    return story


def _empty_text(roster: RosterPrintout) -> str:
    values = {"start": format_date(roster.start), "end": format_date(roster.end)}
    if roster.activity:
        return _("{activity} har ingen økter fra {start} til og med {end}.").format(
            activity=roster.activity, **values
        )
    return _("Ingen økter fra {start} til og med {end}.").format(**values)


def _summary(roster: RosterPrintout) -> str:
    """`8 økter · 2 med for få frivillige · 1 avlyst`, as the week page counts them."""
    held = len(roster.sessions) - roster.cancelled
    parts = [
        ngettext("{n} økt", "{n} økter", held).format(n=format_number(held)),
        _("{n} med for få frivillige").format(n=format_number(roster.understaffed)),
    ]
    if roster.cancelled:
        parts.append(_("{n} avlyst").format(n=format_number(roster.cancelled)))
    return " · ".join(parts)


def _groups(roster: RosterPrintout) -> list[tuple[str, list[RosterSession]]]:
    """(activity name, its sessions by date) per activity, activities by name."""
    if roster.activity is not None:
        return [(roster.activity, list(roster.sessions))]
    ordered = sorted(
        roster.sessions,
        key=lambda s: (sort_key(s.activity), s.activity_id, s.date, s.start),
    )
    return [
        (sessions[0].activity, sessions)
        for sessions in (list(g) for _key, g in groupby(ordered, key=lambda s: s.activity_id))
    ]


def _widths(with_place: bool) -> list[float]:
    """Date and time, (place,) volunteers, remark."""
    when = 38 * mm
    if with_place:
        place, remark = 36 * mm, 28 * mm
        return [when, place, CONTENT_WIDTH - when - place - remark, remark]
    remark = 34 * mm
    return [when, CONTENT_WIDTH - when - remark, remark]


# Letters that need more than DejaVu Sans set left to right: right-to-left or Ethiopic script.
_SPECIAL_SCRIPT = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in (*fonts._RTL_RANGES,
                                                              *fonts._ETHIOPIC_RANGES)) + "]"
)  # fmt: skip


@functools.lru_cache(maxsize=8192)
def _width(text: str, font: str) -> float:
    return stringWidth(text, font, CELL_SIZE)


def _wrap(text: str, width: float, font: str, indent: str = "") -> tuple[str, ...]:
    """`text` broken at spaces into lines no wider than the cell (a long word stays whole);
    a line's continuation starts with `indent`."""
    inner = width - 2 * PADDING
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if _width(paragraph, font) <= inner:
            lines.append(paragraph)
            continue
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and _width(candidate, font) > inner:
                lines.append(line)
                line = indent + word
            else:
                line = candidate
        lines.append(line)
    return tuple(lines)


@dataclass(frozen=True)
class _Cell:
    """One cell: plain lines (Latin, Cyrillic) drawn as text, or flowables for the rest."""

    lines: tuple[str, ...] = ()
    flowables: tuple[Flowable, ...] = ()
    font: str = fonts.SANS
    colour: colors.Color | None = None  # None: the row's colour


class _Row:
    """One row of cells at fixed widths; its height is known once, its text one text object.

    The roster draws its rows itself instead of with a platypus Table: a Table re-measures
    and re-styles every cell whenever it is wrapped or split at a page break, and draws every
    line of every cell as a text object of its own, which for 1,000 sessions is most of the
    time the PDF takes.
    """

    def __init__(
        self,
        cells: list[_Cell],
        widths: list[float],
        *,
        colour: colors.Color = TEXT_COLOUR,
        shade: colors.Color | None = None,
        rule: float = 0.4,
    ) -> None:
        self.cells, self.widths = cells, widths
        self.colour, self.shade, self.rule = colour, shade, rule
        content = 0.0
        for cell, width in zip(cells, widths, strict=True):
            height = len(cell.lines) * CELL_LEADING
            for flowable in cell.flowables:
                height += flowable.wrap(width - 2 * PADDING, 10_000)[1]
            content = max(content, height)
        self.height = TOP_PADDING + max(content, CELL_LEADING) + BOTTOM_PADDING

    def draw(self, canvas: Canvas, top: float) -> None:
        bottom = top - self.height
        total = sum(self.widths)
        if self.shade is not None:
            canvas.setFillColor(self.shade)
            canvas.rect(0, bottom, total, self.height, stroke=0, fill=1)
        text = canvas.beginText()
        x = 0.0
        font = None
        for cell, width in zip(self.cells, self.widths, strict=True):
            if cell.lines:
                text.setTextOrigin(x + PADDING, top - TOP_PADDING - CELL_SIZE)
                if cell.font != font:
                    text.setFont(cell.font, CELL_SIZE, CELL_LEADING)
                    font = cell.font
                text.setFillColor(cell.colour or self.colour)
                for line in cell.lines:
                    text.textLine(line)
            x += width
        canvas.drawText(text)
        x = 0.0
        for cell, width in zip(self.cells, self.widths, strict=True):
            y = top - TOP_PADDING - len(cell.lines) * CELL_LEADING
            for flowable in cell.flowables:
                _w, height = flowable.wrap(width - 2 * PADDING, 10_000)
                y -= height
                flowable.drawOn(canvas, x + PADDING, y)
            x += width
        if self.rule:
            canvas.setStrokeColor(RULE_COLOUR)
            canvas.setLineWidth(self.rule)
            canvas.line(0, bottom, total, bottom)


class _Block(Flowable):
    """An activity's rows under its heading and the column headers, split between pages by
    row; the heading and the column headers repeat at the top of each part."""

    def __init__(self, heading: Flowable | None, header: _Row, rows: list[_Row]) -> None:
        super().__init__()
        self.heading, self.header, self.rows = heading, header, rows
        self.heading_height = 0.0

    def _top(self, width: float) -> float:
        if self.heading is not None:
            self.heading_height = self.heading.wrap(width, 10_000)[1] + 3
        return self.heading_height + self.header.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self._top(availWidth) + sum(row.height for row in self.rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self._top(availWidth)
        fits = 0
        for row in self.rows:
            if row.height > room:
                break
            room -= row.height
            fits += 1
        if fits == 0:
            return []  # not even one row: the whole block goes to the next page
        return [
            _Block(self.heading, self.header, self.rows[:fits]),
            _Block(self.heading, self.header, self.rows[fits:]),
        ]

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        if self.heading is not None:
            self.heading.drawOn(canvas, 0, top - self.heading_height + 3)
            top -= self.heading_height
        self.header.draw(canvas, top)
        top -= self.header.height
        for row in self.rows:
            row.draw(canvas, top)
            top -= row.height


def _paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """`text_paragraph`, without its letter-by-letter script check for plain Latin text."""
    if _SPECIAL_SCRIPT.search(text):
        return text_paragraph(text, style)
    return Paragraph(escape(text), style)


def _cell(
    text: str, width: float, style: ParagraphStyle, colour: colors.Color | None = None
) -> _Cell:
    """Plain lines, wrapped here (drawn far faster than a Paragraph), or a paragraph for
    right-to-left and Ethiopic text, which needs shaping or another font."""
    if not text:
        return _Cell()
    if _SPECIAL_SCRIPT.search(text):
        return _Cell(flowables=(text_paragraph(text, style),))
    return _Cell(_wrap(text, width, style.fontName), font=style.fontName, colour=colour)


def _volunteer_line(volunteer: RosteredVolunteer) -> str:
    text = f"{volunteer.name} ({volunteer.role})" if volunteer.role else volunteer.name
    if volunteer.confirmed:
        return f"{text} {CHECK}"
    return _("{volunteer}, ikke bekreftet").format(volunteer=text)


def _volunteers_cell(session: RosterSession, width: float, st: _Styles) -> _Cell:
    if session.cancelled:
        if not session.volunteers:
            return _Cell()
        names = ", ".join(v.name for v in session.volunteers)
        return _cell(_("Var satt opp: {names}").format(names=names), width, st.cancelled)
    if not session.volunteers:
        return (
            _cell(_("Ingen satt opp ennå"), width, st.cell)
            if session.volunteers_needed
            else _Cell()
        )
    lines = [_volunteer_line(v) for v in session.volunteers]
    if not any(_SPECIAL_SCRIPT.search(line) for line in lines):
        return _Cell(_wrap("\n".join(lines), width, fonts.SANS, indent="    "))
    # One paragraph a line, each in its own direction.
    return _Cell(flowables=tuple(text_paragraph(line, st.cell) for line in lines))


def _remark_cell(session: RosterSession, width: float, st: _Styles) -> _Cell:
    if session.cancelled:
        cancelled = _wrap(_("Avlyst"), width, fonts.SANS_BOLD)
        if not session.cancel_reason:
            return _Cell(cancelled, font=fonts.SANS_BOLD, colour=WARNING_COLOUR)
        reason = text_paragraph(session.cancel_reason, st.cancelled)
        return _Cell(flowables=(Paragraph(markup(_("Avlyst"), bold=True), st.warning), reason))
    if session.missing:
        text = ngettext("Mangler {n} frivillig", "Mangler {n} frivillige", session.missing)
        return _cell(text.format(n=format_number(session.missing)), width, st.warning,
                     WARNING_COLOUR)  # fmt: skip
    return _Cell()


def _when_text(session: RosterSession) -> str:
    """`Torsdag 26.11.2026` over `18:00–20:00`."""
    weekday = label(WEEKDAYS, list(WEEKDAYS)[session.date.weekday()])
    return (f"{weekday[:1].upper()}{weekday[1:]} {format_date(session.date)}\n"
            f"{format_time(session.start)}–{format_time(session.end)}")  # fmt: skip


def _block(
    sessions: list[RosterSession], heading: str | None, with_place: bool, st: _Styles
) -> _Block:
    widths = _widths(with_place)
    titles = [_("Dato og tid"), *([_("Sted")] if with_place else []), _("Frivillige"),
              _("Merknad")]  # fmt: skip
    header = _Row(
        [_cell(title, width, st.head, MUTED_COLOUR) for title, width in zip(titles, widths,
                                                                             strict=True)],
        widths, shade=SHADE_COLOUR, rule=0.75,
    )  # fmt: skip
    volunteers_col = 2 if with_place else 1
    rows = []
    for session in sessions:
        volunteers = _volunteers_cell(session, widths[volunteers_col], st)
        colour = CANCELLED_COLOUR if session.cancelled else TEXT_COLOUR
        shade = WARNING_SHADE if session.missing else None
        # A row must fit on a page: a very long list goes on in rows of its own below.
        parts = [
            _Cell(volunteers.lines[i : i + MAX_LINES], volunteers.flowables[i : i + MAX_LINES])
            for i in range(0, max(len(volunteers.lines), len(volunteers.flowables), 1), MAX_LINES)
        ]
        for n, part in enumerate(parts):
            cells = [_cell(_when_text(session), widths[0], st.cell) if n == 0 else _Cell()]
            if with_place:
                cells.append(_cell(session.place or "", widths[1], st.cell) if n == 0 else _Cell())
            cells.append(part)
            cells.append(_remark_cell(session, widths[-1], st) if n == 0 else _Cell())
            last = n == len(parts) - 1
            rows.append(_Row(cells, widths, colour=colour, shade=shade, rule=0.4 if last else 0))
    return _Block(_paragraph(heading, st.group) if heading else None, header, rows)
