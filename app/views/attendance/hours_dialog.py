"""Hours a volunteer gave outside sessions ("Før timer"): driving, an event, board work.

The volunteer form opens it; `log_hours` checks the figures (0–24 hours, not in the future) and
its messages show under the field they concern.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from app.db import Database
from app.i18n import _
from app.services.activities import list_activities
from app.services.codes import HOURS_CATEGORIES, label
from app.services.hours import log_hours
from app.views.activities.dialogs import FormDialog, date_edit


class LogHoursDialog(FormDialog):
    """Date, hours, category, optional activity and a note."""

    def __init__(self, db: Database, volunteer_id: str, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(_("Før timer"), _("Før timene"), parent)
        today = today or dt.date.today()
        self.date_edit = date_edit(today)
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setLocale(QLocale())
        self.hours_spin.setRange(0.0, 24.0)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setValue(1.0)
        self.category_combo = QComboBox()
        for code in HOURS_CATEGORIES:
            self.category_combo.addItem(label(HOURS_CATEGORIES, code), code)
        self.activity_combo = QComboBox()
        self.activity_combo.addItem(_("(ingen bestemt aktivitet)"), None)
        for row in list_activities(db):
            self.activity_combo.addItem(row.name, row.id)
        self.note_edit = QLineEdit()
        self.add_field(_("Dato"), self.date_edit, "date")
        self.add_field(_("Timer"), self.hours_spin, "hours")
        self.add_field(_("Hva slags arbeid"), self.category_combo, "category")
        self.add_field(_("Aktivitet"), self.activity_combo, "activity")
        self.add_field(_("Merknad"), self.note_edit, "note")
        self.action = lambda: log_hours(
            db, volunteer_id, self.date_edit.date().toPython(), self.hours_spin.value(),
            self.category_combo.currentData(), self.activity_combo.currentData(),
            self.note_edit.text(), today=today,
        )  # fmt: skip
