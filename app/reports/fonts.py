"""The fonts every PDF embeds, registered once with reportlab.

reportlab's own Helvetica knows neither Cyrillic nor Arabic nor Ethiopic, and a standard font is not
embedded, so a printout always uses these TrueType files from `resources/fonts/` (with their
licences beside them):

- DejaVu Sans (regular, bold): Latin with æøå, Cyrillic (Ukrainian), Arabic (Arabic, Dari).
- Noto Sans Ethiopic (regular, bold): Tigrinya.

The folder is found from this file (`app/reports/fonts.py` → the repository root), which holds in a
source checkout and an editable install, where `app` is imported from the work tree. A frozen
build (the installer) must ship `resources/` beside `app/` the same way.

reportlab embeds only the glyphs a document uses (a subset), so a one-page letter stays small.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
ETHIOPIC = "NotoSansEthiopic"
ETHIOPIC_BOLD = "NotoSansEthiopic-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC_BOLD: "NotoSansEthiopic-Bold.ttf",
}

# Ethiopic, Ethiopic Supplement, Ethiopic Extended, Ethiopic Extended-A.
_ETHIOPIC_RANGES = ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))
# Hebrew, Arabic, Syriac, Thaana, NKo, ..., Arabic Extended, and the Arabic presentation forms.
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))

# Languages (ISO 639) written in Ethiopic script; every other language the app prints
# (nb, nn, en, uk, ar, so, pl, prs) is covered by DejaVu Sans.
_ETHIOPIC_LANGUAGES = frozenset({"ti", "am"})
_RTL_LANGUAGES = frozenset({"ar", "prs", "fa", "ur", "he"})

_registered = False


def register_fonts() -> None:
    """Register the bundled fonts with reportlab; later calls do nothing."""
    global _registered
    if _registered:
        return
    for name, filename in _FILES.items():
        path = FONTS_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"font file missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # No italic files are bundled: <i> falls back to the upright face rather than to Helvetica.
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )
    pdfmetrics.registerFontFamily(
        ETHIOPIC, normal=ETHIOPIC, bold=ETHIOPIC_BOLD, italic=ETHIOPIC, boldItalic=ETHIOPIC_BOLD
    )
    _registered = True


def font_for_language(language: str, *, bold: bool = False) -> str:
    """The registered font name for texts in `language` (an ISO 639 code such as nb, uk, ti)."""
    register_fonts()
    if language.split("_")[0].split("-")[0].lower() in _ETHIOPIC_LANGUAGES:
        return ETHIOPIC_BOLD if bold else ETHIOPIC
    return SANS_BOLD if bold else SANS


def is_ethiopic(text: str) -> bool:
    """True if `text` has any Ethiopic letter (Tigrinya, Amharic)."""
    return any(_in_ranges(ord(ch), _ETHIOPIC_RANGES) for ch in text)


def is_rtl(text: str) -> bool:
    """True if `text` has any right-to-left letter (Arabic, Dari, Hebrew)."""
    return any(_in_ranges(ord(ch), _RTL_RANGES) for ch in text)


def is_rtl_language(language: str) -> bool:
    """True for languages written right to left (ar, prs)."""
    return language.split("_")[0].split("-")[0].lower() in _RTL_LANGUAGES


def font_for_text(text: str, *, bold: bool = False) -> str:
    """The registered font that has glyphs for `text` (Ethiopic if it has any, else DejaVu)."""
    register_fonts()
    if is_ethiopic(text):
        return ETHIOPIC_BOLD if bold else ETHIOPIC
    return SANS_BOLD if bold else SANS


def _in_ranges(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)
