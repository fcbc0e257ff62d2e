""" "Nytt kurs …": a training course in the small course register — name, date, who attended.

Attending marks the training step done (`add_course`), so a coordinator records a whole evening's
course in one go instead of one volunteer at a time. Those waiting for training come first in the
list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from app.db import Database
from app.i18n import _
from app.services.codes import ONBOARDING_STEPS, label
from app.services.onboarding import add_course
from app.services.volunteer_list import VolunteerRow, filter_rows, list_volunteers
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.widgets.row_table_model import AnyIndex, RowTableModel


class AttendeeModel(RowTableModel[VolunteerRow]):
    """Volunteers with a tick box each; `checked_ids()` are the attendees."""

    def __init__(self, rows: list[VolunteerRow], steps: dict[str, str], parent=None) -> None:  # noqa: ANN001
        self.steps = steps
        self.checked: set[str] = set()
        super().__init__(rows, parent)

    def headers(self) -> list[str]:
        return [_("Navn"), _("Venter på")]

    def display(self, row: VolunteerRow, column: int) -> str:
        if column == 0:
            return row.name
        step = self.steps.get(row.id)
        return label(ONBOARDING_STEPS, step) if step else ""

    def sort_value(self, row: VolunteerRow, column: int) -> Any:
        if column == 0:
            return row.sort_key
        return (self.steps.get(row.id) != "training", self.display(row, 1))

    def tie_breaker(self, row: VolunteerRow) -> Any:
        return row.sort_key

    def row_id(self, row: VolunteerRow) -> str:
        return row.id

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if not index.isValid() or index.column() != 0 or index.row() >= self.rowCount():
                return None
            on = self.row_at(index.row()).id in self.checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        row_id = self.row_at(index.row()).id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(row_id)
        else:
            self.checked.discard(row_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_checked(self, volunteer_id: str, on: bool = True) -> None:
        for n, row in enumerate(self.rows()):
            if row.id == volunteer_id:
                state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                self.setData(self.index(n, 0), state.value, Qt.ItemDataRole.CheckStateRole)
                return
        (self.checked.add if on else self.checked.discard)(volunteer_id)

    def checked_ids(self) -> list[str]:
        return [r.id for r in self._all if r.id in self.checked]


class NewCourseDialog(FormDialog):
    """Name, date and the attendees → `add_course`."""

    def __init__(self, db: Database, steps: dict[str, str], today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(_("Nytt kurs"), _("Lagre"), parent)
        today = today or dt.date.today()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Grunnkurs for nye frivillige"))
        self.date_edit = date_edit(today)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn …"))
        self.search.setClearButtonEnabled(True)
        self._rows = [r for r in list_volunteers(db) if r.status != "ended"]
        self.model = AttendeeModel(self._rows, steps, self)
        self.model.sort(1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(240)
        self.add_field(_("Kurs"), self.name_edit, "name")
        self.add_field(_("Dato"), self.date_edit, "held_on")
        self.add_field(_("Deltakere"), self.search)
        self.form.addRow("", self.table)
        self.search.textChanged.connect(self._filter)
        self.name_edit.textChanged.connect(self._update_save)
        self.action = lambda: add_course(db, self.name_edit.text(),
                                         self.date_edit.date().toPython(),
                                         self.model.checked_ids())  # fmt: skip
        self.setMinimumWidth(520)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(bool(self.name_edit.text().strip()))

    def _filter(self, text: str) -> None:
        ids = {r.id for r in filter_rows(self._rows, text)}
        self.model.set_filter(lambda r: r.id in ids)
