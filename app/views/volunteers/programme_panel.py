"""The volunteer's pairing programmes in their form: which they are taken into, and how many
pairings they can have at once. Each change is saved at once, like the certificate actions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError
from app.i18n import _
from app.services.programme_members import (
    MAX_PAIRINGS_LIMIT,
    get_max_pairings,
    join_programme,
    leave_programme,
    memberships,
    set_max_pairings,
)
from app.services.programmes import list_programmes
from app.views.widgets import messages


class ProgrammePanel(QFrame):
    """ "Koblingsprogram: [x] Flyktningguide [ ] Vennefamilie   Koblinger samtidig: [1]"."""

    changed = Signal()

    def __init__(self, db: Database, volunteer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.volunteer_id = volunteer_id
        self.boxes: dict[str, QCheckBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Koblingsprogram:")))
        current = {m.programme_id for m in memberships(db, volunteer_id) if m.to_date is None}
        for programme in list_programmes(db):
            box = QCheckBox(programme.name)
            box.setChecked(programme.id in current)
            box.setToolTip(
                _("Med i programmet fra i dag. Krever programmet politiattest, bes den om nå.")
            )
            box.toggled.connect(lambda on, pid=programme.id: self._toggle(pid, on))
            self.boxes[programme.id] = box
            layout.addWidget(box)
        layout.addStretch(1)
        layout.addWidget(QLabel(_("Koblinger samtidig:")))
        self.max_spin = QSpinBox()
        self.max_spin.setRange(0, MAX_PAIRINGS_LIMIT)
        self.max_spin.setValue(get_max_pairings(db, volunteer_id))
        self.max_spin.setToolTip(_("Hvor mange koblinger den frivillige kan ha samtidig."))
        self.max_spin.valueChanged.connect(self._max_changed)
        layout.addWidget(self.max_spin)
        self.match_button = QPushButton(_("Hvem kan kobles med? …"))
        self.match_button.setToolTip(_("De som venter på kobling og passer for denne frivillige."))
        self.match_button.clicked.connect(self.open_matches)
        layout.addWidget(self.match_button)
        self.dialog: QDialog | None = None

    def open_matches(self) -> QDialog:
        """The waiting list as this volunteer sees it, with "Foreslå kobling"."""
        from app.services.volunteers import get_volunteer
        from app.views.volunteers.waiting_matches_dialog import WaitingMatchesDialog

        name = get_volunteer(self.db, self.volunteer_id).input.name
        dialog = WaitingMatchesDialog(self.db, self.volunteer_id, name, self)
        dialog.proposed.connect(lambda _pairing: self.changed.emit())
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _toggle(self, programme_id: str, on: bool) -> None:
        today = dt.date.today()
        try:
            if on:
                join_programme(self.db, self.volunteer_id, programme_id, today)
            else:
                leave_programme(self.db, self.volunteer_id, programme_id, today)
        except DugnadError as exc:
            box = self.boxes[programme_id]
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            messages.show_error(self, exc.message)
            return
        self.changed.emit()

    def _max_changed(self, value: int) -> None:
        try:
            set_max_pairings(self.db, self.volunteer_id, value)
        except DugnadError as exc:
            messages.show_error(self, exc.message)
            return
        self.changed.emit()
