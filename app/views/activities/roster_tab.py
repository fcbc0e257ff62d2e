"""The "Vaktliste" tab: the sessions of a period with who is on the roster.

Understaffed sessions ("2 av 3") are red. A team member is put on one session or on a series
from–to; the roster service decides, and every refused date is listed with its reason (paused,
not on the team that day, already on an overlapping session), so nothing is silently skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number, format_time
from app.services.rosters import (
    RosterRow,
    SeriesResult,
    roster_series,
    roster_volunteer,
    session_roster,
    set_confirmed,
    unroster,
)
from app.services.sessions import SessionRow, list_sessions
from app.services.teams import list_team
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.activities.session_model import UNDERSTAFFED_COLOUR, day_and_date, staffing_text
from app.views.widgets.row_table_model import AnyIndex, RowTableModel

PERIOD_WEEKS = 8
NOTICE_STYLE = "QFrame#rosterNotice { background: #fff8c5; border-radius: 6px; }"


@dataclass(frozen=True)
class RosterSession:
    """A session with the names on its roster."""

    session: SessionRow
    roster: tuple[RosterRow, ...]


def roster_names(row: RosterSession) -> str:
    names = [r.name if r.confirmed else _("{name} (ikke bekreftet)").format(name=r.name)
             for r in row.roster]  # fmt: skip
    return ", ".join(names)


class RosterTableModel(RowTableModel[RosterSession]):
    """Date, time, names on the roster and staffing; understaffed in red."""

    def headers(self) -> list[str]:
        return [_("Dato"), _("Tid"), _("På vaktlisten"), _("Frivillige")]

    def display(self, row: RosterSession, column: int) -> str:
        s = row.session
        if column == 0:
            return day_and_date(s.date)
        if column == 1:
            return f"{format_time(s.start)}–{format_time(s.end)}"
        if column == 2:
            return _("Avlyst") if s.cancelled else roster_names(row)
        return "" if s.cancelled else staffing_text(s)

    def sort_value(self, row: RosterSession, column: int) -> Any:
        if column == 3:
            return row.session.volunteers_assigned - row.session.volunteers_needed
        if column == 2:
            return roster_names(row).casefold()
        return f"{row.session.date.isoformat()} {row.session.start.isoformat()}"

    def row_id(self, row: RosterSession) -> str:
        return row.session.id

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount() and index.column() == 3:
            session = self.row_at(index.row()).session
            if session.understaffed and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(UNDERSTAFFED_COLOUR)
            if session.understaffed and role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class RosterDialog(FormDialog):
    """Put a team member on the chosen session, or on every session from–to."""

    def __init__(self, db: Database, activity_id: str, session: SessionRow | None,
                 start: dt.date, end: dt.date, today: dt.date,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(_("Sett opp på vaktlisten"), _("Sett opp"), parent)
        self.member_combo = QComboBox()
        for member in list_team(db, activity_id):
            if member.to_date is None or member.to_date >= today:
                self.member_combo.addItem(f"{member.name} ({member.role})", member.volunteer_id)
        self.one_radio = QRadioButton(
            _("Bare økten {date}").format(date=format_date(session.date)) if session
            else _("Bare én økt (velg en økt i listen først)")
        )  # fmt: skip
        self.one_radio.setEnabled(session is not None)
        self.series_radio = QRadioButton(_("Alle økter i perioden"))
        (self.one_radio if session else self.series_radio).setChecked(True)
        self.from_edit = date_edit(session.date if session else start)
        self.to_edit = date_edit(end)
        self.confirmed_box = QCheckBox(_("Avtalt og bekreftet"))
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(_("til")))
        row.addWidget(self.to_edit)
        row.addStretch(1)
        self.add_field(_("Frivillig"), self.member_combo, "volunteer")
        self.form.addRow("", self.one_radio)
        self.form.addRow("", self.series_radio)
        self.add_field(_("Periode"), period, "end")
        self.form.addRow("", self.confirmed_box)
        self.series_radio.toggled.connect(period.setEnabled)
        period.setEnabled(self.series_radio.isChecked())

        def act() -> SeriesResult | None:
            volunteer = self.member_combo.currentData()
            if volunteer is None:
                from app.errors import ValidationFailed

                raise ValidationFailed({"volunteer": _("Legg til frivillige i teamet først.")})
            confirmed = self.confirmed_box.isChecked()
            if self.one_radio.isChecked() and session is not None:
                roster_volunteer(db, session.id, volunteer, confirmed)
                return None
            return roster_series(db, activity_id, volunteer, self.from_edit.date().toPython(),
                                 self.to_edit.date().toPython(), confirmed)  # fmt: skip

        self.action = act


def series_lines(result: SeriesResult) -> list[str]:
    lines = [_("Satt opp på {n} økter.").format(n=format_number(len(result.added)))]
    if result.refused:
        lines.append(_("Ikke satt opp:"))
        lines += [f"• {format_date(day)}: {reason}" for day, reason in result.refused]
    return lines


class RosterTab(QWidget):
    """Period, sessions with their roster, and the selected session's people."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.activity_id: str | None = None
        self.dialog: QWidget | None = None
        self.from_edit = date_edit(self.today)
        self.to_edit = date_edit(self.today + dt.timedelta(weeks=PERIOD_WEEKS))
        self.from_edit.dateChanged.connect(self.reload)
        self.to_edit.dateChanged.connect(self.reload)
        self.add_button = QPushButton(_("Sett opp frivillig …"))
        self.add_button.clicked.connect(self.open_roster_dialog)

        self.notice = QFrame()
        self.notice.setObjectName("rosterNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        hide = QPushButton(_("Skjul"))
        hide.clicked.connect(self.notice.hide)
        notice_row = QHBoxLayout(self.notice)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(hide, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.hide()

        self.model = RosterTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._show_people)

        self.people = QListWidget()
        self.people.setMaximumWidth(300)
        self.remove_button = QPushButton(_("Fjern fra vaktlisten"))
        self.confirm_button = QPushButton(_("Merk som bekreftet"))
        self.remove_button.clicked.connect(self.remove_selected_person)
        self.confirm_button.clicked.connect(self.confirm_selected_person)
        self.people.itemSelectionChanged.connect(self._update_buttons)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Fra")))
        top.addWidget(self.from_edit)
        top.addWidget(QLabel(_("til")))
        top.addWidget(self.to_edit)
        top.addStretch(1)
        top.addWidget(self.add_button)
        side = QVBoxLayout()
        side.addWidget(QLabel(_("På vaktlisten for valgt økt:")))
        side.addWidget(self.people, 1)
        side.addWidget(self.confirm_button)
        side.addWidget(self.remove_button)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        self._update_buttons()

    def show_activity(self, activity_id: str) -> None:
        self.activity_id = activity_id
        self.reload()

    def reload(self) -> None:
        if self.activity_id is None:
            return
        chosen = self.selected_session()
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        sessions = list_sessions(self.db, start, end, [self.activity_id])
        rows = [RosterSession(s, tuple(session_roster(self.db, s.id))) for s in sessions]
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if chosen is not None:
            for n, row in enumerate(self.model.rows()):
                if row.session.id == chosen.session.id:
                    self.table.selectRow(n)
        self._show_people()

    def selected_session(self) -> RosterSession | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_people(self) -> None:
        self.people.clear()
        chosen = self.selected_session()
        for person in chosen.roster if chosen else ():
            state = _("bekreftet") if person.confirmed else _("ikke bekreftet")
            item = QListWidgetItem(f"{person.name} – {state}")
            item.setData(Qt.ItemDataRole.UserRole, person.volunteer_id)
            self.people.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_person = bool(self.people.selectedItems())
        self.remove_button.setEnabled(has_person)
        self.confirm_button.setEnabled(has_person)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def open_roster_dialog(self) -> RosterDialog:
        assert self.activity_id is not None
        chosen = self.selected_session()
        dialog = RosterDialog(self.db, self.activity_id, chosen.session if chosen else None,
                              self.from_edit.date().toPython(), self.to_edit.date().toPython(),
                              self.today, self)  # fmt: skip
        dialog.accepted.connect(lambda: self._after_roster(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_roster(self, result: SeriesResult | None) -> None:
        if result is not None:
            self.notice_label.setText("\n".join(series_lines(result)))
            self.notice.show()
        self._changed()

    def _person(self) -> str | None:
        items = self.people.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def remove_selected_person(self) -> None:
        chosen, person = self.selected_session(), self._person()
        if chosen and person:
            unroster(self.db, chosen.session.id, person)
            self._changed()

    def confirm_selected_person(self) -> None:
        chosen, person = self.selected_session(), self._person()
        if chosen and person:
            set_confirmed(self.db, chosen.session.id, person, True)
            self._changed()
