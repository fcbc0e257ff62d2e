""" "Be om attest …": the date the volunteer was asked (and given the purpose confirmation), and
by whom. The service refuses a date in the future; its message shows under the date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.db import Database
from app.i18n import _
from app.services.certificates import request_certificate
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.certificates.staff_combo import StaffCombo


class RequestDialog(FormDialog):
    """Date (default today) and staff member → `request_certificate`."""

    def __init__(self, db: Database, volunteer_id: str, name: str, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(_("Be om politiattest: {name}").format(name=name), _("Lagre"), parent)
        today = today or dt.date.today()
        self.date_edit = date_edit(today)
        self.staff_combo = StaffCombo(db)
        self.add_field(_("Bedt om"), self.date_edit, "requested_on")
        self.add_field(_("Ansatt"), self.staff_combo, "staff")
        self.errors["certificate"] = self.general_error
        self.action = lambda: request_certificate(
            db, volunteer_id, self.date_edit.date().toPython(), self.staff_combo.staff_id(),
            today=today,
        )  # fmt: skip
