""" "Sett på venteliste": a participant or a household referred to a programme.

The programme, who (picked by search), the referral date, a wish about the volunteer's gender and
a note. Save stays disabled until someone is picked; the service's refusals (already on the list,
a date in the future) appear under their field and the dialog stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from app.db import Database
from app.i18n import _
from app.services.pairings import add_to_waiting_list
from app.services.programmes import list_programmes
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.pairings.seeker_picker import HOUSEHOLD, SeekerPicker
from app.views.pairings.texts import HINT_STYLE


class WaitingListDialog(FormDialog):
    """`result_value` is the new pairing's ID after a successful save."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        programme_id: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(_("Sett på venteliste"), _("Sett på ventelisten"), parent)
        self.db = db
        self.today = today or dt.date.today()
        intro = QLabel(
            _("Den som er henvist til et program, venter her til en koordinator har funnet en "
              "frivillig. Velg programmet og hvem som er henvist.")
        )  # fmt: skip
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.form.addRow(intro)
        self.programme_combo = QComboBox()
        for row in list_programmes(db):
            self.programme_combo.addItem(row.name, row.id)
        if programme_id is not None and self.programme_combo.findData(programme_id) >= 0:
            self.programme_combo.setCurrentIndex(self.programme_combo.findData(programme_id))
        self.picker = SeekerPicker(db)
        self.referred_edit = date_edit(self.today)
        self.referred_edit.setMaximumDate(QDate(self.today))
        self.wish_combo = QComboBox()
        self.wish_combo.addItem(_("Ingen ønske"), None)
        self.wish_combo.addItem(_("Kvinne"), "female")
        self.wish_combo.addItem(_("Mann"), "male")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(
            _("F.eks. hva familien ønsker seg, eller hvem som henviste dem")
        )
        self.notes_edit.setFixedHeight(70)
        self.add_field(_("Program"), self.programme_combo, "programme")
        self.add_field(_("Hvem"), self.picker, "seeker")
        self.add_field(_("Henvist dato"), self.referred_edit, "referred_on")
        self.add_field(_("Ønsket kjønn på frivillig"), self.wish_combo, "gender_wish")
        self.add_field(_("Notat"), self.notes_edit, "notes")
        if self.programme_combo.count() == 0:
            self.errors["programme"].show_message(
                _("Ingen programmer er i bruk. Legg til et program under Innstillinger.")
            )
        self.picker.changed.connect(self.validate)
        self.action = self._save
        self.setMinimumWidth(760)
        self.resize(860, 640)
        self.validate()

    def validate(self) -> bool:
        ok = self.picker.chosen() is not None and self.programme_combo.currentData() is not None
        self.save_button.setEnabled(ok)
        return ok

    def _save(self) -> str:
        chosen = self.picker.chosen()
        assert chosen is not None
        key = "household_id" if chosen.kind == HOUSEHOLD else "participant_id"
        return add_to_waiting_list(
            self.db, self.programme_combo.currentData(),
            referred_on=self.referred_edit.date().toPython(),
            gender_wish=self.wish_combo.currentData(),
            notes=self.notes_edit.toPlainText(), today=self.today, **{key: chosen.id},
        )  # fmt: skip
