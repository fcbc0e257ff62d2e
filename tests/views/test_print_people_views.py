"""The Print buttons for the pairing agreement (the pairing page) and the attest (the volunteer
form): a click writes the PDF and opens the preview; a refusal is a plain message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.services.centre import update_centre
from app.views.pairings.pairing_dialog import PairingDialog
from app.views.volunteers.form import VolunteerForm
from app.views.widgets import messages, printout
from app.views.widgets.pdf_preview import PdfPreviewDialog
from tests.test_pairings import TODAY, active_pairing, household, participant, volunteer, waiting

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[PdfPreviewDialog]:
    """The previews opened (not shown: `open` is recorded instead)."""
    previews: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "open", lambda self: previews.append(self))
    return previews


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, text: shown.append(text))
    monkeypatch.setattr(printout.messages, "show_error", lambda _parent, text: shown.append(text))
    return shown


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    update_centre(db, name="Frivilligsentralen i Bø", manager_name="Kåre Bjørnstad")
    kari = volunteer(db, "Kari Ødegård")
    family = household(db, "Familien Hassan", people=[participant(db, "Amal Hassan")],
                       children=[2016])  # fmt: skip
    return {
        "kari": kari,
        "active": active_pairing(db, family, [kari], dt.date(2026, 2, 1)),
        "waiting": waiting(db, participant(db, "Rahim Sultani"), kind="participant"),
    }


def test_print_agreement_opens_the_preview(
    qtbot, db: Database, world: dict[str, str], opened: list[PdfPreviewDialog], tmp_path: Path
) -> None:
    dialog = PairingDialog(db, world["active"], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_button.isVisible()
    assert dialog.print_button.text() == "Skriv ut avtale …"
    dialog.grab().save(str(tmp_path / "pairing.png"))
    qtbot.mouseClick(dialog.print_button, LEFT)
    [preview] = opened
    assert preview.windowTitle() == "Avtale: Familien Hassan"
    assert preview.preview.page_count() == 2
    path = preview.preview.path
    assert path is not None and path.name == "avtale-familien-hassan.pdf" and path.exists()
    preview.reject()
    assert not path.exists()  # the temporary file with personal data is gone


def test_no_agreement_for_a_waiting_pairing(
    qtbot, db: Database, world: dict[str, str], opened: list[PdfPreviewDialog], errors: list[str]
) -> None:
    dialog = PairingDialog(db, world["waiting"], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.print_button.isVisible()
    assert dialog.print_agreement() is None  # called anyway: a plain message, no preview
    assert opened == [] and "Rahim Sultani venter fortsatt på en frivillig" in errors[0]


def test_print_attest_opens_the_preview(
    qtbot, db: Database, world: dict[str, str], opened: list[PdfPreviewDialog], tmp_path: Path
) -> None:
    form = VolunteerForm(db, world["kari"])
    qtbot.addWidget(form)
    form.show()
    assert form.attest_button.isVisible()
    assert form.attest_button.text() == "Skriv ut attest …"
    form.grab().save(str(tmp_path / "form.png"))
    qtbot.mouseClick(form.attest_button, LEFT)
    [preview] = opened
    assert preview.windowTitle() == "Attest: Kari Ødegård"
    assert preview.preview.page_count() == 1
    path = preview.preview.path
    assert path is not None and path.name == "attest-kari-ødegård.pdf"
    preview.reject()
    assert not path.exists()


def test_attest_without_the_managers_name_is_a_plain_message(
    qtbot, db: Database, world: dict[str, str], opened: list[PdfPreviewDialog], errors: list[str]
) -> None:
    update_centre(db, manager_name="")
    form = VolunteerForm(db, world["kari"])
    qtbot.addWidget(form)
    qtbot.mouseClick(form.attest_button, LEFT)
    assert opened == []
    assert errors == ["Sentralen mangler navnet på daglig leder, som signerer attesten. Fyll det "
                      "inn under Innstillinger."]  # fmt: skip


def test_a_new_volunteer_has_no_attest_button(qtbot, db: Database) -> None:
    form = VolunteerForm(db)
    qtbot.addWidget(form)
    form.show()
    assert not form.attest_button.isVisible()
