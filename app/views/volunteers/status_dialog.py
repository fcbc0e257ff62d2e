"""Pause, end or reactivate a volunteer: a date (today by default) and, for pause/end, a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
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
from app.services.volunteers import change_status
from app.views.widgets.field_error import FieldError
from app.views.widgets.fit import grow_to_fit

DATE_FORMAT = "dd.MM.yyyy"


def _texts(status: str) -> tuple[str, str, str]:
    """(window title, explanation, button text) for the new status."""
    if status == "paused":
        return (
            _("Sett på pause"),
            _("Den frivillige tar en pause og blir ikke satt opp på vakter så lenge pausen varer."),
            _("Sett på pause"),
        )
    if status == "ended":
        return (
            _("Avslutt"),
            _(
                "Den frivillige slutter. Historikken blir liggende, "
                "og du kan aktivere igjen senere."
            ),
            _("Avslutt"),
        )
    return (
        _("Aktiver igjen"),
        _("Den frivillige blir aktiv igjen fra datoen under."),
        _("Aktiver"),
    )


class StatusDialog(QDialog):
    """Asks date and reason, then calls `change_status`; stays open and explains on a problem."""

    def __init__(
        self, db: Database, volunteer_id: str, status: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.volunteer_id = volunteer_id
        self.status = status
        self.reason_required = status in ("paused", "ended")
        title, explanation, button_text = _texts(status)
        self.setWindowTitle(title)

        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_error = FieldError()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            _("F.eks. studier, flytter, sykdom") if self.reason_required else _("Valgfritt")
        )
        self.reason_error = FieldError()
        self.general_error = FieldError()

        form = QFormLayout()
        form.addRow(_("Fra dato"), self.date_edit)
        form.addRow("", self.date_error)
        form.addRow(_("Begrunnelse") + (" *" if self.reason_required else ""), self.reason_edit)
        form.addRow("", self.reason_error)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(button_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.reason_edit.textChanged.connect(self._validate)
        self._validate()

    def chosen_date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _validate(self) -> None:
        missing = self.reason_required and not self.reason_edit.text().strip()
        self.ok_button.setEnabled(not missing)

    def save(self) -> None:
        try:
            change_status(
                self.db, self.volunteer_id, self.status, self.chosen_date(), self.reason_edit.text()
            )
        except ValidationFailed as exc:
            self.date_error.show_message(exc.errors.get("date"))
            self.reason_error.show_message(exc.errors.get("reason"))
            self.general_error.show_message(exc.errors.get("status"))
            return
        except DugnadError as exc:
            self.general_error.show_message(exc.message)
            grow_to_fit(self)
            return
        self.accept()
