"""The "Deltakere" tab of a fixed group: enrolled participants and the waiting list.

Enrolment fills up to capacity, then the service puts people on the waiting list in sign-up
order. When someone leaves, the service proposes the next in line and the tab asks
"Gi plassen til X?": nobody is moved up silently, they may no longer want the place.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.codes import ENROLMENT_STATUSES, label
from app.services.enrolment import EnrolmentRow, enrol, leave, list_enrolment, promote
from app.services.participants import find_participants
from app.services.text import sort_key
from app.views.activities.dialogs import FormDialog
from app.views.widgets.row_table_model import RowTableModel


class EnrolmentTableModel(RowTableModel[EnrolmentRow]):
    """Enrolled by name, then the waiting list by position."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Status"), _("Meldt på")]

    def display(self, row: EnrolmentRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            if row.status == "waiting" and row.position:
                return _("Venteliste nr. {n}").format(n=format_number(row.position))
            return label(ENROLMENT_STATUSES, row.status)
        return format_date(row.signed_up_on)

    def sort_value(self, row: EnrolmentRow, column: int) -> Any:
        if column == 1:
            return (0 if row.status == "enrolled" else 1) * 10000 + (row.position or 0)
        if column == 2:
            return row.signed_up_on.isoformat()
        return sort_key(row.name)

    def row_id(self, row: EnrolmentRow) -> str:
        return row.participant_id


class ParticipantPicker(FormDialog):
    """Search the registered participants (they were saved with consent) and pick one."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(_("Meld på deltaker"), _("Meld på"), parent)
        self.db = db
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn"))
        self.results = QListWidget()
        self.results.setMinimumHeight(200)
        self.add_field(_("Deltaker"), self.search, "participant")
        self.form.addRow("", self.results)
        note = QLabel(_("Nye deltakere registreres med samtykke fra oppmøteskjermen "
                        "(«Kom det noen som ikke står på listen?»)."))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606a;")
        self.form.addRow("", note)
        self.search.textChanged.connect(self._search)
        self._search("")

    def _search(self, text: str) -> None:
        self.results.clear()
        for row in find_participants(self.db, text):
            year = f" ({row.birth_year})" if row.birth_year else ""
            item = QListWidgetItem(row.name + year)
            item.setData(256, row.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen(self) -> str:
        item = self.results.currentItem()
        if item is None:
            from app.errors import ValidationFailed

            raise ValidationFailed({"participant": _("Velg en deltaker i listen.")})
        return item.data(256)


class EnrolmentTab(QWidget):
    """The enrolment table with "Meld på" and "Meld av"."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.activity_id: str | None = None
        self.capacity: int | None = None
        self.dialog: QWidget | None = None
        self.ask_promote = self._ask_promote
        self.model = EnrolmentTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counter = QLabel()
        self.counter.setStyleSheet("font-weight: 600;")
        self.add_button = QPushButton(_("Meld på …"))
        self.leave_button = QPushButton(_("Meld av"))
        self.add_button.clicked.connect(self.open_picker)
        self.leave_button.clicked.connect(self.leave_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def show_activity(self, activity_id: str, capacity: int | None) -> None:
        self.activity_id, self.capacity = activity_id, capacity
        rows = list_enrolment(self.db, activity_id)
        self.model.set_rows(rows)
        enrolled = sum(1 for r in rows if r.status == "enrolled")
        waiting = len(rows) - enrolled
        places = format_number(capacity) if capacity else _("ubegrenset")
        self.counter.setText(_("{enrolled} påmeldt av {places} plasser · {waiting} på venteliste")
                             .format(enrolled=format_number(enrolled), places=places,
                                     waiting=format_number(waiting)))  # fmt: skip

    def _changed(self) -> None:
        if self.activity_id:
            self.show_activity(self.activity_id, self.capacity)
        self.changed.emit()

    def open_picker(self) -> ParticipantPicker:
        assert self.activity_id is not None
        dialog = ParticipantPicker(self.db, self)
        activity_id = self.activity_id
        dialog.action = lambda: enrol(self.db, activity_id, dialog.chosen(), self.today)
        dialog.accepted.connect(lambda: self._after_enrol(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_enrol(self, status: str) -> None:
        self.message.setText(_("Gruppen er full. Personen står nå på ventelisten.")
                             if status == "waiting" else _("Meldt på."))  # fmt: skip
        self._changed()

    def leave_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.activity_id is None:
            return
        row = self.model.row_at(rows[0].row())
        proposed = leave(self.db, self.activity_id, row.participant_id, self.today)
        self.message.setText(_("{name} er meldt av.").format(name=row.name))
        if proposed is not None and self.ask_promote(proposed.name):
            promote(self.db, self.activity_id, proposed.participant_id, self.today)
            self.message.setText(_("{name} er meldt av, og {next} har fått plassen.").format(
                name=row.name, next=proposed.name))  # fmt: skip
        self._changed()

    def _ask_promote(self, name: str) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Ledig plass"))
        box.setText(_("Gi plassen til {name}?").format(name=name))
        box.setInformativeText(_("{name} står først på ventelisten.").format(name=name))
        yes = box.addButton(_("Ja, gi plassen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Ikke nå"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes
