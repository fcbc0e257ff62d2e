"""One volunteer's view of the waiting list: whom they could be paired with, best first, and why.

The coordinator often starts from the volunteer ("Amir has time now, who is waiting that he could
help?"). The ranking is the same as from the family's side (`matching.rank_for_volunteer`), hard
rules included; "Foreslå kobling" proposes the pairing at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError
from app.i18n import _
from app.i18n.formatting import format_number
from app.services.matching import SeekerMatch, rank_for_volunteer
from app.services.pairings import propose
from app.views.widgets import messages
from app.views.widgets.list_table import fit_columns, make_list_table
from app.views.widgets.row_table_model import RowTableModel

NAME, PROGRAMME, WAITED, SCORE, REASONS = range(5)
LIMIT = 30


class _Model(RowTableModel[SeekerMatch]):
    def headers(self) -> list[str]:
        return [_("Venter"), _("Program"), _("Ventet"), _("Passer"), _("Hvorfor")]

    def display(self, row: SeekerMatch, column: int) -> str:
        seeker = row.match.seeker
        if column == NAME:
            return seeker.name
        if column == PROGRAMME:
            return row.programme
        if column == WAITED:
            if seeker.waiting_since is None:
                return ""
            days = (dt.date.today() - seeker.waiting_since).days
            return _("{n} d").format(n=format_number(days))
        if column == SCORE:
            return format_number(row.match.score)
        return " · ".join(row.match.reasons)

    def sort_value(self, row: SeekerMatch, column: int) -> Any:
        if column == SCORE:
            return row.match.score
        if column == WAITED:
            return row.match.seeker.waiting_since or dt.date.max
        return self.display(row, column).casefold()

    def row_id(self, row: SeekerMatch) -> str:
        return row.pairing_id

    def tooltip(self, row: SeekerMatch, column: int) -> str | None:
        return "\n".join(row.match.reasons) or None


class WaitingMatchesDialog(QDialog):
    """The waiting pairings this volunteer may take, with "Foreslå kobling"."""

    proposed = Signal(str)  # the pairing's ID

    def __init__(
        self, db: Database, volunteer_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.volunteer_id = volunteer_id
        self.setWindowTitle(_("Hvem kan {name} kobles med?").format(name=name))
        intro = QLabel(
            _("De som venter og som {name} kan kobles med, best egnet først. Bare de som "
              "oppfyller alle krav (status, plass, oppstart, politiattest, alder og ønsker) "
              "er med.").format(name=name)
        )  # fmt: skip
        intro.setWordWrap(True)
        self.model = _Model(parent=self)
        self.table: QTableView = make_list_table(self.model, REASONS, self)
        self.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        self.empty = QLabel(_("Ingen som venter passer for {name} nå.").format(name=name))
        self.empty.setStyleSheet("color: #57606a;")
        self.propose_button = QPushButton(_("Foreslå kobling"))
        self.propose_button.setEnabled(False)
        self.propose_button.clicked.connect(self.propose_selected)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_args: self.propose_button.setEnabled(self.selected() is not None)
        )
        buttons = QDialogButtonBox()
        buttons.addButton(self.propose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(980, 480)
        self.reload()

    def reload(self) -> None:
        try:
            rows = rank_for_volunteer(self.db, self.volunteer_id, limit=LIMIT)
        except DugnadError as exc:
            messages.show_error(self, exc.message)
            rows = []
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        fit_columns(self.table, REASONS, 260)

    def selected(self) -> SeekerMatch | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def propose_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            propose(self.db, chosen.pairing_id, [self.volunteer_id], dt.date.today())
        except DugnadError as exc:
            messages.show_error(self, exc.message)
            return
        self.proposed.emit(chosen.pairing_id)
        self.accept()
