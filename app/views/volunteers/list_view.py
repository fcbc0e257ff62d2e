"""The "Frivillige" page: search box, status and language filters, the table and "Ny frivillig".

Data is loaded once per `reload()` (after opening, after every save); typing only filters the rows
already in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.services.certificate_need import certificate_badges
from app.services.languages import language_name
from app.services.text import sort_key
from app.services.volunteer_list import list_volunteers
from app.views.volunteers.list_model import ROW_ID_ROLE, SKILLS, VolunteerTableModel
from app.views.volunteers.row_filter import VolunteerFilter
from app.views.widgets.list_table import counter_text, fit_columns, make_list_table

if TYPE_CHECKING:
    from app.views.volunteers.form import VolunteerForm

MAX_WIDTH = 210  # a long e-mail must not push Status and Startdato out of sight


def _status_choices() -> list[tuple[str, frozenset[str] | None]]:
    return [
        (_("Aktive og på pause"), frozenset({"active", "paused"})),
        (_("Alle"), None),
        (_("Bare aktive"), frozenset({"active"})),
        (_("Bare på pause"), frozenset({"paused"})),
        (_("Bare sluttet"), frozenset({"ended"})),
    ]


class VolunteerListPage(QWidget):
    """The volunteer register as a filterable table."""

    data_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.current_form: VolunteerForm | None = None

        title = QLabel(_("Frivillige"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.new_button = QPushButton(_("Ny frivillig"))
        self.new_button.setDefault(False)
        self.new_button.clicked.connect(lambda: self.open_form(None))

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn, telefon, e-post, språk eller ferdighet"))
        self.search.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        for text, statuses in _status_choices():
            self.status_combo.addItem(text, statuses)
        self.language_combo = QComboBox()
        self.language_combo.setMinimumContentsLength(12)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #57606a;")

        self.model = VolunteerTableModel(parent=self)
        self.filter = VolunteerFilter()
        self.table = make_list_table(self.model, SKILLS, self)
        self.table.activated.connect(self._open_index)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(_("Status:")))
        filters.addWidget(self.status_combo)
        filters.addWidget(QLabel(_("Språk:")))
        filters.addWidget(self.language_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counter)

        self.search.textChanged.connect(self._search_changed)
        self.status_combo.currentIndexChanged.connect(self._filters_changed)
        self.language_combo.currentIndexChanged.connect(self._filters_changed)
        self._filters_changed()

    # -- loading ----------------------------------------------------------------------------------
    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        """Fetch the volunteers again (after a save or when the database changed)."""
        rows = list_volunteers(self.db)
        self.model.set_badges(certificate_badges(self.db))
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fill_languages(sorted({code for r in rows for code in r.languages}))
        self._resize_columns()
        self._update_counter()

    def _fill_languages(self, codes: list[str]) -> None:
        chosen = self.language_combo.currentData()
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        self.language_combo.addItem(_("Alle språk"), None)
        for code in sorted(codes, key=lambda c: sort_key(language_name(c))):
            self.language_combo.addItem(language_name(code), code)
        index = self.language_combo.findData(chosen) if chosen else 0
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.blockSignals(False)
        self._set_filter(self.filter.with_language(self.language_combo.currentData()))

    def _resize_columns(self) -> None:
        fit_columns(self.table, SKILLS, MAX_WIDTH)

    # -- filtering --------------------------------------------------------------------------------
    def set_status_filter(self, status: str | None) -> None:
        """Show one status (from a home-screen card) or, with None, the default filter."""
        for i in range(self.status_combo.count()):
            data = self.status_combo.itemData(i)
            if (status is None and i == 0) or (status and data == frozenset({status})):
                self.status_combo.setCurrentIndex(i)
                return

    def _search_changed(self, text: str) -> None:
        self._set_filter(self.filter.with_search(text))
        self._update_counter()

    def _filters_changed(self) -> None:
        statuses = self.status_combo.currentData()
        language = self.language_combo.currentData()
        self._set_filter(self.filter.with_statuses(statuses).with_language(language))
        self._update_counter()

    def _set_filter(self, new: VolunteerFilter) -> None:
        if new != self.filter:
            self.filter = new
            self.model.set_filter(new.accepts)

    def _update_counter(self) -> None:
        self.counter.setText(counter_text(self.model))

    # -- opening ----------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.open_form(index.data(ROW_ID_ROLE))

    def open_form(self, volunteer_id: str | None) -> VolunteerForm:
        """Open the form (new volunteer when `volunteer_id` is None); reload when it closes."""
        # Imported on first use: the form brings the ORM, which the list does not need to show.
        from app.views.volunteers.form import VolunteerForm

        form = VolunteerForm(self.db, volunteer_id, self)
        form.changed_in_database.connect(self._after_save)
        form.finished.connect(lambda _result: self._forget_form(form))
        self.current_form = form
        form.open()
        return form

    def _forget_form(self, form: VolunteerForm) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()

    def _after_save(self) -> None:
        self.reload()
        self.data_changed.emit()
