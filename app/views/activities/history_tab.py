"""The "Oppmøte" tab: past sessions with their attendance figures; each opens the screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from app.db import Database
from app.i18n import _
from app.services.activities import ActivityDetail
from app.services.sessions import list_sessions
from app.views.activities.session_model import (
    DATE,
    HEADCOUNT,
    HOURS,
    REGISTERED,
    STATUS,
    TIME,
    VOLUNTEERS,
    SessionTableModel,
)
from app.views.widgets.row_table_model import ROW_ID_ROLE


class HistoryTab(QWidget):
    """Newest first; double-click or Enter opens `open_attendance(session_id)`."""

    open_attendance = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.model = SessionTableModel(
            [DATE, TIME, VOLUNTEERS, HOURS, REGISTERED, HEADCOUNT, STATUS], parent=self,
            today=self.today,
        )  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda i: self.open_attendance.emit(i.data(ROW_ID_ROLE)))
        hint = QLabel(_("Dobbeltklikk en økt for å føre eller rette oppmøtet."))
        hint.setStyleSheet("color: #57606a;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def show_activity(self, detail: ActivityDetail) -> None:
        rows = list_sessions(self.db, detail.row.start_date, self.today, [detail.id])
        self.model.set_rows(rows[::-1])
        self.table.resizeColumnsToContents()
