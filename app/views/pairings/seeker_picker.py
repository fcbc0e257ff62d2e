"""Pick who goes on the waiting list: a participant or a household, found by typing a name.

Both lists are read once; the search filters in memory as you type (`text.matches`), the same
rule as the participant list, so "øde" finds "Ødegård". Volunteer families are not offered: they
give a pairing, they do not wait for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _, ngettext
from app.i18n.formatting import format_number
from app.services.households import list_households
from app.services.languages import language_name
from app.services.pairings import list_pairings
from app.services.participant_register import list_participants
from app.services.text import fold, matches, search_terms, sort_key
from app.views.pairings.texts import HINT_STYLE
from app.views.widgets.list_table import fit_columns, make_list_table
from app.views.widgets.row_table_model import RowTableModel

PARTICIPANT, HOUSEHOLD = "participant", "household"
NAME, PAIRINGS, DETAILS = range(3)
NAME_WIDTH = 240


@dataclass(frozen=True)
class SeekerOption:
    id: str
    kind: str
    name: str
    details: str
    pairings: str  # open pairings: "venter på Flyktningguide"
    search_text: str
    sort_key: str


class SeekerTableModel(RowTableModel[SeekerOption]):
    def headers(self) -> list[str]:
        return [_("Navn"), _("Koblinger nå"), _("Om")]

    def display(self, row: SeekerOption, column: int) -> str:
        if column == NAME:
            return row.name
        return row.pairings if column == PAIRINGS else row.details

    def sort_value(self, row: SeekerOption, column: int) -> Any:
        return row.sort_key if column == NAME else fold(self.display(row, column))

    def tie_breaker(self, row: SeekerOption) -> Any:
        return (row.sort_key, row.id)

    def row_id(self, row: SeekerOption) -> str:
        return row.id

    def tooltip(self, row: SeekerOption, column: int) -> str | None:
        return row.details or None


def _open_pairings(db: Database) -> dict[str, str]:
    """Per participant or household ID: `venter på Flyktningguide`, `i kobling i Mentor`."""
    found: dict[str, list[str]] = {}
    for row in list_pairings(db):
        if row.status not in ("waiting", "proposed", "active"):
            continue
        key = row.participant_id or row.household_id or ""
        if row.status == "active":
            text = _("i kobling i {programme}").format(programme=row.programme)
        else:
            text = _("venter på {programme}").format(programme=row.programme)
        found.setdefault(key, []).append(text)
    return {key: ", ".join(texts) for key, texts in found.items()}


def _participant_options(db: Database, open_pairings: dict[str, str]) -> list[SeekerOption]:
    options = []
    for row in list_participants(db):
        parts = []
        if row.birth_year:
            parts.append(_("f. {year}").format(year=row.birth_year))
        if row.languages:
            parts.append(", ".join(language_name(code) for code in row.languages))
        if row.district or row.postcode:
            parts.append(row.district or row.postcode or "")
        if row.household_name:
            parts.append(_("i {household}").format(household=row.household_name))
        options.append(
            SeekerOption(row.id, PARTICIPANT, row.name, " · ".join(parts),
                         open_pairings.get(row.id, ""), row.search_text, row.sort_key)
        )  # fmt: skip
    return options


def _household_options(db: Database, open_pairings: dict[str, str]) -> list[SeekerOption]:
    options = []
    for row in list_households(db, kind="participant"):
        parts = [
            ngettext("{n} person", "{n} personer", row.members).format(n=format_number(row.members))
        ]
        if row.children_ages:
            ages = ", ".join(format_number(a) for a in row.children_ages)
            parts.append(_("barn {ages} år").format(ages=ages))
        if row.district or row.postcode:
            parts.append(row.district or row.postcode or "")
        if row.contact_name:
            parts.append(_("kontakt: {name}").format(name=row.contact_name))
        search = fold(" ".join([row.name, row.contact_name or "", row.district or "",
                                row.postcode or ""]))  # fmt: skip
        options.append(
            SeekerOption(row.id, HOUSEHOLD, row.name, " · ".join(parts),
                         open_pairings.get(row.id, ""), search, sort_key(row.name))
        )  # fmt: skip
    return options


class SeekerPicker(QWidget):
    """ "Deltaker" or "Husstand", a search line and the matching names; `changed` on every pick."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        open_pairings = _open_pairings(db)
        self._options = {
            PARTICIPANT: _participant_options(db, open_pairings),
            HOUSEHOLD: _household_options(db, open_pairings),
        }
        self.participant_radio = QRadioButton(_("En deltaker"))
        self.household_radio = QRadioButton(_("En husstand (familie)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.participant_radio)
        self.kind_group.addButton(self.household_radio)
        self.household_radio.setChecked(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Skriv for å søke på navn, bydel eller postnummer"))
        self.model = SeekerTableModel(parent=self)
        self.table = make_list_table(self.model, DETAILS, self)
        self.table.setMinimumHeight(180)
        self.chosen_label = QLabel()
        self.chosen_label.setStyleSheet(HINT_STYLE)
        self.chosen_label.setWordWrap(True)

        kinds = QHBoxLayout()
        kinds.setContentsMargins(0, 0, 0, 0)
        kinds.addWidget(self.household_radio)
        kinds.addWidget(self.participant_radio)
        kinds.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kinds)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chosen_label)

        self.household_radio.toggled.connect(self._kind_changed)
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        self.model.modelReset.connect(self._picked)
        self._kind_changed()

    def kind(self) -> str:
        return HOUSEHOLD if self.household_radio.isChecked() else PARTICIPANT

    def chosen(self) -> SeekerOption | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def choose(self, kind: str, seeker_id: str) -> bool:
        """Pick someone by kind and ID (as a click would)."""
        (self.household_radio if kind == HOUSEHOLD else self.participant_radio).setChecked(True)
        self.search.clear()
        for n, row in enumerate(self.model.rows()):
            if row.id == seeker_id:
                self.table.selectRow(n)
                return True
        return False

    def _kind_changed(self) -> None:
        self.model.set_rows(self._options[self.kind()])
        self._filter()
        fit_columns(self.table, DETAILS, NAME_WIDTH)
        if not self._options[self.kind()]:
            self.chosen_label.setText(
                _("Ingen husstander er registrert ennå. Registrer familien under Deltakere → "
                  "Husstander først.") if self.kind() == HOUSEHOLD else
                _("Ingen deltakere er registrert ennå. Registrer deltakeren under Deltakere "
                  "først.")
            )  # fmt: skip

    def _filter(self) -> None:
        terms = search_terms(self.search.text())
        self.model.set_filter((lambda row: matches(row.search_text, terms)) if terms else None)
        if terms and self.model.rowCount() == 1:  # typed down to one: that is the one
            self.table.selectRow(0)

    def _picked(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.chosen_label.setText(_("Valgt: {name}").format(name=chosen.name))
        elif self._options[self.kind()]:
            self.chosen_label.setText(_("Velg én i listen."))
        self.changed.emit()
