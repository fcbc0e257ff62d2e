"""Lines that mix scripts and directions: Arabic and Dari (right to left, shaped), Tigrinya
(Ethiopic font), and Latin or Cyrillic, in one paragraph or one header line.

reportlab's documented way for Arabic is `ParagraphStyle(shaping=1, wordWrap="RTL")`. The shaping
half (joining Arabic letters into their initial, medial and final forms) needs `uharfbuzz`, which is
on PyPI and installed with Dugnad. The right-to-left half needs `rlbidi`, which reportlab publishes
only on its own package index, not on PyPI; without it reportlab warns "rlbidi is not installed"
and sets the words of a line left to right. So Dugnad lays such lines out itself, at word level:

- the paragraph's direction is that of its first letter with a direction (the Unicode rule), so
  "مرحبا Sandnes" reads right to left and "Muhammad (محمد)" left to right;
- words are measured (Arabic words after shaping) and broken into lines in reading order;
- in each line, a run of words of the other direction keeps its own order: "Sandnes
  frivilligsentral" inside an Arabic sentence still reads left to right, and two Arabic words in a
  Norwegian line read right to left;
- HarfBuzz orders the letters inside an Arabic word; numbers stay left to right, also in
  Arabic-Indic digits (۱۸ is eighteen);
- Ethiopic letters are drawn in Noto Sans Ethiopic, everything else in DejaVu Sans.

That is the bidi algorithm at word level, which is what a leaflet or a sign-in sheet needs. The PDF
holds the shaped presentation forms: extract and compare after NFKC normalisation.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.reports import fonts


@dataclass(frozen=True)
class _Piece:
    text: str  # shaped (glyphs in visual order) for an Arabic word
    font: str
    width: float


@dataclass(frozen=True)
class _Word:
    pieces: tuple[_Piece, ...]  # drawn left to right
    width: float
    direction: str  # "R", "L" or "N" (neutral: digits, punctuation)


def _direction(word: str) -> str:
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "N"


def base_direction(text: str) -> str:
    """ "RTL" if the first letter with a direction is right to left, else "LTR"."""
    return "RTL" if _direction(text) == "R" else "LTR"


def _shape(word: str, font: str, size: float) -> _Piece:
    shaped = shapeStr(word, font, size)
    if isinstance(shaped, ShapedStr):
        width = sum(glyph.x_advance for glyph in shaped.__shapeData__) * size / 1000
        return _Piece(shaped, font, width)
    return _Piece(shaped, font, stringWidth(shaped, font, size))


def _plain(text: str, bold: bool, size: float) -> list[_Piece]:
    """Pieces of a word that is not Arabic: Ethiopic runs in the Ethiopic font."""
    pieces: list[_Piece] = []
    run = ""
    run_ethiopic = False
    for ch in text:
        ethiopic = fonts.is_ethiopic(ch)
        if run and ethiopic != run_ethiopic:
            pieces.append(_plain_piece(run, run_ethiopic, bold, size))
            run = ""
        run += ch
        run_ethiopic = ethiopic
    if run:
        pieces.append(_plain_piece(run, run_ethiopic, bold, size))
    return pieces


def _plain_piece(text: str, ethiopic: bool, bold: bool, size: float) -> _Piece:
    if ethiopic:
        font = fonts.ETHIOPIC_BOLD if bold else fonts.ETHIOPIC
    else:
        font = fonts.SANS_BOLD if bold else fonts.SANS
    return _Piece(text, font, stringWidth(text, font, size))


def _measure_word(word: str, bold: bool, size: float, base: str) -> _Word:
    direction = _direction(word)
    if direction == "R":
        pieces = [_shape(word, fonts.SANS_BOLD if bold else fonts.SANS, size)]
    elif direction == "N" and base == "RTL":
        # "20:00." in an Arabic sentence: the number reads left to right, the full stop after it
        # stands at its left, where the sentence ends.
        core = word.strip("".join(ch for ch in word if not _is_digit(ch)))
        start = word.find(core) if core else len(word)
        lead, trail = word[:start], word[start + len(core) :]
        pieces = _plain(trail[::-1], bold, size) + _plain(core, bold, size)
        pieces += _plain(lead[::-1], bold, size)
        pieces = [piece for piece in pieces if piece.text]
    else:
        pieces = _plain(word, bold, size)
    return _Word(tuple(pieces), sum(piece.width for piece in pieces), direction)


def _is_digit(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("EN", "AN")


def measure(text: str, font_name: str, size: float, base: str) -> list[_Word]:
    """The words of `text`, measured; bold if `font_name` is a bold face."""
    fonts.register_fonts()
    bold = font_name in (fonts.SANS_BOLD, fonts.ETHIOPIC_BOLD)
    return [_measure_word(word, bold, size, base) for word in text.split()]


def _units(line: list[_Word], base: str) -> list[list[_Word]]:
    """Group a line (reading order) into units placed in the base direction.

    A unit is one word, or a run of words of the other direction (with the neutral words
    between them), which reads in its own direction.
    """
    other = "R" if base == "LTR" else "L"
    units: list[list[_Word]] = []
    index = 0
    while index < len(line):
        if line[index].direction != other:
            units.append([line[index]])
            index += 1
            continue
        last = index
        end = index + 1
        while end < len(line) and line[end].direction in (other, "N"):
            if line[end].direction == other:
                last = end
            end += 1
        units.append(line[index : last + 1])
        index = last + 1
    return units


def line_width(words: list[_Word], space: float) -> float:
    if not words:
        return 0.0
    return sum(word.width for word in words) + space * (len(words) - 1)


def draw_words(
    canvas: Canvas,
    words: list[_Word],
    x_left: float,
    y: float,
    size: float,
    base: str,
    space: float,
) -> None:
    """Draw one laid-out line of `words` (reading order) starting at `x_left`.

    The words are placed in visual order but written to the PDF in reading order, so text
    extraction and search find the sentence as it is read.
    """
    units = _units(words, base)
    # Units follow the base direction; a run of the other direction reads inside its unit.
    ordered = units if base == "LTR" else units[::-1]
    lefts: dict[int, float] = {}
    x = x_left
    for unit in ordered:
        for word in unit[::-1] if base == "LTR" else unit:
            lefts[id(word)] = x
            x += word.width + space
    for word in words:
        left = lefts[id(word)]
        for piece in word.pieces:
            canvas.setFont(piece.font, size)
            canvas.drawString(left, y, piece.text)
            left += piece.width


def draw_line(
    canvas: Canvas, text: str, x_left: float, y: float, font_name: str, size: float
) -> float:
    """Draw one line of `text` in any script starting at `x_left`; return its width."""
    base = base_direction(text)
    words = measure(text, font_name, size, base)
    space = stringWidth(" ", fonts.SANS, size)
    draw_words(canvas, words, x_left, y, size, base, space)
    return line_width(words, space)


def text_line_width(text: str, font_name: str, size: float) -> float:
    """The width of one line of `text` as `draw_line` sets it."""
    words = measure(text, font_name, size, base_direction(text))
    return line_width(words, stringWidth(" ", fonts.SANS, size))


class BidiParagraph(Flowable):
    """A paragraph of plain text that holds right-to-left words (Arabic, Dari), maybe mixed with
    others; wrapped, shaped and set in the direction of its first letter.

    Uses the style's font (regular or bold), size, leading, colour, spaceBefore/After and
    alignment: TA_LEFT, TA_RIGHT and TA_CENTER as they say (`styles("ar")` is flush right), and
    TA_JUSTIFY flush with the side the paragraph starts on (lines are not stretched).
    """

    def __init__(self, text: str, style: ParagraphStyle, _lines: list[list[_Word]] | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self.base = base_direction(text)
        self._lines = _lines
        self._words = (
            [] if _lines is not None else measure(text, style.fontName, style.fontSize, self.base)
        )
        self._space = stringWidth(" ", fonts.SANS, style.fontSize)
        self._avail_width = -1.0

    def _break(self, width: float) -> list[list[_Word]]:
        lines: list[list[_Word]] = []
        current: list[_Word] = []
        current_width = 0.0
        for word in self._words:
            needed = word.width if not current else current_width + self._space + word.width
            if current and needed > width:
                lines.append(current)
                current, current_width = [word], word.width
            else:
                current.append(word)
                current_width = needed
        if current:
            lines.append(current)
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._words and availWidth != self._avail_width:
            self._lines = self._break(availWidth)
            self._avail_width = availWidth
        self.width = availWidth
        self.height = len(self._lines or []) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        lines = self._lines or []
        fitting = int(availHeight // self.style.leading)
        if fitting <= 0:
            return []
        if fitting >= len(lines):
            return [self]
        first = ParagraphStyle(self.style.name + "-first", parent=self.style, spaceAfter=0)
        rest = ParagraphStyle(self.style.name + "-rest", parent=self.style, spaceBefore=0)
        return [
            BidiParagraph(self.text, first, _lines=lines[:fitting]),
            BidiParagraph(self.text, rest, _lines=lines[fitting:]),
        ]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter

    def _left(self, width: float) -> float:
        alignment = self.style.alignment
        if alignment == TA_CENTER:
            return (self.width - width) / 2
        if alignment == TA_JUSTIFY:
            alignment = TA_LEFT if self.base == "LTR" else TA_RIGHT
        return self.width - width if alignment == TA_RIGHT else 0.0

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.style.textColor)
        size = self.style.fontSize
        y = self.height - size  # the first baseline, where reportlab's Paragraph puts it
        for line in self._lines or []:
            x = self._left(line_width(line, self._space))
            draw_words(canvas, line, x, y, size, self.base, self._space)
            y -= self.style.leading
        canvas.restoreState()
