"""The "Team" tab: the volunteers who regularly serve the activity, and a picker to add one.

Joining the team is what lets a volunteer be put on the roster (the roster service checks it), so
adding someone here comes first. Ending a membership keeps the history: the row stays, with an
end date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date
from app.services.codes import VOLUNTEER_STATUSES, label
from app.services.languages import language_name
from app.services.teams import (
    TeamMemberRow,
    add_team_member,
    age_problem,
    end_team_member,
    list_team,
)
from app.services.text import sort_key
from app.services.volunteer_list import VolunteerRow, filter_rows, list_volunteers
from app.views.activities.dialogs import FormDialog, PeriodDialog, date_edit
from app.views.widgets.row_table_model import ROW_ID_ROLE, RowTableModel

ROLE_SUGGESTIONS = ("vert", "leksehjelper", "sjåfør", "turleder", "kontaktperson")


class TeamTableModel(RowTableModel[TeamMemberRow]):
    """Team members: current first, then those who have left."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Rolle"), _("Fra"), _("Til"), _("Status")]

    def display(self, row: TeamMemberRow, column: int) -> str:
        return [row.name, row.role, format_date(row.from_date), format_date(row.to_date),
                label(VOLUNTEER_STATUSES, row.volunteer_status)][column]  # fmt: skip

    def sort_value(self, row: TeamMemberRow, column: int) -> Any:
        if column in (2, 3):
            day = row.from_date if column == 2 else row.to_date
            return (day or dt.date.max).isoformat()
        return sort_key(self.display(row, column))

    def tie_breaker(self, row: TeamMemberRow) -> Any:
        return sort_key(row.name)

    def row_id(self, row: TeamMemberRow) -> str:
        return row.id


class VolunteerPickModel(RowTableModel[VolunteerRow]):
    """Volunteers to choose from: name, status and languages."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Status"), _("Språk")]

    def display(self, row: VolunteerRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return label(VOLUNTEER_STATUSES, row.status)
        return ", ".join(language_name(c) for c in row.languages)

    def sort_value(self, row: VolunteerRow, column: int) -> Any:
        return row.sort_key if column == 0 else sort_key(self.display(row, column))

    def row_id(self, row: VolunteerRow) -> str:
        return row.id


class AddMemberDialog(FormDialog):
    """Search a volunteer, give a role and a start date."""

    def __init__(self, db: Database, activity_id: str, today: dt.date,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(_("Legg til i teamet"), _("Legg til"), parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn, telefon, språk …"))
        self.search.setClearButtonEnabled(True)
        self._rows = [r for r in list_volunteers(db) if r.status != "ended"]
        self.model = VolunteerPickModel(self._rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self.role_combo = QComboBox()
        self.role_combo.setEditable(True)
        self.role_combo.addItems(ROLE_SUGGESTIONS)
        self.from_edit = date_edit(today)
        # Volunteers must be 18, or 16 in a role marked as a youth role (the age rule).
        self.youth_box = QCheckBox(_("Ungdomsrolle (fra 16 år)"))
        self.add_field(_("Frivillig"), self.search)
        self.form.addRow("", self.table)
        self.add_field("", self.youth_box, "volunteer")
        self.age_error = self.errors["volunteer"]
        self.add_field(_("Rolle"), self.role_combo, "role")
        self.add_field(_("Fra"), self.from_edit, "from_date")
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._check_age)
        self.youth_box.toggled.connect(self._check_age)
        self.from_edit.dateChanged.connect(self._check_age)
        self.action = lambda: add_team_member(db, activity_id, self._chosen(),
                                              self.role_combo.currentText(),
                                              self.from_edit.date().toPython(),
                                              youth_role=self.youth_box.isChecked())  # fmt: skip
        self.setMinimumWidth(520)

    def _check_age(self) -> None:
        """The service's age rule as you choose: its message under the field, Save disabled."""
        rows = self.table.selectionModel().selectedRows()
        problem = None
        if rows:
            row = self.model.row_at(rows[0].row())
            problem = age_problem(row.name, row.birth_year, self.from_edit.date().toPython(),
                                  self.youth_box.isChecked())  # fmt: skip
        self.age_error.show_message(problem)
        self.save_button.setEnabled(problem is None)
        self.adjustSize()  # room for the message, so it does not overlap the list

    def _filter(self, text: str) -> None:
        ids = {r.id for r in filter_rows(self._rows, text)}
        self.model.set_filter(lambda r: r.id in ids)
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def choose(self, volunteer_id: str) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.id == volunteer_id:
                self.table.selectRow(n)

    def _chosen(self) -> str:
        from app.errors import ValidationFailed

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            raise ValidationFailed({"volunteer": _("Velg en frivillig i listen.")})
        return rows[0].data(ROW_ID_ROLE)


class TeamTab(QWidget):
    """The team table with "Legg til i teamet" and "Avslutt i teamet"."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.activity_id: str | None = None
        self.dialog: QWidget | None = None
        self.model = TeamTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(_("Legg til i teamet …"))
        self.end_button = QPushButton(_("Avslutt i teamet …"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.end_button.clicked.connect(self.open_end_dialog)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def show_activity(self, activity_id: str) -> None:
        self.activity_id = activity_id
        self.model.set_rows(list_team(self.db, activity_id))
        self._update_buttons()

    def _selected(self) -> TeamMemberRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self._selected()
        self.end_button.setEnabled(row is not None and row.to_date is None)

    def _changed(self) -> None:
        if self.activity_id:
            self.show_activity(self.activity_id)
        self.changed.emit()

    def open_add_dialog(self) -> AddMemberDialog:
        assert self.activity_id is not None
        dialog = AddMemberDialog(self.db, self.activity_id, self.today, self)
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_end_dialog(self) -> PeriodDialog | None:
        row = self._selected()
        if row is None:
            return None
        dialog = PeriodDialog(_("Avslutt i teamet: {name}").format(name=row.name),
                              _("Avslutt"), self.today, False, self)  # fmt: skip
        dialog.action = lambda: end_team_member(self.db, row.id, dialog.end_edit.date().toPython())
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog
