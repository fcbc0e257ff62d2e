"""Section 2b of the attendance screen: a walk-in added in a few keystrokes.

Name, birth year (optional), gender and "Samtykke gitt". With consent (oral or written; for a
child, given by a parent or guardian) the walk-in is saved by name; without it the walk-in only
adds one to the anonymous headcount, which is the privacy-friendly default the centres want.
The rules are the participant service's: this row only shows its messages.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date
from app.services.age_bands import age_at
from app.services.attendance import add_walk_in
from app.services.centre import StaffMember
from app.services.codes import GENDERS, label
from app.services.participants import (
    ADULT_AGE,
    ConsentInput,
    ParticipantInput,
    validate_participant,
)
from app.views.widgets.field_error import FieldError


def consent_choices() -> list[tuple[str, str | None]]:
    return [
        (_("Nei – tell bare i antallet"), None),
        (_("Ja, muntlig"), "oral"),
        (_("Ja, skriftlig"), "written"),
    ]


class WalkInRow(QWidget):
    """Emits `named(participant_id, name)` or `counted()` after a walk-in is stored."""

    named = Signal(str, str)
    counted = Signal()

    def __init__(
        self, db: Database, session_id: str, staff: list[StaffMember], today: dt.date,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.today = today
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("Navn"))
        self.name_edit.setMinimumWidth(200)
        self.name_edit.setMaximumWidth(320)
        self.year_edit = QLineEdit()
        self.year_edit.setPlaceholderText(_("Fødselsår (valgfritt)"))
        self.year_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}")))
        self.year_edit.setFixedWidth(140)
        self.gender_combo = QComboBox()
        for code in GENDERS:
            self.gender_combo.addItem(label(GENDERS, code), code)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData("unknown"))
        self.consent_combo = QComboBox()
        for text, code in consent_choices():
            self.consent_combo.addItem(text, code)
        self.guardian_box = QCheckBox(_("Gitt av forelder/verge"))
        self.staff_combo = QComboBox()
        self.staff_combo.addItem(_("(ikke valgt)"), None)
        for member in staff:
            self.staff_combo.addItem(member.name, member.id)
        self.add_button = QPushButton(_("Legg til"))
        self.add_button.clicked.connect(self.add)
        self.consent_note = QLabel()
        self.consent_note.setStyleSheet("color: #57606a;")
        self.error = FieldError()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.name_edit, 0, 0)
        grid.addWidget(self.year_edit, 0, 1)
        grid.addWidget(self.gender_combo, 0, 2)
        grid.addWidget(QLabel(_("Samtykke gitt:")), 0, 3)
        grid.addWidget(self.consent_combo, 0, 4)
        grid.addWidget(self.add_button, 0, 5)
        grid.addWidget(self.guardian_box, 1, 0)
        grid.addWidget(QLabel(_("Registrert av:")), 1, 3)
        grid.addWidget(self.staff_combo, 1, 4)
        grid.addWidget(self.consent_note, 1, 1, 1, 2)
        grid.addWidget(self.error, 2, 0, 1, 6)
        grid.setColumnStretch(6, 1)

        self.name_edit.textChanged.connect(self.refresh)
        self.year_edit.textChanged.connect(self.refresh)
        self.consent_combo.currentIndexChanged.connect(self.refresh)
        self.guardian_box.toggled.connect(self.refresh)
        self.refresh()

    def focus_order(self) -> list[QWidget]:
        return [self.name_edit, self.year_edit, self.gender_combo, self.consent_combo,
                self.guardian_box, self.staff_combo, self.add_button]  # fmt: skip

    # -- values -----------------------------------------------------------------------------------
    def birth_year(self) -> int | None:
        text = self.year_edit.text().strip()
        return int(text) if len(text) == 4 else None

    def is_child(self) -> bool:
        age = age_at(self.birth_year(), self.today)
        return age is not None and 0 <= age < ADULT_AGE

    def participant(self) -> ParticipantInput:
        return ParticipantInput(self.name_edit.text(), self.birth_year(),
                                self.gender_combo.currentData())  # fmt: skip

    def consent(self) -> ConsentInput | None:
        method = self.consent_combo.currentData()
        if method is None:
            return None
        given_by = "guardian" if self.guardian_box.isChecked() else "self"
        return ConsentInput(method, given_by, self.today, self.staff_combo.currentData())

    def errors(self) -> dict[str, str]:
        consent = self.consent()
        if consent is None:
            return {}
        return validate_participant(self.participant(), consent, self.today)

    def refresh(self) -> None:
        """Show the guardian choice for a child and the service's message; enable "Legg til"."""
        consent = self.consent()
        self.guardian_box.setVisible(consent is not None and self.is_child())
        if consent is None:
            self.consent_note.setText(_("Telles som +1 i antall frammøtte, uten navn."))
        else:
            self.consent_note.setText(_("Samtykke datert {date}.").format(
                date=format_date(self.today)))  # fmt: skip
        errors = self.errors()
        typed = bool(self.name_edit.text().strip() or self.year_edit.text().strip())
        shown = [m for m in errors.values()] if typed or consent is not None else []
        self.error.show_message(" ".join(shown) if typed else None)
        self.add_button.setEnabled(not errors)

    # -- storing ----------------------------------------------------------------------------------
    def add(self) -> None:
        consent = self.consent()
        try:
            participant_id = add_walk_in(self.db, self.session_id, self.participant(), consent,
                                         today=self.today)  # fmt: skip
        except ValidationFailed as exc:
            self.error.show_message(" ".join(exc.errors.values()))
            return
        except DugnadError as exc:
            self.error.show_message(exc.message)
            return
        name = " ".join(self.name_edit.text().split())
        self.name_edit.clear()
        self.year_edit.clear()
        self.gender_combo.setCurrentIndex(self.gender_combo.findData("unknown"))
        self.consent_combo.setCurrentIndex(0)
        self.guardian_box.setChecked(False)
        if participant_id is None:
            self.counted.emit()
        else:
            self.named.emit(participant_id, name)
        self.name_edit.setFocus()
