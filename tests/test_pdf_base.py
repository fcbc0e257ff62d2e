"""The PDF base: page numbering, header, embedded fonts, and text in every printed script."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.platypus import PageBreak, Paragraph

from app.reports import bidi, fonts
from app.reports.bidi import BidiParagraph
from app.reports.document import (
    DocumentHeader,
    PageTexts,
    build_pdf,
    draw_text,
    styles,
    text_paragraph,
    text_width,
)

HEADER = DocumentHeader(
    centre_name="Sandnes frivilligsentral",
    title="Vaktliste uke 47",
    generated_on=dt.date(2026, 11, 21),
)
ARABIC = "مرحبا بكم في المقهى اللغوي يوم الخميس"
TIGRINYA = "ትግርኛ"


def squash(text: str) -> str:
    """Whitespace (line breaks, non-breaking spaces) as single spaces."""
    return " ".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def build(story: list, header: DocumentHeader = HEADER, **kwargs) -> bytes:
    buffer = io.BytesIO()
    build_pdf(buffer, story, header, **kwargs)
    return buffer.getvalue()


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name (subset prefix removed) → whether its font program is in the file."""
    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            descriptor = font.get("/FontDescriptor")
            found[name] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    return found


def x_positions(pdf: bytes, page: int = 0) -> dict[str, float]:
    """Each drawn word (NFKC) → the x where it starts, for checking the visual order."""
    positions: dict[str, float] = {}

    def visit(text: str, _cm, tm, _font, _size) -> None:
        word = unicodedata.normalize("NFKC", text).strip()
        if word:
            positions.setdefault(word, tm[4])

    pypdf.PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return positions


def three_pages() -> list:
    style = styles()
    story: list = []
    for number in (1, 2, 3):
        story.append(Paragraph(f"Innhold på ark {number}", style.title))
        if number < 3:
            story.append(PageBreak())
    return story


def test_every_page_says_which_of_how_many() -> None:
    texts = page_texts(build(three_pages()))
    assert len(texts) == 3
    assert "Side 1 av 3" in texts[0]
    assert "Side 2 av 3" in texts[1]
    assert "Innhold på ark 2" in texts[1]
    assert "Side 3 av 3" in texts[2]


def test_header_and_footer_on_every_page() -> None:
    for text in page_texts(build(three_pages())):
        assert "Sandnes frivilligsentral" in text
        assert "Vaktliste uke 47" in text
        assert "Skrevet ut 21.11.2026" in text


def test_a_document_may_bring_its_own_footer_words() -> None:
    english = PageTexts("Page {page} of {pages}", "{date}")
    texts = page_texts(build(three_pages(), page_texts=english))
    assert "Page 2 of 3" in texts[1]
    assert "Side" not in texts[1]


def test_norwegian_and_cyrillic_letters_extract_and_fonts_are_embedded() -> None:
    style = styles()
    pdf = build(
        [
            text_paragraph("Åse Ødegård, Blåbærsyltetøy & co <ikke markup>", style.body),
            text_paragraph("Олена Шевченко, українська", style.body),
        ]
    )
    text = page_texts(pdf)[0]
    assert "Åse Ødegård, Blåbærsyltetøy & co <ikke markup>" in text
    assert "Олена Шевченко, українська" in text
    used = embedded_fonts(pdf)
    assert used.get("DejaVuSans") is True
    assert used.get("DejaVuSans-Bold") is True
    assert all(used.values()), f"a font is not embedded: {used}"
    assert not any("Helvetica" in name for name in used)


def test_tigrinya_renders_with_the_ethiopic_font() -> None:
    style = styles("ti")
    pdf = build([text_paragraph(f"{TIGRINYA} ሰዓት 18:00, Sandnes", style.body)])
    text = page_texts(pdf)[0]
    assert TIGRINYA in text
    assert "ሰዓት 18:00, Sandnes" in text
    assert embedded_fonts(pdf).get("NotoSansEthiopic-Regular") is True

    drawn_with: dict[str, str] = {}

    def visit(text: str, _cm, _tm, font, _size) -> None:
        if text.strip() and font is not None:
            drawn_with[text.strip()] = str(font["/BaseFont"])

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    ethiopic = [font for text, font in drawn_with.items() if TIGRINYA in text]
    assert ethiopic and all("NotoSansEthiopic" in font for font in ethiopic)
    assert all("DejaVuSans" in font for text, font in drawn_with.items() if "Sandnes" in text)


def test_arabic_is_shaped_and_reads_right_to_left() -> None:
    pdf = build([text_paragraph(ARABIC, styles("ar").body)])
    raw = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # Shaping writes the joined letter forms (Arabic Presentation Forms-B), not the base letters.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in raw)
    assert ARABIC in squash(unicodedata.normalize("NFKC", raw))
    positions = x_positions(pdf)
    words = ARABIC.split()
    xs = [positions[word] for word in words]
    assert xs == sorted(xs, reverse=True), "the first word must stand rightmost"


def test_latin_words_inside_arabic_keep_their_order() -> None:
    pdf = build([BidiParagraph("مرحبا Gjesdal kulturhus اليوم", styles("ar").body)])
    positions = x_positions(pdf)
    assert positions["مرحبا"] > positions["kulturhus"] > positions["Gjesdal"]
    assert positions["Gjesdal"] > positions["اليوم"]


def test_arabic_words_inside_norwegian_read_right_to_left() -> None:
    pdf = build([text_paragraph("Deltaker: محمد علي fra Oslo", styles().body)])
    positions = x_positions(pdf)
    assert positions["Deltaker:"] < positions["علي"] < positions["محمد"] < positions["fra"]


def test_numbers_in_arabic_script_stay_left_to_right() -> None:
    # HarfBuzz would set Arabic-Indic digits right to left like the letters around them.
    eighteen = bidi.measure("۱۸", fonts.SANS, 10, "RTL")[0]
    assert [piece.text for piece in eighteen.pieces] == ["۱۸"]
    pdf = build([text_paragraph("ساعت ۱۸ و 20:00.", styles("prs").body)])
    # (pypdf's extraction turns every run of Arabic-block characters round, digits too: "۸۱".)
    positions = x_positions(pdf)
    digits = positions["۸۱"]  # pypdf's reading of the drawn "۱۸", see above
    assert positions["ساعت"] > digits > positions["و"]
    assert positions["."] < positions["20:00"], "the full stop ends the sentence on the left"


def test_a_header_with_arabic_and_tigrinya_draws_each_in_its_font() -> None:
    header = DocumentHeader("Sandnes frivilligsentral", title=f"Oversikt · العربية · {TIGRINYA}")
    pdf = build(three_pages(), header)
    fonts_by_text: dict[str, str] = {}

    def visit(text: str, _cm, _tm, font, _size) -> None:
        if text.strip() and font is not None:
            fonts_by_text[unicodedata.normalize("NFKC", text).strip()] = str(font["/BaseFont"])

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert "NotoSansEthiopic" in fonts_by_text[TIGRINYA]
    assert "DejaVuSans" in fonts_by_text["العربية"]
    positions = x_positions(pdf)
    assert positions["Oversikt"] < positions["العربية"] < positions[TIGRINYA]


def test_a_long_arabic_text_wraps_and_flows_onto_the_next_page() -> None:
    words = [f"{ARABIC} {number}" for number in range(400)]
    pdf = build([BidiParagraph(" ".join(words), styles("ar").body)])
    texts = [
        squash(unicodedata.normalize("NFKC", page.extract_text()))
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]
    assert len(texts) >= 2
    everything = " ".join(texts)
    assert everything.count("المقهى") == 400
    assert "Side 2 av" in texts[1]


def test_logo_is_drawn_in_the_header_and_a_broken_logo_is_left_out() -> None:
    image = io.BytesIO()
    Image.new("RGB", (300, 100), (200, 30, 60)).save(image, format="PNG")
    header = DocumentHeader("Sandnes frivilligsentral", title="Test", logo=image.getvalue())
    pdf = build(three_pages(), header)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[1]
    assert len(page.images) == 1

    broken = DocumentHeader("Sandnes frivilligsentral", logo=b"not an image")
    assert "Sandnes frivilligsentral" in page_texts(build(three_pages(), broken))[0]


def test_build_writes_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "ut.pdf"
    build_pdf(target, three_pages(), HEADER)
    assert target.read_bytes().startswith(b"%PDF")


def test_fonts_by_language() -> None:
    assert fonts.font_for_language("ti") == fonts.ETHIOPIC
    assert fonts.font_for_language("ti", bold=True) == fonts.ETHIOPIC_BOLD
    for language in ("nb", "nn", "en", "uk", "ar", "so", "pl", "prs"):
        assert fonts.font_for_language(language) == fonts.SANS
    assert fonts.font_for_text("ትግርኛ") == fonts.ETHIOPIC
    assert fonts.font_for_text("Олена") == fonts.SANS
    assert fonts.is_rtl_language("prs") and not fonts.is_rtl_language("uk")


def test_font_files_and_licences_are_shipped_and_small() -> None:
    folder = fonts.FONTS_DIR
    ttfs = sorted(path.name for path in folder.glob("*.ttf"))
    assert ttfs == [
        "DejaVuSans-Bold.ttf",
        "DejaVuSans.ttf",
        "NotoSansEthiopic-Bold.ttf",
        "NotoSansEthiopic-Regular.ttf",
    ]
    assert "Bitstream Vera" in (folder / "LICENSE-DejaVu.txt").read_text()
    assert "SIL OPEN FONT LICENSE" in (folder / "LICENSE-NotoSansEthiopic.txt").read_text()
    assert sum(path.stat().st_size for path in folder.iterdir()) < 3 * 1024 * 1024


@pytest.mark.parametrize("text", ["Sandnes frivilligsentral " * 6, "ትግርኛ " * 30, ARABIC * 3])
def test_a_header_line_too_long_is_fitted(text: str) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.document import _fit

    fitted, size = _fit(text, 13, True, 120)
    assert size >= 13 * 0.7
    assert text_width(fitted, size, bold=True) <= 120
    draw_text(Canvas(io.BytesIO()), 0, 0, text, 13, bold=True, max_width=120)
