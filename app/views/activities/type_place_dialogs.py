"""Two small dialogs the activity form opens: the centre's own activity type, and a new place.

Each calls its service (`add_activity_type`, `add_place`) and shows the service's messages under
the field, so a duplicate type name is explained rather than silently accepted.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.activities import add_activity_type, add_place
from app.services.codes import REPORTING_CATEGORIES, label
from app.views.widgets.field_error import FieldError


def _buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    dialog.save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)  # type: ignore[attr-defined]
    buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ActivityTypeDialog(QDialog):
    """Name and reporting category of a new type; `code` holds the new type's code."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.code: str | None = None
        self.setWindowTitle(_("Ny aktivitetstype"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Strikkekafé"))
        self.category_combo = QComboBox()
        for code in REPORTING_CATEGORIES:
            self.category_combo.addItem(label(REPORTING_CATEGORIES, code), code)
        self.category_combo.setCurrentIndex(self.category_combo.findData("other"))
        self.name_error = FieldError()
        self.category_error = FieldError()
        form = QFormLayout()
        form.addRow(_("Navn"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(_("Rapporteres som"), self.category_combo)
        form.addRow("", self.category_error)
        hint = QLabel(_("Rapportkategorien bestemmer hvor aktiviteten telles i årsrapporten."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        buttons = _buttons(self, _("Legg til type"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        try:
            self.code = add_activity_type(
                self.db, self.name_edit.text(), self.category_combo.currentData()
            )
        except ValidationFailed as exc:
            self.name_error.show_message(exc.errors.get("name"))
            self.category_error.show_message(exc.errors.get("reporting_category"))
            return
        self.accept()


class PlaceDialog(QDialog):
    """Name and address of a new place; `place_id` holds its ID (an existing one if the name
    is already registered)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.place_id: str | None = None
        self.setWindowTitle(_("Nytt sted"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Biblioteket"))
        self.address_edit = QLineEdit()
        self.name_error = FieldError()
        form = QFormLayout()
        form.addRow(_("Navn"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(_("Adresse"), self.address_edit)
        buttons = _buttons(self, _("Legg til sted"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        try:
            self.place_id = add_place(self.db, self.name_edit.text(), self.address_edit.text())
        except ValidationFailed as exc:
            self.name_error.show_message(exc.errors.get("name"))
            return
        except DugnadError as exc:
            self.name_error.show_message(exc.message)
            return
        self.accept()
