"""The "Politiattester" page: the responsible staff's overview of every certificate record.

Filters follow the work to be done: who must be asked, who has been asked and not come back (with
days waiting; more than six weeks stands out), who expires soon, who has expired, who is cleared.
Each row opens the volunteer. Only this screen (and the volunteer's certificate panel, for staff)
shows dates and the result; everything else says "har ikke gyldig politiattest".
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.certificate_views_support import FILTERS, filter_counts, filter_label
from app.services.certificates import (
    CertificateRow,
    ExpiryWarning,
    list_certificates,
    rostered_after_expiry,
)
from app.views.certificates import actions
from app.views.certificates.table_model import NAME, ROLE, CertificateTableModel
from app.views.volunteers.form import VolunteerForm
from app.views.volunteers.open_form import open_volunteer_form


class CertificatesPage(QWidget):
    """Filter tabs, the table, and the actions on the selected row."""

    data_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.dialog: QDialog | None = None
        self._rows: list[CertificateRow] = []

        title = QLabel(_("Politiattester"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for code in FILTERS:
            index = self.tabs.addTab(filter_label(code))
            self.tabs.setTabData(index, code)

        self.model = CertificateTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)

        self.request_button = QPushButton(_("Be om attest …"))
        self.shown_button = QPushButton(_("Registrer vist …"))
        self.letter_button = QPushButton(_("Skriv ut bekreftelse på formål …"))
        self.open_button = QPushButton(_("Åpne frivillig"))
        self.request_button.clicked.connect(self.open_request_dialog)
        self.shown_button.clicked.connect(self.open_shown_dialog)
        self.letter_button.clicked.connect(self.open_letter_dialog)
        self.open_button.clicked.connect(self._open_selected)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #57606a;")
        self.empty_note = QLabel()
        self.empty_note.setStyleSheet("color: #57606a; padding: 12px;")
        self.empty_note.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.shown_button)
        buttons.addWidget(self.letter_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        # Rostered volunteers whose certificate will not be valid on the session's date.
        self.expiry_warning = QLabel()
        self.expiry_warning.setWordWrap(True)
        self.expiry_warning.setStyleSheet(
            "background: #fff4d6; color: #7a4b00; border-radius: 4px; padding: 6px;"
        )
        self.expiry_warning.hide()
        layout.addWidget(title)
        layout.addWidget(self.expiry_warning)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(buttons)
        layout.addWidget(self.counter)

        self.tabs.currentChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._filter_changed()
        if load:
            self.reload()

    # -- loading ----------------------------------------------------------------------------------
    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        self._rows = list_certificates(self.db)
        self._show_expiry_warnings(rostered_after_expiry(self.db))
        self.model.set_rows(self._rows)
        counts = filter_counts(self._rows)
        for index in range(self.tabs.count()):
            code = self.tabs.tabData(index)
            self.tabs.setTabText(index, f"{filter_label(code)} ({format_number(counts[code])})")
        self._update_counter()

    def _show_expiry_warnings(self, warnings: list[ExpiryWarning]) -> None:
        if not warnings:
            self.expiry_warning.hide()
            return
        shown = [
            _("{name} {date} ({activity})").format(
                name=w.name, date=format_date(w.session_date), activity=w.activity
            )
            for w in warnings[:5]
        ]
        more = len(warnings) - len(shown)
        text = _("⚠ Står på vaktlisten uten gyldig politiattest på datoen: {list}").format(
            list=", ".join(shown)
        )
        if more:
            text += " " + _("og {n} til.").format(n=format_number(more))
        self.expiry_warning.setText(text)
        self.expiry_warning.show()

    # -- filtering --------------------------------------------------------------------------------
    def filter_code(self) -> str:
        return self.tabs.tabData(self.tabs.currentIndex())

    def set_filter(self, code: str) -> None:
        """Choose a filter by its code (see FILTERS), e.g. from the home card."""
        for index in range(self.tabs.count()):
            if self.tabs.tabData(index) == code:
                self.tabs.setCurrentIndex(index)

    def _filter_changed(self) -> None:
        accept = FILTERS[self.filter_code()][1]
        self.model.set_filter(accept)
        self._update_counter()

    def _update_counter(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        self.counter.setText(_("Viser {shown} av {total}").format(
            shown=format_number(shown), total=format_number(total)))  # fmt: skip
        if total == 0:
            self.empty_note.setText(
                _("Ingen frivillige trenger politiattest. Behovet oppstår når noen blir med i "
                  "teamet til en aktivitet som krever politiattest.")
            )  # fmt: skip
        elif shown == 0:
            self.empty_note.setText(_("Ingen i denne gruppen."))
        self.empty_note.setVisible(shown == 0)

    # -- selection and actions --------------------------------------------------------------------
    def selected(self) -> CertificateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_volunteer(self, volunteer_id: str) -> bool:
        for n, row in enumerate(self.model.rows()):
            if row.volunteer_id == volunteer_id:
                self.table.selectRow(n)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        self.request_button.setEnabled(actions.can_request(row))
        self.shown_button.setEnabled(actions.can_record_shown(row))
        self.letter_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)

    def _changed(self) -> None:
        chosen = self.selected()
        self.reload()
        if chosen is not None:
            self.select_volunteer(chosen.volunteer_id)
        self.data_changed.emit()

    def open_request_dialog(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.dialog = actions.open_request(self, self.db, row, self._changed)
        return self.dialog

    def open_shown_dialog(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.dialog = actions.open_record_shown(self, self.db, row, self._changed)
        return self.dialog

    def open_letter_dialog(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.dialog = actions.open_letter(self, self.db, row)
        return self.dialog

    # -- opening the volunteer --------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.open_volunteer(self.model.row_at(index.row()).volunteer_id)

    def _open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_volunteer(row.volunteer_id)

    def open_volunteer(self, volunteer_id: str) -> VolunteerForm:
        """The volunteer form, with its certificate panel; changes there reload this list."""
        self.dialog = open_volunteer_form(self, self.db, volunteer_id, self._changed)
        return self.dialog
