"""The participant form's small dialogs: a new consent, and "Gjør til frivillig".

Both are `FormDialog`s: the service call runs on the button, and a refusal is shown in the
dialog, which stays open, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QWidget

from app.db import Database
from app.i18n import _
from app.services.centre import list_staff
from app.services.participant_register import (
    ParticipantDetail,
    is_child,
    make_volunteer,
    record_consent,
)
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.participants.consent_fields import HINT_STYLE, ConsentFields


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ConsentDialog(FormDialog):
    """Record a new registration consent (e.g. a guardian's), which becomes the current one."""

    def __init__(
        self, db: Database, detail: ParticipantDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Nytt samtykke"), _("Registrer samtykket"), parent)
        self.detail = detail
        intro = _intro(
            _(
                "Det nye samtykket for {name} erstatter det som er registrert nå. Det gamle "
                "blir liggende i historikken."
            ).format(name=detail.data.name)
        )
        self.form.addRow(intro)
        self.fields = ConsentFields(list_staff(db), today)
        self.fields.set_child(is_child(detail.data.birth_year, detail.data.age_band, today))
        self.form.addRow(self.fields)
        self.errors["consent"] = self.fields.error
        self.fields.changed.connect(self.validate)
        self.action = lambda: record_consent(db, detail.id, self.fields.consent(), today)
        self.setMinimumWidth(620)
        self.validate()

    def validate(self) -> bool:
        problems = self.fields.problems(self.detail.data)
        shown = problems if self.fields.touched else {}
        self.fields.show_problem("\n".join(shown.values()) or None)
        self.save_button.setEnabled(not problems)
        return not problems


class MakeVolunteerDialog(FormDialog):
    """From participant to volunteer: the same person gets a volunteer role from a date."""

    def __init__(
        self, db: Database, detail: ParticipantDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Gjør til frivillig"), _("Gjør til frivillig"), parent)
        intro = _intro(
            _(
                "{name} blir registrert som frivillig, som samme person: opplysningene som "
                "deltaker blir liggende, og datoen tas vare på som «ble frivillig» i rapportene."
            ).format(name=detail.data.name)
        )
        self.form.addRow(intro)
        self.date_edit = date_edit(today)
        self.date_edit.setMinimumDate(QDate(detail.registered_on))
        self.add_field(_("Frivillig fra"), self.date_edit, "date")
        note = QLabel(_("Husk intervju, opplæring og taushetserklæring før en kobling."))
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.form.addRow("", note)
        self.action = lambda: make_volunteer(db, detail.id, self.chosen_date())
        self.setMinimumWidth(460)

    def chosen_date(self) -> dt.date:
        return self.date_edit.date().toPython()
