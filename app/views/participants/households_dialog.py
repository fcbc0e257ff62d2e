"""The households: participant families waiting for or in a pairing, and volunteer families.

A filterable table (name, kind, contact, members, children's ages, district) with "Ny husstand";
a household opens in `HouseholdForm`. Filtering runs on the rows already read.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.services.households import HouseholdRow, list_households
from app.services.text import fold, search_terms
from app.views.participants.household_form import HouseholdForm
from app.views.participants.household_list_model import NAME, HouseholdTableModel
from app.views.widgets.list_table import counter_text, fit_columns, make_list_table
from app.views.widgets.row_table_model import ROW_ID_ROLE

MAX_WIDTH = 260


def _search_text(row: HouseholdRow) -> str:
    return fold(" ".join(filter(None, (row.name, row.contact_name, row.district, row.postcode))))


class HouseholdsDialog(QDialog):
    """The household list; `changed_in_database` fires after any household was saved."""

    changed_in_database = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.current_form: HouseholdForm | None = None
        self.setWindowTitle(_("Husstander"))

        intro = QLabel(
            _(
                "Deltakerfamilier som venter på eller er i en kobling, og frivillige familier "
                "som kan kobles med en familie."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #57606a;")
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn, kontaktperson eller bydel"))
        self.search.setClearButtonEnabled(True)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_("Alle husstander"), None)
        self.kind_combo.addItem(_("Deltakerfamilier"), "participant")
        self.kind_combo.addItem(_("Frivillige familier"), "volunteer")
        self.new_button = QPushButton(_("Ny husstand"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.open_button = QPushButton(_("Åpne"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open_selected)
        self.model = HouseholdTableModel(parent=self)
        self.table = make_list_table(self.model, NAME, self)
        self.table.activated.connect(self._open_index)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #57606a;")
        buttons = QDialogButtonBox()
        close = buttons.addButton(_("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind_combo)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(960, 560)

        self.search.textChanged.connect(self._filter)
        self.kind_combo.currentIndexChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        """Read the households again (after a save)."""
        rows = list_households(self.db, today=self.today)
        self._search_texts = {row.id: _search_text(row) for row in rows}
        self.model.set_rows(rows)
        fit_columns(self.table, NAME, MAX_WIDTH)
        self._filter()

    def _filter(self) -> None:
        terms = search_terms(self.search.text())
        kind = self.kind_combo.currentData()
        texts = self._search_texts

        def accept(row: HouseholdRow) -> bool:
            if kind is not None and row.kind != kind:
                return False
            return all(term in texts[row.id] for term in terms)

        self.model.set_filter(accept if terms or kind else None)
        self.counter.setText(counter_text(self.model))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def _open_index(self, index: QModelIndex) -> None:
        self.open_form(index.data(ROW_ID_ROLE))

    def open_form(self, household_id: str | None) -> HouseholdForm:
        """A household's form (a new one when the ID is None)."""
        form = HouseholdForm(self.db, household_id, self, self.today)
        form.changed_in_database.connect(self._after_save)
        form.finished.connect(lambda _result: form.deleteLater())
        self.current_form = form
        form.open()
        return form

    def _after_save(self) -> None:
        self.reload()
        self.changed_in_database.emit()
