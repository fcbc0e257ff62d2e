""" "Registrer steg …": an onboarding step done, with its date and the staff member.

The step offered first is the one the volunteer is waiting for; the police certificate step is
not recorded here (it follows the certificate record) so only the centre's enabled steps appear.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from app.db import Database
from app.i18n import _
from app.services.codes import ONBOARDING_STEPS, label
from app.services.onboarding import record_step
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.certificates.staff_combo import StaffCombo


class RecordStepDialog(FormDialog):
    """Step, date (default today) and staff member → `record_step`."""

    def __init__(
        self,
        db: Database,
        volunteer_id: str,
        name: str,
        steps: tuple[str, ...],
        current: str,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Registrer steg: {name}").format(name=name), _("Lagre"), parent)
        today = today or dt.date.today()
        self.step_combo = QComboBox()
        for step in steps:
            self.step_combo.addItem(label(ONBOARDING_STEPS, step), step)
        self.step_combo.setCurrentIndex(max(self.step_combo.findData(current), 0))
        self.date_edit = date_edit(today)
        self.staff_combo = StaffCombo(db)
        self.add_field(_("Steg"), self.step_combo, "step")
        self.add_field(_("Dato"), self.date_edit, "date")
        self.add_field(_("Ansatt"), self.staff_combo, "staff")
        self.action = lambda: record_step(
            db, volunteer_id, self.step_combo.currentData(), self.date_edit.date().toPython(),
            self.staff_combo.staff_id(), today=today,
        )  # fmt: skip
