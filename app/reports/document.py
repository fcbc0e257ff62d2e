"""The page every Dugnad printout is set on: A4, a header, a numbered footer, embedded fonts.

A printout builds a list of platypus flowables (with `styles()` and `text_paragraph()`) and hands
it to `build_pdf()` with a `DocumentHeader`. Every page then gets:

- the header: the centre's logo (PNG or JPEG bytes, if set), its name, and the document's title;
- the footer: the date the document was made and "Side X av Y". Y is known only when the whole
  document is laid out, so the footer is drawn by `NumberedCanvas`, which keeps every page until
  the end and then draws the footers (reportlab's two-pass numbered-canvas pattern).

Texts go through gettext `_()` with Bokmål message ids, dates through `app.i18n.formatting`. A
document in another language than the UI's (the Nynorsk purpose letter) passes its own
`PageTexts`. No Qt here: the GUI and the CLI both call these functions.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from app.i18n import _, current_language
from app.i18n.formatting import format_date
from app.reports import fonts
from app.reports.bidi import BidiParagraph, draw_line, text_line_width

log = logging.getLogger(__name__)

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = 25 * mm
RIGHT_MARGIN = 20 * mm
HEADER_TOP = 12 * mm  # from the top edge of the paper to the top of the header
HEADER_HEIGHT = 16 * mm  # logo and name; a rule below it
TOP_MARGIN = HEADER_TOP + HEADER_HEIGHT + 10 * mm  # from the top edge to the text
FOOTER_BASELINE = 12 * mm  # from the bottom edge of the paper
BOTTOM_MARGIN = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN

TEXT_COLOUR = colors.HexColor("#1a1a1a")
MUTED_COLOUR = colors.HexColor("#595959")
RULE_COLOUR = colors.HexColor("#9a9a9a")
SHADE_COLOUR = colors.HexColor("#f0f0f0")

LOGO_MAX_WIDTH = 40 * mm


@dataclass(frozen=True)
class DocumentHeader:
    """What the header of every page shows.

    `generated_on` is the date printed in the footer (today if None; tests pin it).
    """

    centre_name: str
    logo: bytes | None = None
    title: str = ""
    generated_on: dt.date | None = None


@dataclass(frozen=True)
class PageTexts:
    """The footer's words, with `{page}`, `{pages}` and `{date}` placeholders."""

    page: str
    generated: str

    @classmethod
    def current(cls) -> PageTexts:
        """The footer in the UI's language."""
        return cls(page=_("Side {page} av {pages}"), generated=_("Skrevet ut {date}"))


@dataclass(frozen=True)
class Styles:
    """Paragraph styles in the embedded fonts; one set for every printout."""

    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def styles(language: str | None = None) -> Styles:
    """The paragraph styles; right-aligned for a right-to-left `language` (ar, prs)."""
    fonts.register_fonts()
    align = TA_RIGHT if language and fonts.is_rtl_language(language) else TA_LEFT
    regular, bold = fonts.SANS, fonts.SANS_BOLD
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=10.5,
        leading=15,
        textColor=TEXT_COLOUR,
        alignment=align,
        spaceAfter=6,
    )
    return Styles(
        body=body,
        body_bold=ParagraphStyle("body-bold", parent=body, fontName=bold),
        small=ParagraphStyle("small", parent=body, fontSize=9, leading=12, spaceAfter=3),
        muted=ParagraphStyle(
            "muted", parent=body, fontSize=9, leading=12, textColor=MUTED_COLOUR, spaceAfter=3
        ),
        title=ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=16, leading=21, spaceAfter=10
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=bold, fontSize=12, leading=16, spaceBefore=8
        ),
        label=ParagraphStyle(
            "label", parent=body, fontSize=9.5, leading=13, textColor=MUTED_COLOUR, spaceAfter=0
        ),
        cell=ParagraphStyle("cell", parent=body, spaceAfter=0),
        cell_bold=ParagraphStyle("cell-bold", parent=body, fontName=bold, spaceAfter=0),
    )


def markup(text: str, *, bold: bool = False) -> str:
    """Plain `text` as Paragraph markup: escaped, Ethiopic runs in the Ethiopic font.

    DejaVu Sans has no Ethiopic letters and Noto Sans Ethiopic no digits or Latin letters, so a
    Tigrinya line such as "ሰዓት 18:00" switches font run by run. A `<font name>` tag resets
    bold in reportlab, so pass `bold=True` for text set in a bold style or inside `<b>`.
    """
    fonts.register_fonts()
    ethiopic_font = fonts.ETHIOPIC_BOLD if bold else fonts.ETHIOPIC
    parts = []
    for run, ethiopic in _script_runs(text):
        if ethiopic:
            parts.append(f'<font name="{ethiopic_font}">{escape(run)}</font>')
        else:
            parts.append(escape(run))
    return "".join(parts).replace("\n", "<br/>")


def text_paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """A flowable for plain `text` in any of the printed languages.

    Text with right-to-left words (Arabic, Dari) becomes a `BidiParagraph` (shaped, set in the
    direction of its first letter), anything else a `Paragraph` with Ethiopic runs in the Ethiopic
    font. Bold: pass a bold style; the Ethiopic runs follow (the font family is registered).
    """
    if fonts.is_rtl(text):
        return BidiParagraph(text, style)
    return Paragraph(markup(text, bold=style.fontName == fonts.SANS_BOLD), style)


def table_style(commands: list[tuple] | None = None) -> TableStyle:
    """A `TableStyle` whose plain-text cells use the embedded font, then `commands`.

    Without it reportlab sets plain cells in Helvetica, which is not embedded and has no Cyrillic;
    cells in other scripts should be `text_paragraph()`s anyway.
    """
    fonts.register_fonts()
    base: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT_COLOUR),
    ]
    return TableStyle(base + list(commands or []))


def _script_runs(text: str) -> list[tuple[str, bool]]:
    """Split `text` into runs of Ethiopic and other characters; spaces join the run before."""
    runs: list[tuple[str, bool]] = []
    for ch in text:
        ethiopic = fonts.is_ethiopic(ch)
        if runs and (ethiopic == runs[-1][1] or ch.isspace()):
            runs[-1] = (runs[-1][0] + ch, runs[-1][1])
        else:
            runs.append((ch, ethiopic))
    return runs


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of one line of plain `text` as `draw_text` sets it, in points."""
    return text_line_width(text, fonts.SANS_BOLD if bold else fonts.SANS, size)


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    max_width: float | None = None,
) -> None:
    """Draw one line of plain `text` at baseline `y`, in any printed script and direction.

    `align` is "left" (x is the left end), "right" (x is the right end) or "centre". A line wider
    than `max_width` is set smaller, down to 70 %, and then cut with an ellipsis.
    """
    fonts.register_fonts()
    if max_width is not None:
        text, size = _fit(text, size, bold, max_width)
    width = text_width(text, size, bold=bold)
    left = x if align == "left" else x - width if align == "right" else x - width / 2
    draw_line(canvas, text, left, y, fonts.SANS_BOLD if bold else fonts.SANS, size)


def _fit(text: str, size: float, bold: bool, max_width: float) -> tuple[str, float]:
    smallest = size * 0.7
    while size - 0.5 >= smallest and text_width(text, size, bold=bold) > max_width:
        size -= 0.5
    if text_width(text, size, bold=bold) <= max_width:
        return text, size
    while len(text) > 1 and text_width(text + "…", size, bold=bold) > max_width:
        text = text[:-1]
    return text.rstrip() + "…", size


class NumberedCanvas(Canvas):
    """A canvas that draws "Side X av Y" and the date on every page once the last page is known.

    `showPage()` only stores the page; `save()` walks the stored pages, draws each footer with
    the page count, and writes the pages out.
    """

    def __init__(self, *args, page_texts: PageTexts, generated: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._page_texts = page_texts
        self._generated = generated
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_footer(pages)
            super().showPage()
        super().save()

    def _draw_footer(self, pages: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE_COLOUR)
        self.setLineWidth(0.5)
        rule_y = FOOTER_BASELINE + 4.5 * mm
        self.line(LEFT_MARGIN, rule_y, PAGE_WIDTH - RIGHT_MARGIN, rule_y)
        self.setFillColor(MUTED_COLOUR)
        generated = self._page_texts.generated.format(date=self._generated)
        draw_text(self, LEFT_MARGIN, FOOTER_BASELINE, generated, 8)
        page = self._page_texts.page.format(page=self._pageNumber, pages=pages)
        draw_text(self, PAGE_WIDTH - RIGHT_MARGIN, FOOTER_BASELINE, page, 8, align="right")
        self.restoreState()


def _logo_image(logo: bytes | None) -> ImageReader | None:
    if not logo:
        return None
    try:
        image = ImageReader(io.BytesIO(logo))
        image.getSize()
    except Exception:  # noqa: BLE001 - a broken logo must not stop a printout
        log.warning("the centre's logo could not be read as PNG or JPEG; printing without it")
        return None
    return image


def _header_drawer(header: DocumentHeader) -> Callable[[Canvas, BaseDocTemplate], None]:
    logo = _logo_image(header.logo)

    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - HEADER_TOP
        bottom = top - HEADER_HEIGHT
        text_left = LEFT_MARGIN
        if logo is not None:
            width, height = logo.getSize()
            scale = min(HEADER_HEIGHT / height, LOGO_MAX_WIDTH / width)
            drawn_width, drawn_height = width * scale, height * scale
            canvas.drawImage(
                logo,
                LEFT_MARGIN,
                bottom + (HEADER_HEIGHT - drawn_height) / 2,
                drawn_width,
                drawn_height,
                mask="auto",
            )
            text_left = LEFT_MARGIN + drawn_width + 5 * mm
        available = PAGE_WIDTH - RIGHT_MARGIN - text_left
        canvas.setFillColor(TEXT_COLOUR)
        if header.title:
            name_y = bottom + HEADER_HEIGHT / 2 + 1 * mm
            draw_text(
                canvas, text_left, name_y, header.centre_name, 13, bold=True, max_width=available
            )
            canvas.setFillColor(MUTED_COLOUR)
            draw_text(canvas, text_left, name_y - 5.5 * mm, header.title, 9.5, max_width=available)
        else:
            draw_text(
                canvas,
                text_left,
                bottom + HEADER_HEIGHT / 2 - 1.5 * mm,
                header.centre_name,
                13,
                bold=True,
                max_width=available,
            )
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.5)
        rule_y = bottom - 2.5 * mm
        canvas.line(LEFT_MARGIN, rule_y, PAGE_WIDTH - RIGHT_MARGIN, rule_y)
        canvas.restoreState()

    return draw


def build_pdf(
    target: Path | str | BinaryIO,
    story: list[Flowable],
    header: DocumentHeader,
    *,
    page_texts: PageTexts | None = None,
    language: str | None = None,
    pdf_title: str | None = None,
) -> None:
    """Lay out `story` on A4 pages with the header and numbered footer and write the PDF.

    `target` is a file path or a binary file object. `page_texts` are the footer's words (the UI
    language's by default); `language` is the document's language tag in the PDF (the UI's by
    default), which screen readers use. `pdf_title` is the title in the PDF's properties (the
    header's title, or the centre's name, by default).
    """
    fonts.register_fonts()
    texts = page_texts or PageTexts.current()
    generated = format_date(header.generated_on or dt.date.today())
    document = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=pdf_title or header.title or header.centre_name,
        subject=pdf_title or header.title or "",
        author=header.centre_name,
        creator="Dugnad",
        lang=language or current_language(),
        initialFontName=fonts.SANS,  # no stray reference to Helvetica, which is not embedded
    )
    frame = Frame(
        LEFT_MARGIN,
        BOTTOM_MARGIN,
        CONTENT_WIDTH,
        PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_header_drawer(header))]
    )
    canvasmaker = functools.partial(NumberedCanvas, page_texts=texts, generated=generated)
    document.build(story, canvasmaker=canvasmaker)
