"""The participant printouts from the screens: "Skriv ut aktivitetsoversikt …" on the activity
list, and the "Skriv ut" menu (samtykkeskjema, interesseskjema) on the participant list. A click
asks for the participants' language, writes the PDF and opens the preview."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.i18n.documents import in_language
from app.services.centre import update_centre
from app.views.activities.list_view import ActivityListPage
from app.views.participants.list_view import ParticipantListPage
from app.views.widgets import printout
from app.views.widgets.pdf_preview import PdfPreviewDialog
from bench.activity_views import build_centre

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def centre(db: Database) -> None:
    build_centre(db, dt.date.today(), enrolled=3)
    update_centre(db, name="Ørsta frivilligsentral", address="Vikegata 3", manager_name="Åse Li")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[PdfPreviewDialog]:
    """The previews opened (not shown: `open` is recorded instead)."""
    previews: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: previews.append(self))
    return previews


@pytest.fixture
def language(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The answer to "Språk på utskriften": set `language[0]` ("" Bokmål only, None Cancel)."""
    answer: list[str | None] = ["uk"]
    monkeypatch.setattr(printout, "ask_document_language", lambda _parent: answer[0])
    return answer


def _text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return unicodedata.normalize("NFKC", " ".join(text.split()))


def _closed(preview: PdfPreviewDialog) -> Path:
    path = preview.preview.path
    assert path is not None and path.exists() and preview.preview.page_count() >= 1
    return path


def test_activity_list_prints_the_overview(
    qtbot, db: Database, centre: None, opened: list[PdfPreviewDialog],
    language: list[str | None], tmp_path: Path,
) -> None:  # fmt: skip
    page = ActivityListPage(db)
    qtbot.addWidget(page)
    page.reload()
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    assert page.print_button.isVisible()
    assert page.print_button.text() == "Skriv ut aktivitetsoversikt …"
    page.grab().save(str(tmp_path / "activities.png"))
    qtbot.mouseClick(page.print_button, LEFT)
    [preview] = opened
    assert preview.windowTitle() == "Aktivitetsoversikt"
    path = _closed(preview)
    assert path.name == "aktivitetsoversikt-uk.pdf"
    text = _text(path)
    assert "Ørsta frivilligsentral" in text and "Språkkafé" in text and "Kvinnegruppa" in text
    assert in_language("Dette kan du være med på", "uk") in text
    preview.reject()
    assert not path.exists()


def test_cancelling_the_language_question_prints_nothing(
    qtbot, db: Database, centre: None, opened: list[PdfPreviewDialog],
    language: list[str | None],
) -> None:  # fmt: skip
    language[0] = None
    page = ActivityListPage(db)
    qtbot.addWidget(page)
    assert page.print_overview() is None and not opened
    participants = ParticipantListPage(db)
    qtbot.addWidget(participants)
    participants.consent_action.trigger()
    participants.interests_action.trigger()
    assert not opened


def test_participant_list_has_a_print_menu(
    qtbot, db: Database, centre: None, opened: list[PdfPreviewDialog],
    language: list[str | None], tmp_path: Path,
) -> None:  # fmt: skip
    page = ParticipantListPage(db)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    assert page.print_button.isVisible() and page.print_button.text() == "Skriv ut"
    assert [a.text() for a in page.print_menu.actions()] == [
        "Samtykkeskjema …",
        "Interesseskjema …",
    ]
    page.grab().save(str(tmp_path / "participants.png"))

    language[0] = ""  # Bokmål only
    page.consent_action.trigger()
    [consent] = opened
    assert consent.windowTitle() == "Samtykke og personvern"
    path = _closed(consent)
    assert path.name == "samtykkeskjema.pdf"
    text = _text(path)
    assert "Ørsta frivilligsentral" in text and "Dine rettigheter" in text
    assert in_language("Dine rettigheter", "uk") not in text
    consent.reject()
    assert not path.exists()

    language[0] = "ar"
    page.interests_action.trigger()
    interests = opened[1]
    assert interests.windowTitle() == "Interessekartlegging"
    path = _closed(interests)
    assert path.name == "interesseskjema-ar.pdf"
    text = _text(path)
    assert "Hva vil du være med på?" in text and "Språkkafé" in text
    assert all(unicodedata.normalize("NFKC", w) in text for w in in_language("Kveld", "ar").split())
    interests.reject()
    assert not path.exists()
