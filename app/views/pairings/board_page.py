"""The "Koblinger" page: the pairing board by state, and the overdue follow-ups.

Tabs for those waiting (longest wait first, with days waiting), proposed, active (next follow-up,
red when its day has passed) and ended pairings, and the overdue follow-ups across all pairings,
oldest first. A programme filter narrows every tab and its count. "Sett på venteliste …" adds
someone, "Finn frivillig …" opens the matching screen for a waiting pairing, "Åpne" (or a
double-click, or Enter) the pairing page. `reload()` keeps the tab and the selected row.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_number
from app.services.pairings import OverdueRow, PairingRow, list_pairings, overdue_follow_ups
from app.services.programmes import list_programmes
from app.views.pairings.board_models import (
    DUE,
    FIRST_SORT,
    O_PROGRAMME,
    OverdueTableModel,
    PairingTableModel,
)
from app.views.pairings.texts import HINT_STYLE, TITLE_STYLE
from app.views.widgets.list_table import fit_columns, make_list_table
from app.views.widgets.row_table_model import RowTableModel

STATES = ("waiting", "proposed", "active", "ended")
OVERDUE = "overdue"
TABS = (*STATES, OVERDUE)
MAX_WIDTH = 320


def _tab_titles() -> dict[str, str]:
    return {
        "waiting": _("Venter"),
        "proposed": _("Foreslått"),
        "active": _("Aktive"),
        "ended": _("Avsluttet"),
        OVERDUE: _("Oppfølging på etterskudd"),
    }


def _tab_hints() -> dict[str, str]:
    return {
        "waiting": _("Henviste deltakere og familier som venter på en frivillig, lengst ventetid "
                     "øverst. Velg en og trykk «Finn frivillig …» for å få forslag."),
        "proposed": _("En frivillig er foreslått, men koblingen har ikke startet. Åpne koblingen "
                      "og trykk «Start kobling …» når dere er enige."),
        "active": _("Koblinger som pågår. Rød dato betyr at en oppfølging er på etterskudd."),
        "ended": _("Avsluttede koblinger, sist avsluttet øverst."),
        OVERDUE: _("Oppfølginger som skulle vært gjort, eldste øverst. Velg en og trykk «Logg "
                   "oppfølging …» når du har snakket med dem."),
    }  # fmt: skip


def _empty_texts() -> dict[str, str]:
    return {
        "waiting": _("Ingen venter på en kobling. Trykk «Sett på venteliste …» når noen blir "
                     "henvist."),
        "proposed": _("Ingen koblinger er foreslått."),
        "active": _("Ingen koblinger pågår."),
        "ended": _("Ingen koblinger er avsluttet ennå."),
        OVERDUE: _("Ingen oppfølginger er på etterskudd. Bra!"),
    }  # fmt: skip


class PairingBoardPage(QWidget):
    """The board; `dialog` is the dialog opened last (for tests)."""

    data_changed = Signal()

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        load: bool = True,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._today = today
        self.dialog: QDialog | None = None
        self._pairings: list[PairingRow] = []
        self._overdue: list[OverdueRow] = []

        title = QLabel(_("Koblinger"))
        title.setStyleSheet(TITLE_STYLE)
        self.programme_combo = QComboBox()
        self.programme_combo.addItem(_("Alle programmer"), None)
        self.programme_combo.setMinimumWidth(200)
        self.programme_combo.currentIndexChanged.connect(self._apply_filter)
        self.waiting_button = QPushButton(_("Sett på venteliste …"))
        self.waiting_button.clicked.connect(self.open_waiting_dialog)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(_("Program:")))
        top.addWidget(self.programme_combo)
        top.addSpacing(12)
        top.addWidget(self.waiting_button)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.models: dict[str, RowTableModel] = {}  # type: ignore[type-arg]
        self.tables: dict[str, QTableView] = {}
        for code in TABS:
            if code == OVERDUE:
                model: RowTableModel = OverdueTableModel(parent=self)  # type: ignore[type-arg]
                table = make_list_table(model, O_PROGRAMME, self)
                table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
            else:
                model = PairingTableModel(code, parent=self, today=self.today())
                table = make_list_table(model, len(model.columns) - 1, self)
                column, descending = FIRST_SORT[code]
                table.sortByColumn(
                    model.column(column),
                    Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
                )
            table.activated.connect(self._open_index)
            table.selectionModel().selectionChanged.connect(self._update_buttons)
            self.models[code] = model
            self.tables[code] = table
            self.tabs.addTab(table, _tab_titles()[code])
        self.tabs.currentChanged.connect(self._tab_changed)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet(HINT_STYLE + " padding: 12px;")

        self.find_button = QPushButton(_("Finn frivillig …"))
        self.follow_up_button = QPushButton(_("Logg oppfølging …"))
        self.open_button = QPushButton(_("Åpne"))
        self.find_button.clicked.connect(self.open_matching_dialog)
        self.follow_up_button.clicked.connect(self.open_follow_up_dialog)
        self.open_button.clicked.connect(self._open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.follow_up_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(buttons)
        self._tab_changed()
        if load:
            self.reload()

    # -- loading ----------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        """Read the pairings again, keeping the tab, the programme filter and the selection."""
        today = self.today()
        chosen = {code: self._selected_id(code) for code in TABS}
        self._reload_programmes()
        self._pairings = list_pairings(self.db, today=today)
        self._overdue = overdue_follow_ups(self.db, today=today)
        for code in STATES:
            self.models[code].today = today  # type: ignore[attr-defined]
        self._apply_filter()
        for code, row_id in chosen.items():
            if row_id is not None:
                self._select_id(code, row_id)
        for code in TABS:
            fit_columns(self.tables[code], self._stretch(code), MAX_WIDTH)

    def _stretch(self, code: str) -> int:
        return self.models[code].columnCount() - 1

    def _reload_programmes(self) -> None:
        current = self.programme_combo.currentData()
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        self.programme_combo.addItem(_("Alle programmer"), None)
        for row in list_programmes(self.db, include_inactive=True):
            self.programme_combo.addItem(row.name, row.name)
        index = self.programme_combo.findData(current) if current is not None else 0
        self.programme_combo.setCurrentIndex(max(index, 0))
        self.programme_combo.blockSignals(False)

    def _apply_filter(self) -> None:
        programme = self.programme_combo.currentData()
        for code in STATES:
            rows = [r for r in self._pairings if r.status == code
                    and (programme is None or r.programme == programme)]  # fmt: skip
            self.models[code].set_rows(rows)
        self.models[OVERDUE].set_rows(
            [r for r in self._overdue if programme is None or r.programme == programme]
        )
        titles = _tab_titles()
        for n, code in enumerate(TABS):
            count = format_number(self.models[code].rowCount())
            self.tabs.setTabText(n, _("{title} ({n})").format(title=titles[code], n=count))
        self._tab_changed()

    # -- tabs and selection -----------------------------------------------------------------------
    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def set_tab(self, code: str) -> None:
        """Show one tab by its code ("waiting", "proposed", "active", "ended", "overdue")."""
        self.tabs.setCurrentIndex(TABS.index(code))

    def count(self, code: str) -> int:
        return self.models[code].rowCount()

    def _tab_changed(self) -> None:
        code = self.current_tab()
        self.hint.setText(_tab_hints()[code])
        empty = self.models[code].rowCount() == 0
        self.empty_note.setText(_empty_texts()[code])
        self.empty_note.setVisible(empty)
        self._update_buttons()

    def _selected_id(self, code: str) -> str | None:
        rows = self.tables[code].selectionModel().selectedRows()
        if not rows:
            return None
        return self.models[code].row_id(self.models[code].row_at(rows[0].row()))

    def _select_id(self, code: str, row_id: str) -> bool:
        model = self.models[code]
        for n, row in enumerate(model.rows()):
            if model.row_id(row) == row_id:
                self.tables[code].selectRow(n)
                return True
        return False

    def select_pairing(self, pairing_id: str) -> bool:
        """Select a pairing in the current tab (its follow-up, in the overdue tab)."""
        code = self.current_tab()
        model = self.models[code]
        for n, row in enumerate(model.rows()):
            found = row.pairing_id if code == OVERDUE else row.id  # type: ignore[union-attr]
            if found == pairing_id:
                self.tables[code].selectRow(n)
                return True
        return False

    def selected_pairing_id(self) -> str | None:
        code = self.current_tab()
        rows = self.tables[code].selectionModel().selectedRows()
        if not rows:
            return None
        row = self.models[code].row_at(rows[0].row())
        return row.pairing_id if code == OVERDUE else row.id  # type: ignore[union-attr]

    def _selected_status(self) -> str | None:
        code = self.current_tab()
        if code == OVERDUE:
            return "active" if self.selected_pairing_id() else None
        return code if self.selected_pairing_id() else None

    def _update_buttons(self) -> None:
        status = self._selected_status()
        self.find_button.setEnabled(status in ("waiting", "proposed"))
        self.follow_up_button.setEnabled(status == "active")
        self.open_button.setEnabled(status is not None)

    # -- actions ----------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.reload()
        self.data_changed.emit()

    def _show(self, dialog: QDialog) -> QDialog:
        """Open `dialog`; what it changes (`changed_in_database`, else accepting) reloads."""
        signal = getattr(dialog, "changed_in_database", None)
        (signal if signal is not None else dialog.accepted).connect(self._changed)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_waiting_dialog(self) -> QDialog:
        from app.views.pairings.waiting_list_dialog import WaitingListDialog

        programme = self.programme_combo.currentData()
        programme_id = next((r.id for r in list_programmes(self.db) if r.name == programme), None)
        dialog = WaitingListDialog(self.db, self, programme_id=programme_id, today=self.today())
        dialog.accepted.connect(lambda: self._after_waiting(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_waiting(self, dialog: QDialog) -> None:
        new_id = getattr(dialog, "result_value", None)
        self.set_tab("waiting")
        self._changed()
        if new_id:
            self._select_id("waiting", new_id)

    def open_matching_dialog(self) -> QDialog | None:
        from app.views.pairings.matching_dialog import MatchingDialog

        pairing_id = self.selected_pairing_id()
        if pairing_id is None or self._selected_status() not in ("waiting", "proposed"):
            return None
        return self._show(MatchingDialog(self.db, pairing_id, self, today=self.today()))

    def open_follow_up_dialog(self) -> QDialog | None:
        from app.services.pairings import get_pairing
        from app.views.pairings.action_dialogs import FollowUpDialog

        pairing_id = self.selected_pairing_id()
        if pairing_id is None or self._selected_status() != "active":
            return None
        detail = get_pairing(self.db, pairing_id, today=self.today())
        return self._show(FollowUpDialog(self.db, detail, self.today(), self))

    def _open_index(self, index: QModelIndex) -> None:
        self.tables[self.current_tab()].selectRow(index.row())
        self._open_selected()

    def _open_selected(self) -> None:
        pairing_id = self.selected_pairing_id()
        if pairing_id is not None:
            self.open_pairing(pairing_id)

    def open_pairing(self, pairing_id: str) -> QDialog:
        """The pairing page; changes there reload the board."""
        from app.views.pairings.pairing_dialog import PairingDialog

        return self._show(PairingDialog(self.db, pairing_id, self, today=self.today()))
