"""The "Skriv ut oppmøteliste …" buttons, on the attendance screen and on the activity's session
list: a click asks for the participants' language, writes the PDF and opens the preview."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.i18n.documents import in_language
from app.services.sessions import list_sessions
from app.views.activities.activity_page import ActivityPage
from app.views.attendance.attendance_dialog import AttendanceDialog
from app.views.widgets import printout
from app.views.widgets.pdf_preview import PdfPreviewDialog
from bench.activity_views import Centre, build_centre

TODAY = dt.date(2026, 11, 19)  # a Thursday
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def centre(db: Database) -> Centre:
    return build_centre(db, TODAY, enrolled=6)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[PdfPreviewDialog]:
    """The previews opened (not shown: `open` is recorded instead)."""
    previews: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: previews.append(self))
    return previews


@pytest.fixture
def language(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The answer to "Språk på utskriften": set `language[0]` (None is Cancel)."""
    answer: list[str | None] = ["ar"]
    monkeypatch.setattr(printout, "ask_document_language", lambda _parent: answer[0])
    return answer


def _text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return unicodedata.normalize("NFKC", " ".join(text.split()))


def test_attendance_screen_prints_the_sign_in_sheet(
    qtbot, db: Database, centre: Centre, opened: list[PdfPreviewDialog],
    language: list[str | None], tmp_path: Path,
) -> None:  # fmt: skip
    [session] = list_sessions(db, TODAY, TODAY, [centre.activities["cafe"]])
    dialog = AttendanceDialog(db, session.id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.print_button.isVisible()
    assert dialog.print_button.text() == "Skriv ut oppmøteliste …"
    dialog.grab().save(str(tmp_path / "attendance.png"))
    qtbot.mouseClick(dialog.print_button, LEFT)
    [preview] = opened
    assert preview.windowTitle() == "Oppmøteliste: Språkkafé 19.11.2026"
    path = preview.preview.path
    assert path is not None and path.name == "oppmøteliste-2026-11-19.pdf" and path.exists()
    assert preview.preview.page_count() >= 1
    text = _text(path)
    assert "torsdag 19.11.2026" in text and in_language("Frivillige", "ar") in text
    for volunteer in dialog.sheet.volunteers:
        assert volunteer.name in text
    preview.reject()
    assert not path.exists()  # the temporary file with names is gone
    assert dialog.isVisible()  # printing leaves the attendance screen open


def test_cancelling_the_language_question_prints_nothing(
    qtbot, db: Database, centre: Centre, opened: list[PdfPreviewDialog],
    language: list[str | None],
) -> None:  # fmt: skip
    [session] = list_sessions(db, TODAY, TODAY, [centre.activities["cafe"]])
    dialog = AttendanceDialog(db, session.id, today=TODAY)
    qtbot.addWidget(dialog)
    language[0] = None
    assert dialog.print_sheet() is None
    assert opened == []


def test_the_session_list_prints_the_selected_session(
    qtbot, db: Database, centre: Centre, opened: list[PdfPreviewDialog],
    language: list[str | None],
) -> None:  # fmt: skip
    language[0] = ""  # Bokmål only
    page = ActivityPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.show_activity(centre.activities["homework"])
    page.tabs.setCurrentWidget(page.schedule)
    tab = page.schedule
    assert tab.print_button.text() == "Skriv ut oppmøteliste …"
    assert not tab.print_button.isEnabled()  # nothing selected yet
    tab.table.selectRow(0)
    assert tab.print_button.isEnabled()
    row = tab._selected_row()
    qtbot.mouseClick(tab.print_button, LEFT)
    [preview] = opened
    assert preview.windowTitle() == f"Oppmøteliste: Leksehjelp {row.date:%d.%m.%Y}"
    text = _text(preview.preview.path)
    assert "Leksehjelp" in text and "Påmeldte deltakere" in text
    assert "Volunteers" not in text and in_language("Frivillige", "ar") not in text
    preview.reject()
