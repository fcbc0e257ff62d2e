"""The members of a household in the household form: the table model and the two "add" dialogs.

A member is a registered person, found by search among the participants (or, for a volunteer
family, the volunteers), or someone who is not registered, with only a first name, a birth year
and a gender (typically a child). What an "add" does is the form's business (`action`): keep the
member for a new household, or call `add_member` at once for a saved one; a refusal is shown in
the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_number
from app.services.codes import GENDERS, label
from app.services.households import MemberData, validate_member
from app.services.participant_register import list_participants
from app.services.text import matches, search_terms, sort_key
from app.services.volunteer_list import list_volunteers
from app.views.activities.dialogs import FormDialog
from app.views.participants.consent_fields import HINT_STYLE
from app.views.widgets.row_table_model import RowTableModel

MAX_RESULTS = 50
NAME, BIRTH_YEAR, GENDER, REGISTERED = range(4)
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class MemberRow:
    """One line of the members table, for a saved member (`member_id`) or one not yet saved."""

    key: str  # the member's UUID, or a local key for a member of a household not yet saved
    member_id: str | None
    person_id: str | None
    name: str
    birth_year: int | None
    gender: str
    is_participant: bool
    is_volunteer: bool

    def data(self) -> MemberData:
        if self.person_id is not None:
            return MemberData(person_id=self.person_id)
        return MemberData(first_name=self.name, birth_year=self.birth_year, gender=self.gender)


def registered_as(row: MemberRow) -> str:
    if row.is_participant and row.is_volunteer:
        return _("deltaker og frivillig")
    if row.is_participant:
        return _("deltaker")
    if row.is_volunteer:
        return _("frivillig")
    if row.person_id is not None:
        return _("registrert")
    return _("ikke registrert")


class MemberTableModel(RowTableModel[MemberRow]):
    """The members, oldest first, as the service orders them."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Fødselsår"), _("Kjønn"), _("Registrert som")]

    def display(self, row: MemberRow, column: int) -> str:
        if column == NAME:
            return row.name or _("(uten navn)")
        if column == BIRTH_YEAR:
            return str(row.birth_year) if row.birth_year else ""
        if column == GENDER:
            return label(GENDERS, row.gender)
        if column == REGISTERED:
            return registered_as(row)
        return ""

    def sort_value(self, row: MemberRow, column: int) -> Any:
        if column == BIRTH_YEAR:
            return row.birth_year or 9999
        return sort_key(self.display(row, column))

    def row_id(self, row: MemberRow) -> str:
        return row.key


def _hint(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(HINT_STYLE)
    return hint


class RegisteredMemberDialog(FormDialog):
    """Search the participants (or volunteers, for a volunteer family) and pick one."""

    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Legg til registrert person"), _("Legg til"), parent)
        self.volunteers = kind == "volunteer"
        self.candidates = self._candidates(db)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn, telefon eller språk"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(220)
        self.add_field(
            _("Frivillig") if self.volunteers else _("Deltaker"), self.search, "person_id"
        )
        self.form.addRow("", self.results)
        self.form.addRow(
            "",
            _hint(
                _("En frivillig familie kan bare ha registrerte frivillige som medlemmer her.")
                if self.volunteers
                else _(
                    "Bare registrerte deltakere kan være med i en deltakerfamilie. Nye "
                    "deltakere registreres med samtykke under «Ny deltaker»."
                )
            ),
        )
        self._shown: dict[str, Candidate] = {}
        self.search.textChanged.connect(self._search)
        self.results.itemActivated.connect(lambda _item: self.submit())
        self.results.currentItemChanged.connect(lambda *_args: self._enable())
        self.setMinimumWidth(520)
        self._search("")

    def _candidates(self, db: Database) -> list[Candidate]:
        """Everyone who may be picked, by name."""
        if self.volunteers:
            return [
                Candidate(r.id, r.name, r.birth_year, r.gender, r.search_text, None, False, True)
                for r in list_volunteers(db)
                if r.status != "ended"
            ]
        return [
            Candidate(r.id, r.name, r.birth_year, r.gender, r.search_text, r.household_name,
                      True, r.is_volunteer)
            for r in list_participants(db)
        ]  # fmt: skip

    def _search(self, text: str) -> None:
        terms = search_terms(text)
        self.results.clear()
        hits = [c for c in self.candidates if matches(c.search_text, terms)]
        self._shown = {c.person_id: c for c in hits[:MAX_RESULTS]}
        for candidate in hits[:MAX_RESULTS]:
            item = QListWidgetItem(candidate.text())
            item.setData(PERSON_ID_ROLE, candidate.person_id)
            self.results.addItem(item)
        if len(hits) > MAX_RESULTS:
            more = QListWidgetItem(
                _("… og {n} til. Skriv mer av navnet.").format(
                    n=format_number(len(hits) - MAX_RESULTS)
                )
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(more)
        if hits:
            self.results.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        self.save_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Candidate | None:
        """The chosen person, or None."""
        item = self.results.currentItem()
        return None if item is None else self._shown.get(item.data(PERSON_ID_ROLE))


@dataclass(frozen=True)
class Candidate:
    """A registered person the picker offers."""

    person_id: str
    name: str
    birth_year: int | None
    gender: str
    search_text: str
    household_name: str | None
    is_participant: bool
    is_volunteer: bool

    def text(self) -> str:
        """`Amina Haddad (1990) · i Familien Haddad`."""
        shown = f"{self.name} ({self.birth_year})" if self.birth_year else self.name
        if self.household_name:
            shown += " · " + _("i {household}").format(household=self.household_name)
        return shown

    def row(self) -> MemberRow:
        return MemberRow(self.person_id, None, self.person_id, self.name, self.birth_year,
                         self.gender, self.is_participant, self.is_volunteer)  # fmt: skip


class UnregisteredMemberDialog(FormDialog):
    """A member who is not registered: a first name and/or a birth year, and a gender."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(_("Legg til medlem som ikke er registrert"), _("Legg til"), parent)
        self.today = today
        self.form.addRow(
            _hint(
                _(
                    "For eksempel et barn i familien. Fornavn eller fødselsår er nok; det "
                    "lagres ikke mer om personen."
                )
            )
        )
        self.first_name_edit = QLineEdit()
        self.first_name_edit.setPlaceholderText(_("Bare fornavn"))
        self.birth_year_edit = QLineEdit()
        self.birth_year_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self)
        )
        self.birth_year_edit.setFixedWidth(70)
        self.birth_year_edit.setPlaceholderText(_("ÅÅÅÅ"))
        self.gender_combo = QComboBox()
        for code in GENDERS:
            self.gender_combo.addItem(label(GENDERS, code), code)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData("unknown"))
        self.add_field(_("Fornavn"), self.first_name_edit)
        self.add_field(_("Fødselsår"), self.birth_year_edit, "members")
        self.add_field(_("Kjønn"), self.gender_combo)
        self._touched = False
        self.first_name_edit.textEdited.connect(self._edited)
        self.birth_year_edit.textEdited.connect(self._edited)
        self.setMinimumWidth(440)
        self.validate()

    def member(self) -> MemberData:
        year = self.birth_year_edit.text().strip()
        return MemberData(
            first_name=self.first_name_edit.text(),
            birth_year=int(year) if year else None,
            gender=self.gender_combo.currentData(),
        )

    def _edited(self) -> None:
        self._touched = True
        self.validate()

    def validate(self) -> bool:
        problem = validate_member(self.member(), self.today)
        self.errors["members"].show_message(problem if self._touched else None)
        self.save_button.setEnabled(problem is None)
        return problem is None
