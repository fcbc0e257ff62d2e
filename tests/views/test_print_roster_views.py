"""Printing the vaktliste and the kontaktliste from the activity page and the week page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QDate, Qt

from app.db import Database
from app.services.sessions import week_start
from app.views.activities.activity_page import ActivityPage, RosterPeriodDialog
from app.views.week.week_page import WeekPage
from app.views.widgets.pdf_preview import PdfPreviewDialog
from bench.activity_views import build_centre

TODAY = dt.date(2026, 11, 19)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[PdfPreviewDialog]:
    """Previews shown, without a window that waits for a click."""
    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: shown.append(self))
    return shown


def pdf_text(preview: PdfPreviewDialog) -> str:
    path = preview.preview.path
    assert path is not None and path.exists()
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_activity_page_prints_the_roster_of_the_coming_month(
    qtbot, db: Database, opened: list[PdfPreviewDialog]
) -> None:
    centre = build_centre(db, TODAY)
    page = ActivityPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.show_activity(centre.activities["cafe"])
    menu = page.print_button.menu()
    assert [a.text() for a in menu.actions()] == ["Vaktliste …", "Kontaktliste …"]
    page.roster_action.trigger()
    dialog = page.current_dialog
    assert isinstance(dialog, RosterPeriodDialog)
    assert dialog.start_edit.date().toPython() == dt.date(2026, 12, 1)
    assert dialog.end_edit.date().toPython() == dt.date(2026, 12, 31)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [preview] = opened
    assert preview.preview.page_count() >= 1
    assert preview.preview.path is not None and preview.preview.path.name.startswith("vaktliste")
    text = pdf_text(preview)
    assert "Vaktliste: Språkkafé" in text and "Periode: 01.12.2026–31.12.2026" in text
    for day in (3, 10, 17):  # the café's Thursdays in December
        assert f"Torsdag {day:02d}.12.2026" in text
    assert "Mangler 1 frivillig" in text  # three needed, two on the roster
    path = preview.preview.path
    preview.reject()  # closing the preview deletes the temporary file (personal data)
    assert not path.exists()


def test_period_dialog_refuses_an_end_before_the_start(
    qtbot, db: Database, opened: list[PdfPreviewDialog]
) -> None:
    centre = build_centre(db, TODAY)
    page = ActivityPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.show_activity(centre.activities["cafe"])
    dialog = page.open_roster_dialog()
    assert dialog is not None
    dialog.end_edit.setDate(QDate(2026, 11, 1))
    assert not dialog.submit()
    assert dialog.errors["end_date"].text() == "Til-datoen kan ikke være før fra-datoen."
    assert not opened
    dialog.end_edit.setDate(QDate(2026, 12, 7))
    assert dialog.submit()
    assert len(opened) == 1 and "Torsdag 03.12.2026" in pdf_text(opened[0])


def test_activity_page_prints_the_contact_list(
    qtbot, db: Database, opened: list[PdfPreviewDialog]
) -> None:
    centre = build_centre(db, TODAY)
    page = ActivityPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.show_activity(centre.activities["homework"])
    page.contacts_action.trigger()
    [preview] = opened
    text = pdf_text(preview)
    assert "FORTROLIG · Kontaktliste: Leksehjelp" in text
    assert "personopplysninger" in text and "Side 1 av 1" in text


def test_week_page_prints_the_shown_week(
    qtbot, db: Database, opened: list[PdfPreviewDialog]
) -> None:
    build_centre(db, TODAY)
    page = WeekPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.move_weeks(1)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    [preview] = opened
    monday = week_start(TODAY) + dt.timedelta(weeks=1)
    assert preview.windowTitle() == f"Vaktliste uke {monday.isocalendar().week}"
    text = pdf_text(preview)
    sunday = monday + dt.timedelta(days=6)
    assert f"Periode: {monday:%d.%m.%Y}–{sunday:%d.%m.%Y}" in text
    # Every activity, each under its heading; the cancelled homework session is shown as such.
    assert "Kvinnegruppa" in text and "Leksehjelp" in text and "Språkkafé" in text
    assert "Avlyst" in text


def test_screenshots(qtbot, db: Database, tmp_path: Path) -> None:
    """The new buttons in place (for looking at: tmp_path keeps the screenshots)."""
    centre = build_centre(db, TODAY)
    page = ActivityPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show_activity(centre.activities["cafe"])
    page.show()
    assert page.print_button.isVisible()
    page.grab().save(str(tmp_path / "activity.png"))
    week = WeekPage(db, today=TODAY)
    qtbot.addWidget(week)
    week.resize(1280, 760)
    week.show()
    assert week.print_button.isVisible()
    week.grab().save(str(tmp_path / "week.png"))
