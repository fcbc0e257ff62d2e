"""A combo box of the centre's active staff, for "who did it" in the certificate and onboarding
dialogs. The services take the staff member's id or None; with no staff registered yet, the combo
offers only "nobody chosen" so the dialogs still work on a fresh install."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.db import Database
from app.i18n import _
from app.services.centre import list_staff


class StaffCombo(QComboBox):
    """`staff_id()` is the chosen staff member's id, or None."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        staff = list_staff(db)
        for member in staff:
            text = f"{member.name} ({member.title})" if member.title else member.name
            self.addItem(text, member.id)
        if not staff:
            self.addItem(_("(ingen ansatte registrert)"), None)

    def staff_id(self) -> str | None:
        return self.currentData()
