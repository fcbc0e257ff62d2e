"""The "Tidsplan" tab: weekly rules, one-off sessions, school holidays and the session list.

After a rule is saved the tab says plainly what happened: sessions added and removed, the
sessions kept because they have attendance (the service never deletes those), and the dates
skipped with the holiday's name, so nobody wonders why there is no café in the winter break.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number, format_time
from app.services.activities import ActivityDetail
from app.services.codes import WEEKDAYS, label
from app.services.schedule import WeeklyRule
from app.services.sessions import (
    RuleResult,
    add_school_holiday,
    add_session,
    cancel_session,
    list_school_holidays,
    list_sessions,
    move_session,
    restore_session,
    save_rule,
)
from app.services.views_support import RuleInfo, activity_period_end, list_rules
from app.views.activities.dialogs import PeriodDialog, RuleDialog, SessionTimeDialog, TextDialog
from app.views.activities.session_model import (
    DATE,
    PLACE,
    STAFFING,
    STATUS,
    TIME,
    SessionTableModel,
)
from app.views.attendance.attendance_dialog import print_signin_sheet
from app.views.widgets.row_table_model import ROW_ID_ROLE

if TYPE_CHECKING:
    from app.views.widgets.pdf_preview import PdfPreviewDialog

SUMMARY_STYLE = (
    "QFrame#ruleSummary { background: #eef6ee; border: 1px solid #8fc79a; border-radius: 6px; }"
)


def rule_text(rule: WeeklyRule) -> str:
    """`Hver torsdag 18:00–20:00, 05.01.2026–30.06.2026`."""
    day = label(WEEKDAYS, list(WEEKDAYS)[rule.weekday])
    often = _("Hver {day}") if rule.every_weeks == 1 else _("Annenhver {day}")
    times = f"{format_time(rule.start)}–{format_time(rule.end)}"
    period = f"{format_date(rule.first_date)}–{format_date(rule.last_date)}"
    return f"{often.format(day=day)} {times}, {period}"


def result_lines(result: RuleResult) -> list[str]:
    """The plain-language summary of a saved rule, one line per kind of change."""
    changes = result.changes
    added, removed = format_number(len(changes.add)), format_number(len(changes.remove))
    lines = [_("{added} økter lagt til, {removed} fjernet.").format(added=added, removed=removed)]
    if changes.keep_with_attendance:
        dates = ", ".join(format_date(d) for d in changes.keep_with_attendance)
        lines.append(_("Beholdt fordi de har registrert oppmøte: {dates}.").format(dates=dates))
    if result.skipped:
        skipped = ", ".join(f"{format_date(s.day)} ({s.reason})" for s in result.skipped)
        lines.append(_("Hoppet over på grunn av fridager: {dates}.").format(dates=skipped))
    return lines


class ScheduleTab(QWidget):
    """Rules, holidays and sessions of one activity; `changed` after any edit."""

    changed = Signal()
    open_attendance = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.detail: ActivityDetail | None = None
        self.rules: list[RuleInfo] = []
        self.dialog: QWidget | None = None

        self.rule_list = QListWidget()
        self.rule_list.setMaximumHeight(80)
        self.new_rule_button = QPushButton(_("Ny fast tid …"))
        self.edit_rule_button = QPushButton(_("Endre …"))
        self.session_button = QPushButton(_("Enkeltøkt …"))
        self.new_rule_button.clicked.connect(lambda: self.open_rule_dialog(None))
        self.edit_rule_button.clicked.connect(self._edit_selected_rule)
        self.session_button.clicked.connect(self.open_session_dialog)
        self.rule_list.itemSelectionChanged.connect(self._update_buttons)
        self.rule_list.itemActivated.connect(lambda _item: self._edit_selected_rule())

        self.summary = QFrame()
        self.summary.setObjectName("ruleSummary")
        self.summary.setStyleSheet(SUMMARY_STYLE)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        hide = QPushButton(_("Skjul"))
        hide.clicked.connect(self.summary.hide)
        summary_layout = QHBoxLayout(self.summary)
        summary_layout.addWidget(self.summary_label, 1)
        summary_layout.addWidget(hide)
        self.summary.hide()

        self.holiday_label = QLabel()
        self.holiday_label.setWordWrap(True)
        self.holiday_label.setStyleSheet("color: #57606a;")
        self.holiday_button = QPushButton(_("Legg til skoleferie …"))
        self.holiday_button.clicked.connect(self.open_holiday_dialog)

        self.which_combo = QComboBox()
        self.which_combo.addItem(_("Kommende økter"), "upcoming")
        self.which_combo.addItem(_("Tidligere økter"), "past")
        self.which_combo.currentIndexChanged.connect(self.reload_sessions)
        self.model = SessionTableModel([DATE, TIME, PLACE, STAFFING, STATUS], parent=self,
                                       today=self.today)  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda i: self.open_attendance.emit(i.data(ROW_ID_ROLE)))
        self.cancel_button = QPushButton(_("Avlys …"))
        self.restore_button = QPushButton(_("Gjenopprett"))
        self.move_button = QPushButton(_("Flytt …"))
        self.attendance_button = QPushButton(_("Oppmøte …"))
        self.print_button = QPushButton(_("Skriv ut oppmøteliste …"))
        self.print_button.setToolTip(
            _("Oppmøtelisten for den valgte økten, til å fylle ut med penn")
        )
        self.cancel_button.clicked.connect(self.open_cancel_dialog)
        self.restore_button.clicked.connect(self.restore_selected)
        self.move_button.clicked.connect(self.open_move_dialog)
        self.attendance_button.clicked.connect(
            lambda: (sid := self.selected_session()) and self.open_attendance.emit(sid)
        )
        self.print_button.clicked.connect(self.print_selected_signin)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        rule_buttons = QVBoxLayout()
        for button in (self.new_rule_button, self.edit_rule_button, self.session_button):
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rule_list, 1)
        rules_row.addLayout(rule_buttons)
        holidays_row = QHBoxLayout()
        holidays_row.addWidget(self.holiday_label, 1)
        holidays_row.addWidget(self.holiday_button)
        session_buttons = QHBoxLayout()
        session_buttons.addWidget(self.which_combo)
        session_buttons.addStretch(1)
        for button in (self.attendance_button, self.print_button, self.move_button,
                       self.cancel_button, self.restore_button):  # fmt: skip
            session_buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(_("Faste tider")))
        layout.addLayout(rules_row)
        layout.addWidget(self.summary)
        layout.addLayout(holidays_row)
        layout.addWidget(_heading(_("Økter")))
        layout.addLayout(session_buttons)
        layout.addWidget(self.table, 1)

    # -- loading ----------------------------------------------------------------------------------
    def show_activity(self, detail: ActivityDetail) -> None:
        self.detail = detail
        self.rules = list_rules(self.db, detail.id)
        self.rule_list.clear()
        for info in self.rules:
            self.rule_list.addItem(QListWidgetItem(rule_text(info.rule)))
        if not self.rules:
            self.rule_list.addItem(_("Ingen faste tider ennå. Legg til en, f.eks. hver torsdag."))
        holidays = list_school_holidays(self.db)
        names = ", ".join(
            f"{h.name} {format_date(h.start)}–{format_date(h.end)}" for h in holidays
        ) or _("ingen lagt inn")
        self.holiday_label.setText(_("Skoleferier (ingen økter da): {list}").format(list=names))
        self.reload_sessions()

    def reload_sessions(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        if self.which_combo.currentData() == "upcoming":
            start = max(self.today, row.start_date)
            end = activity_period_end(row.start_date, row.end_date, self.today)
            rows = list_sessions(self.db, start, end, [self.detail.id])
        else:
            rows = list_sessions(self.db, row.start_date, self.today - dt.timedelta(days=1),
                                 [self.detail.id])[::-1]  # fmt: skip
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_session(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ID_ROLE) if rows else None

    def _selected_row(self):  # type: ignore[no-untyped-def]
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self._selected_row()
        self.cancel_button.setEnabled(row is not None and not row.cancelled)
        self.restore_button.setEnabled(row is not None and row.cancelled)
        self.move_button.setEnabled(row is not None)
        self.attendance_button.setEnabled(row is not None)
        self.print_button.setEnabled(row is not None)
        self.edit_rule_button.setEnabled(bool(self.rules) and self.rule_list.currentRow() >= 0)

    def _changed(self) -> None:
        if self.detail is not None:
            self.show_activity(self.detail)
        self.changed.emit()

    # -- rules ------------------------------------------------------------------------------------
    def _edit_selected_rule(self) -> None:
        n = self.rule_list.currentRow()
        if 0 <= n < len(self.rules):
            self.open_rule_dialog(self.rules[n])

    def open_rule_dialog(self, info: RuleInfo | None) -> RuleDialog:
        assert self.detail is not None
        row = self.detail.row
        first = max(row.start_date, self.today)
        default = WeeklyRule(3, 1, dt.time(18), dt.time(20), first,
                             row.end_date or first + dt.timedelta(days=180))  # fmt: skip
        dialog = RuleDialog(info.rule if info else default, self, new=info is None)
        activity_id, rule_id = self.detail.id, info.id if info else None
        dialog.action = lambda: save_rule(self.db, activity_id, dialog.rule(), rule_id)
        dialog.accepted.connect(lambda: self.show_result(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_result(self, result: RuleResult) -> None:
        self._changed()
        self.summary_label.setText("\n".join(result_lines(result)))
        self.summary.show()

    def open_session_dialog(self) -> SessionTimeDialog:
        assert self.detail is not None
        day = max(self.today, self.detail.row.start_date)
        dialog = SessionTimeDialog(_("Enkeltøkt"), _("Legg til økt"), day, dt.time(18),
                                   dt.time(20), self)  # fmt: skip
        activity_id = self.detail.id
        dialog.action = lambda: add_session(self.db, activity_id, *dialog.values())
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_holiday_dialog(self) -> PeriodDialog:
        dialog = PeriodDialog(_("Ny skoleferie"), _("Legg til"), self.today, True, self)
        dialog.action = lambda: add_school_holiday(
            self.db, dialog.name_edit.text(), dialog.start_edit.date().toPython(),
            dialog.end_edit.date().toPython(),
        )  # fmt: skip
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- sessions ---------------------------------------------------------------------------------
    def open_cancel_dialog(self) -> TextDialog | None:
        session_id = self.selected_session()
        if session_id is None:
            return None
        dialog = TextDialog(_("Avlys økt"), _("Hvorfor?"), _("Avlys økten"), "reason", self)
        dialog.text_edit.setPlaceholderText(_("F.eks. Sykdom, stengt lokale"))
        dialog.action = lambda: cancel_session(self.db, session_id, dialog.text_edit.text())
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def restore_selected(self) -> None:
        if (session_id := self.selected_session()) is not None:
            restore_session(self.db, session_id)
            self._changed()

    def print_selected_signin(self) -> PdfPreviewDialog | None:
        """The selected session's sign-in sheet in the preview."""
        row = self._selected_row()
        if row is None:
            return None
        return print_signin_sheet(self, self.db, row.id, row.activity, row.date)

    def open_move_dialog(self) -> SessionTimeDialog | None:
        row = self._selected_row()
        if row is None:
            return None
        dialog = SessionTimeDialog(_("Flytt økt"), _("Flytt"), row.date, row.start, row.end, self)
        dialog.action = lambda: move_session(self.db, row.id, *dialog.values())
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog


def _heading(text: str) -> QLabel:
    title = QLabel(text)
    title.setStyleSheet("font-size: 12pt; font-weight: 600;")
    return title
