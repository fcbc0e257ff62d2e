"""The "Oppstart" page: new volunteers by the step they wait for, with days in the step.

One column per enabled step (and the police certificate, for those whose role needs one), the
longest waits on top and in a warm colour, and a count of those ready. Recording a step or a
course moves the card along; the board is reloaded from `onboarding_board` after every change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_number
from app.services.certificate_views_support import get_enabled_steps, onboarding_counts
from app.services.codes import ONBOARDING_STEPS, label
from app.services.onboarding import LONG_WAIT_DAYS, OnboardingRow, onboarding_board
from app.views.onboarding.board_model import OnboardingColumnModel
from app.views.onboarding.card_delegate import CardDelegate
from app.views.onboarding.course_dialog import NewCourseDialog
from app.views.onboarding.step_dialog import RecordStepDialog
from app.views.volunteers.form import VolunteerForm
from app.views.volunteers.open_form import open_volunteer_form
from app.views.widgets.row_table_model import ROW_ID_ROLE

BOARD_STYLE = """
QFrame#boardColumn { background: #eef2f6; border-radius: 8px; }
QLabel#columnTitle { font-size: 11pt; font-weight: 600; color: #24292f; }
QListView { background: transparent; border: none; }
QLabel#readyCount { font-size: 28pt; font-weight: 600; color: #1a7f37; }
"""


class BoardColumn(QFrame):
    """A titled list of volunteer cards for one step."""

    def __init__(self, step: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName("boardColumn")
        self.title = QLabel()
        self.title.setObjectName("columnTitle")
        self.model = OnboardingColumnModel(parent=self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setSpacing(3)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def set_rows(self, rows: list[OnboardingRow]) -> None:
        self.model.set_rows(rows)
        self.title.setText(f"{label(ONBOARDING_STEPS, self.step)} ({format_number(len(rows))})")


class OnboardingPage(QWidget):
    """The board, with "Registrer steg …", "Nytt kurs …" and "Åpne frivillig"."""

    data_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.dialog: QDialog | None = None
        self.rows: list[OnboardingRow] = []
        self.steps: tuple[str, ...] = ()
        self.columns: dict[str, BoardColumn] = {}
        self.setStyleSheet(BOARD_STYLE)

        title = QLabel(_("Oppstart"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #57606a;")
        self.step_button = QPushButton(_("Registrer steg …"))
        self.course_button = QPushButton(_("Nytt kurs …"))
        self.open_button = QPushButton(_("Åpne frivillig"))
        self.step_button.clicked.connect(self.open_step_dialog)
        self.course_button.clicked.connect(self.open_course_dialog)
        self.open_button.clicked.connect(self._open_selected)

        self.ready_count = QLabel("0")
        self.ready_count.setObjectName("readyCount")
        ready_title = QLabel(label(ONBOARDING_STEPS, "ready"))
        ready_title.setObjectName("columnTitle")
        ready_hint = QLabel(_("har fullført oppstarten"))
        ready_hint.setStyleSheet("color: #57606a;")
        ready_hint.setWordWrap(True)
        self.ready_box = QFrame()
        self.ready_box.setObjectName("boardColumn")
        self.ready_box.setFixedWidth(140)
        ready_layout = QVBoxLayout(self.ready_box)
        ready_layout.addWidget(ready_title)
        ready_layout.addWidget(self.ready_count)
        ready_layout.addWidget(ready_hint)
        ready_layout.addStretch(1)

        self.board = QHBoxLayout()
        self.board.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.course_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(self.board, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        if load:
            self.reload()

    # -- loading ----------------------------------------------------------------------------------
    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        chosen = self.selected()
        self.rows = onboarding_board(self.db)
        steps = (*get_enabled_steps(self.db), "certificate")
        if steps != self.steps:
            self._build_columns(steps)
        for step, column in self.columns.items():
            column.set_rows([r for r in self.rows if r.step == step])
        counts = onboarding_counts(self.rows)
        self.ready_count.setText(format_number(len(self.rows) - counts.waiting))
        self.summary.setText(
            _("{waiting} i oppstart, {long} har ventet mer enn {days} dager på et steg.").format(
                waiting=format_number(counts.waiting), long=format_number(counts.long_waits),
                days=LONG_WAIT_DAYS)
        )  # fmt: skip
        if chosen is not None:
            self.select_volunteer(chosen.volunteer_id)
        self._update_buttons()

    def _build_columns(self, steps: tuple[str, ...]) -> None:
        while self.board.count():
            item = self.board.takeAt(0)
            if item.widget() is not None and item.widget() is not self.ready_box:
                item.widget().deleteLater()
        self.steps = steps
        self.columns = {}
        for step in steps:
            column = BoardColumn(step)
            column.view.selectionModel().selectionChanged.connect(
                lambda *_args, c=column: self._selection_changed(c)
            )
            column.view.activated.connect(
                lambda index, c=column: self.open_volunteer(index.data(ROW_ID_ROLE))
            )
            self.columns[step] = column
            self.board.addWidget(column, 1)
        self.board.addWidget(self.ready_box)

    # -- selection --------------------------------------------------------------------------------
    def _selection_changed(self, source: BoardColumn) -> None:
        """One card is selected on the whole board: choosing one clears the other columns."""
        if source.view.selectionModel().hasSelection():
            for column in self.columns.values():
                if column is not source:
                    column.view.selectionModel().blockSignals(True)
                    column.view.clearSelection()
                    column.view.selectionModel().blockSignals(False)
                    column.view.viewport().update()
        self._update_buttons()

    def selected(self) -> OnboardingRow | None:
        for column in self.columns.values():
            rows = column.view.selectionModel().selectedRows()
            if rows:
                return column.model.row_at(rows[0].row())
        return None

    def select_volunteer(self, volunteer_id: str) -> bool:
        for column in self.columns.values():
            for n, row in enumerate(column.model.rows()):
                if row.volunteer_id == volunteer_id:
                    column.view.setCurrentIndex(column.model.index(n, 0))
                    return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        recordable = [s for s in self.steps if s != "certificate"]
        self.step_button.setEnabled(row is not None and bool(recordable))
        self.open_button.setEnabled(row is not None)

    # -- actions ----------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.reload()
        self.data_changed.emit()

    def open_step_dialog(self) -> RecordStepDialog | None:
        row = self.selected()
        if row is None:
            return None
        steps = tuple(s for s in self.steps if s != "certificate")
        dialog = RecordStepDialog(self.db, row.volunteer_id, row.name, steps, row.step,
                                  parent=self)  # fmt: skip
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_course_dialog(self) -> NewCourseDialog:
        steps = {r.volunteer_id: r.step for r in self.rows if r.step != "ready"}
        dialog = NewCourseDialog(self.db, steps, parent=self)
        row = self.selected()
        if row is not None and row.step == "training":
            dialog.model.set_checked(row.volunteer_id)
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_volunteer(row.volunteer_id)

    def open_volunteer(self, volunteer_id: str) -> VolunteerForm:
        self.dialog = open_volunteer_form(self, self.db, volunteer_id, self._changed)
        return self.dialog
