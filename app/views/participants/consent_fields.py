"""The consent questions asked before a participant is kept by name: how, by whom, when, staff.

The rules are the participant service's (`validate_consent`): this widget only collects the
answers, turns the "personen selv" choice off for a child, and shows the service's message.
The one rule kept here is that a staff member is chosen when the centre has registered any
(with none registered, a fresh install still works).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from app.i18n import _
from app.services.centre import StaffMember
from app.services.codes import CHILD_CONSENT_GIVERS, CONSENT_GIVERS, CONSENT_METHODS, label
from app.services.participant_register import ParticipantData, validate_consent
from app.services.participants import ConsentInput
from app.views.widgets.field_error import FieldError

DATE_FORMAT = "dd.MM.yyyy"
HINT_STYLE = "color: #57606a;"


def capitalised(text: str) -> str:
    """`"muntlig"` → `"Muntlig"` (and `"NAV"` stays `"NAV"`, unlike `str.capitalize`)."""
    return text[:1].upper() + text[1:]


class ConsentFields(QWidget):
    """Method, given by, date and staff member; `changed` fires on every edit."""

    changed = Signal()

    def __init__(
        self, staff: list[StaffMember], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.touched = False
        self.method_combo = QComboBox()
        self.method_combo.addItem(_("(velg)"), None)
        for code in CONSENT_METHODS:
            self.method_combo.addItem(capitalised(label(CONSENT_METHODS, code)), code)
        self.given_by_combo = QComboBox()
        for code in CONSENT_GIVERS:
            self.given_by_combo.addItem(capitalised(label(CONSENT_GIVERS, code)), code)
        self.date_edit = QDateEdit(QDate(today))
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today))
        self.staff_combo = QComboBox()
        self.has_staff = bool(staff)
        if staff:
            self.staff_combo.addItem(_("(velg ansatt)"), None)
            for member in staff:
                text = f"{member.name} ({member.title})" if member.title else member.name
                self.staff_combo.addItem(text, member.id)
        else:
            self.staff_combo.addItem(_("(ingen ansatte registrert)"), None)
            self.staff_combo.setEnabled(False)
        self.hint = QLabel(
            _(
                "Samtykke til at personen registreres med navn. For et barn under 18 gis "
                "samtykket av en forelder eller foresatt, eller av verge for en enslig "
                "mindreårig."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.error = FieldError()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(_("Hvordan") + " *"), 0, 0)
        grid.addWidget(self.method_combo, 0, 1)
        grid.addWidget(QLabel(_("Gitt av") + " *"), 0, 2)
        grid.addWidget(self.given_by_combo, 0, 3)
        grid.addWidget(QLabel(_("Dato")), 1, 0)
        grid.addWidget(self.date_edit, 1, 1)
        grid.addWidget(QLabel(_("Tatt imot av") + (" *" if staff else "")), 1, 2)
        grid.addWidget(self.staff_combo, 1, 3)
        grid.addWidget(self.error, 2, 0, 1, 4)
        grid.addWidget(self.hint, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)

        for combo in (self.method_combo, self.given_by_combo, self.staff_combo):
            combo.currentIndexChanged.connect(self._edited)
        self.date_edit.dateChanged.connect(self._edited)

    def focus_order(self) -> list[QWidget]:
        return [self.method_combo, self.given_by_combo, self.date_edit, self.staff_combo]

    def _edited(self) -> None:
        self.touched = True
        self.changed.emit()

    # -- values -----------------------------------------------------------------------------------
    def consent(self) -> ConsentInput:
        return ConsentInput(
            method=self.method_combo.currentData() or "",
            given_by=self.given_by_combo.currentData(),
            given_on=self.date_edit.date().toPython(),
            staff_id=self.staff_combo.currentData(),
        )

    def set_child(self, child: bool) -> None:
        """For a child only a parent, guardian or verge may consent: "personen selv" is greyed."""
        model = self.given_by_combo.model()
        assert isinstance(model, QStandardItemModel)
        for row in range(self.given_by_combo.count()):
            if self.given_by_combo.itemData(row) not in CHILD_CONSENT_GIVERS:
                item = model.item(row)
                if item is not None:
                    item.setEnabled(not child)

    def problems(self, data: ParticipantData) -> dict[str, str]:
        """The service's objections to this consent for `data`, keyed by what to fix.

        `method` (not chosen yet), `given_by` (e.g. a child's own consent, or a future date)
        and `staff` (not chosen while the centre has staff), so the form can show the child
        rule as soon as the age is known and the rest once the consent has been touched.
        """
        consent = self.consent()
        found: dict[str, str] = {}
        if not consent.method:
            found["method"] = validate_consent(data, consent, self.today) or ""
            consent = dataclasses.replace(consent, method=next(iter(CONSENT_METHODS)))
        if message := validate_consent(data, consent, self.today):
            found["given_by"] = message
        if self.has_staff and consent.staff_id is None:
            found["staff"] = _("Velg hvilken ansatt som tok imot samtykket.")
        return {k: v for k, v in found.items() if v}

    def show_problem(self, message: str | None) -> None:
        self.error.show_message(message)
