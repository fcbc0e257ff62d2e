"""The "Uke" page: Monday to Sunday across every activity, and the understaffed sessions ahead.

One `week_sessions` call per week change (a single query with its counts), split into seven day
columns. Navigate with the buttons, PageUp/PageDown or Alt+Left/Right; double-click a session (or
press Enter on it) to enter its attendance. Below the week, the sessions of the next four weeks
that have fewer volunteers on the roster than needed, so the gaps can be filled in time.
"Skriv ut vaktliste …" prints the shown week's vaktliste, every activity, in the preview.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.sessions import SessionRow, understaffed_sessions, week_sessions, week_start
from app.views.activities.session_model import (
    ACTIVITY,
    DATE,
    PLACE,
    STAFFING,
    TIME,
    SessionTableModel,
)
from app.views.attendance.attendance_dialog import AttendanceDialog
from app.views.week.day_column import DayColumn
from app.views.widgets.row_table_model import ROW_ID_ROLE

if TYPE_CHECKING:  # the preview (QtPdf) is imported when something is printed
    from app.views.widgets.pdf_preview import PdfPreviewDialog

LOOK_AHEAD_WEEKS = 4


class WeekPage(QWidget):
    """The week grid and the understaffed list; `data_changed` after attendance is saved."""

    data_changed = Signal()

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.monday = week_start(self.today)
        self.rows: list[SessionRow] = []
        self.current_dialog: AttendanceDialog | None = None

        title = QLabel(_("Uke"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.week_label = QLabel()
        self.week_label.setStyleSheet("font-size: 12pt; font-weight: 600; color: #1f3b57;")
        self.previous_button = QPushButton(_("◀ Forrige uke"))
        self.this_week_button = QPushButton(_("Denne uken"))
        self.next_button = QPushButton(_("Neste uke ▶"))
        self.previous_button.setToolTip(_("Page Up eller Alt+Venstre"))
        self.next_button.setToolTip(_("Page Down eller Alt+Høyre"))
        self.previous_button.clicked.connect(lambda: self.move_weeks(-1))
        self.next_button.clicked.connect(lambda: self.move_weeks(1))
        self.this_week_button.clicked.connect(lambda: self.show_week(self.today))
        self.print_button = QPushButton(_("Skriv ut vaktliste …"))
        self.print_button.setToolTip(_("Vaktlisten for uken som vises, alle aktivitetene"))
        self.print_button.clicked.connect(self.print_roster)
        self.preview: PdfPreviewDialog | None = None
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #57606a;")
        legend = QLabel(
            _("Rødt: for få frivillige · grått og overstreket: avlyst · ✓ oppmøte ført")
        )
        legend.setStyleSheet("color: #57606a;")

        self.days = [DayColumn() for _day in range(7)]
        grid = QWidget()
        columns = QHBoxLayout(grid)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(6)
        for column in self.days:
            column.session_opened.connect(self.open_attendance)
            columns.addWidget(column, 1)

        self.understaffed_model = SessionTableModel(
            [DATE, TIME, ACTIVITY, PLACE, STAFFING], parent=self, today=self.today
        )
        self.understaffed_table = QTableView()
        self.understaffed_table.setModel(self.understaffed_model)
        self.understaffed_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.understaffed_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.understaffed_table.verticalHeader().hide()
        self.understaffed_table.horizontalHeader().setSectionResizeMode(
            ACTIVITY, QHeaderView.ResizeMode.Stretch
        )
        self.understaffed_table.activated.connect(
            lambda index: self.open_attendance(index.data(ROW_ID_ROLE))
        )
        self.understaffed_title = QLabel()
        self.understaffed_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.understaffed_title)
        lower_layout.addWidget(self.understaffed_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(grid)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.week_label)
        top.addStretch(1)
        top.addWidget(self.previous_button)
        top.addWidget(self.this_week_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.print_button)
        info = QHBoxLayout()
        info.addWidget(self.summary)
        info.addStretch(1)
        info.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addLayout(info)
        layout.addWidget(splitter, 1)

        for column in self.days:
            column.list.installEventFilter(self)
        if load:
            self.reload()

    # -- loading ----------------------------------------------------------------------------------
    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        """The shown week and the understaffed list, fresh from the services."""
        self.show_week(self.monday)
        end = self.today + dt.timedelta(weeks=LOOK_AHEAD_WEEKS)
        rows = understaffed_sessions(self.db, self.today, end)
        self.understaffed_model.set_rows(rows)
        self.understaffed_title.setText(
            _("Underbemannede økter de neste {weeks} ukene ({count})").format(
                weeks=LOOK_AHEAD_WEEKS, count=format_number(len(rows))
            )
        )
        self.understaffed_table.resizeColumnsToContents()
        self.understaffed_table.horizontalHeader().setSectionResizeMode(
            ACTIVITY, QHeaderView.ResizeMode.Stretch
        )

    def show_week(self, any_day: dt.date) -> None:
        """Show the Monday–Sunday week of `any_day` (one service call)."""
        self.monday = week_start(any_day)
        self.rows = week_sessions(self.db, self.monday)
        by_day: dict[dt.date, list[SessionRow]] = defaultdict(list)
        for row in self.rows:
            by_day[row.date].append(row)
        for n, column in enumerate(self.days):
            day = self.monday + dt.timedelta(days=n)
            column.show_day(day, by_day.get(day, []), self.today)
        sunday = self.monday + dt.timedelta(days=6)
        number = self.monday.isocalendar().week
        self.week_label.setText(_("Uke {number}: {start}–{end}").format(
            number=number, start=format_date(self.monday), end=format_date(sunday)))  # fmt: skip
        self.this_week_button.setEnabled(self.monday != week_start(self.today))
        live = [r for r in self.rows if not r.cancelled]
        short = sum(1 for r in live if r.understaffed)
        cancelled = len(self.rows) - len(live)
        text = _("{count} økter, {short} med for få frivillige, {cancelled} avlyst")
        self.summary.setText(
            text.format(count=format_number(len(live)), short=format_number(short),
                        cancelled=format_number(cancelled))
        )  # fmt: skip

    # -- keyboard ---------------------------------------------------------------------------------
    def _week_step(self, event: QKeyEvent) -> int:
        """-1 or +1 for PageUp/PageDown and Alt+Left/Right, else 0."""
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            return -1
        if key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            return 1
        return 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The day lists would scroll on PageUp/PageDown; here those keys change the week."""
        if event.type() == QEvent.Type.KeyPress and (step := self._week_step(event)):  # type: ignore[arg-type]
            self.move_weeks(step)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if step := self._week_step(event):
            self.move_weeks(step)
            return
        super().keyPressEvent(event)

    def move_weeks(self, weeks: int) -> None:
        self.show_week(self.monday + dt.timedelta(weeks=weeks))

    def shown_dates(self) -> list[dt.date]:
        return [column.day for column in self.days]

    # -- opening ----------------------------------------------------------------------------------
    def open_attendance(self, session_id: str) -> AttendanceDialog:
        dialog = AttendanceDialog(self.db, session_id, self)
        dialog.saved.connect(self._after_save)
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def print_roster(self) -> PdfPreviewDialog | None:
        """The vaktliste of the shown week, Monday to Sunday, every activity, in the preview."""
        from app.views.widgets.printout import show_printout

        db, start = self.db, self.monday
        end = start + dt.timedelta(days=6)
        year, number, _weekday = start.isocalendar()
        name = f"{_('vaktliste')}-{_('uke')}-{number}-{year}.pdf"

        def write(path: Path) -> None:
            from app.reports.roster import render_roster
            from app.services.print_rosters import roster_printout

            render_roster(roster_printout(db, start, end, today=self.today), path)

        self.preview = show_printout(self, _("Vaktliste uke {number}").format(number=number),
                                     name, write)  # fmt: skip
        return self.preview

    def _after_save(self) -> None:
        self.reload()
        self.data_changed.emit()
