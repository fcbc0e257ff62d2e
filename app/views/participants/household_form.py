"""The household form: name, kind, area, notes, members and the contact person.

For a new household the members are kept in the form and saved with it in one transaction
(`create_household`). For a saved household a member is added or removed at once
(`add_member`, `remove_member`), so a refusal ("X er allerede med i husstanden «Y»") comes
while the user is adding that person; the household's own fields are saved with "Lagre".
Every refusal is the service's, shown next to what it is about.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.codes import HOUSEHOLD_KINDS, label
from app.services.households import (
    HouseholdData,
    HouseholdDetail,
    add_member,
    create_household,
    delete_household,
    get_household,
    remove_member,
    update_household,
    validate_household,
    validate_members,
)
from app.views.participants.consent_fields import HINT_STYLE, capitalised
from app.views.participants.household_members import (
    NAME,
    MemberRow,
    MemberTableModel,
    RegisteredMemberDialog,
    UnregisteredMemberDialog,
)
from app.views.widgets import messages
from app.views.widgets.field_error import FieldError
from app.views.widgets.fit import grow_to_fit

FIELDS = ("name", "kind", "postcode", "district")


def _question(parent: QWidget, title: str, text: str, detail: str, yes: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    confirm = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is confirm


def ask_remove_member(parent: QWidget, name: str) -> bool:
    return _question(
        parent,
        _("Fjern medlem"),
        _("Ta {name} ut av husstanden?").format(name=name or _("medlemmet")),
        _(
            "Dette lagres med en gang. En registrert person blir stående i registeret; et "
            "medlem som ikke er registrert, slettes."
        ),
        _("Ta ut av husstanden"),
    )


def ask_delete_household(parent: QWidget, name: str) -> bool:
    return _question(
        parent,
        _("Slett husstand"),
        _("Slette husstanden {name}?").format(name=name),
        _(
            "Husstanden, medlemslisten og medlemmene som ikke er registrert slettes, og det "
            "samme gjør husstandens ventende og avsluttede koblinger. De registrerte "
            "personene blir stående i registeret."
        ),
        _("Slett husstanden"),
    )


class HouseholdForm(QDialog):
    """Create (`household_id=None`) or edit one household."""

    changed_in_database = Signal()

    def __init__(
        self,
        db: Database,
        household_id: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.today = today or dt.date.today()
        self.detail: HouseholdDetail | None = None
        self.errors: dict[str, str] = {}
        # The service's refusals on Save that no live check repeats (a person already in another
        # household, a volunteer family without a volunteer): shown until the members or the
        # kind change.
        self.refusals: dict[str, str] = {}
        self._touched: set[str] = set()
        self.dialog: QDialog | None = None
        # Replaced in tests: a real question box would wait for a click.
        self.ask_remove_member = lambda name: ask_remove_member(self, name)
        self.ask_delete = lambda name: ask_delete_household(self, name)
        self._build()
        if household_id is not None:
            self.detail = get_household(db, household_id, self.today)
            self._fill(self.detail)
            self.setWindowTitle(self.detail.data.name)
        else:
            self.setWindowTitle(_("Ny husstand"))
        self._initial = self.current_data()
        self._initial_members = self.members.rows()
        self._connect()
        self.validate()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.error_labels: dict[str, FieldError] = {}
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Familien Haddad"))
        self.kind_combo = QComboBox()
        for code in HOUSEHOLD_KINDS:
            self.kind_combo.addItem(capitalised(label(HOUSEHOLD_KINDS, code)), code)
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaxLength(4)
        self.postcode_edit.setFixedWidth(70)
        self.district_edit = QLineEdit()
        self.district_edit.setPlaceholderText(_("F.eks. Sentrum"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        self.notes_edit.setPlaceholderText(
            _("Det koordinatoren trenger for en god kobling. Ikke helse eller oppholdsstatus.")
        )

        fields = QFormLayout()
        fields.addRow(_("Navn") + " *", self._field("name", self.name_edit))
        fields.addRow(_("Type"), self._field("kind", self.kind_combo))
        area = QWidget()
        area_row = QHBoxLayout(area)
        area_row.setContentsMargins(0, 0, 0, 0)
        area_row.addWidget(self.postcode_edit)
        area_row.addWidget(QLabel(_("Bydel")))
        area_row.addWidget(self.district_edit, 1)
        fields.addRow(_("Postnummer"), self._field("postcode", area))
        self.error_labels["district"] = self.error_labels["postcode"]
        fields.addRow(_("Notater"), self.notes_edit)

        self.members = MemberTableModel(parent=self)
        self.members_table = QTableView()
        self.members_table.setModel(self.members)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.verticalHeader().hide()
        self.members_table.setMinimumHeight(150)
        header = self.members_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.add_registered_button = QPushButton(_("Legg til registrert person …"))
        self.add_unregistered_button = QPushButton(_("Legg til uregistrert medlem …"))
        self.remove_button = QPushButton(_("Ta ut av husstanden"))
        self.remove_button.setEnabled(False)
        for button in (
            self.add_registered_button, self.add_unregistered_button, self.remove_button
        ):  # fmt: skip
            button.setAutoDefault(False)
        self.add_registered_button.clicked.connect(self.open_registered_picker)
        self.add_unregistered_button.clicked.connect(self.open_unregistered_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.members_table.selectionModel().selectionChanged.connect(
            lambda *_args: self.remove_button.setEnabled(self._selected() is not None)
        )
        self.members_error = FieldError()
        self.error_labels["members"] = self.members_error
        self.members_note = QLabel(
            _("Endringer i medlemslisten lagres med en gang.")
            if self.household_id is not None
            else _("Medlemmene lagres sammen med husstanden.")
        )
        self.members_note.setStyleSheet(HINT_STYLE)
        self.contact_combo = QComboBox()
        self.contact_combo.setMinimumWidth(240)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_registered_button)
        buttons_row.addWidget(self.add_unregistered_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.remove_button)
        contact_row = QHBoxLayout()
        contact_row.addWidget(QLabel(_("Kontaktperson")))
        contact_row.addWidget(self.contact_combo)
        contact_row.addWidget(QLabel(_("(et registrert medlem)")))
        contact_row.addStretch(1)
        self.contact_error = FieldError()
        self.error_labels["contact_person_id"] = self.contact_error
        members_box = QGroupBox(_("Medlemmer"))
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.members_table, 1)
        members_layout.addLayout(buttons_row)
        members_layout.addWidget(self.members_error)
        members_layout.addWidget(self.members_note)
        members_layout.addLayout(contact_row)
        members_layout.addWidget(self.contact_error)

        self.save_error = FieldError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            _("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(_("Slett husstand …"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(self.household_id is not None)
        required = QLabel(_("* må fylles ut"))
        required.setStyleSheet(HINT_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addWidget(required)
        bottom.addWidget(self.save_error, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(members_box, 1)
        layout.addLayout(bottom)
        self.setMinimumWidth(720)
        self.resize(760, 640)
        chain: list[QWidget] = [
            self.name_edit, self.kind_combo, self.postcode_edit, self.district_edit,
            self.notes_edit, self.members_table, self.add_registered_button,
            self.add_unregistered_button, self.remove_button, self.contact_combo,
            self.save_button, self.cancel_button, self.delete_button,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.notes_edit.setTabChangesFocus(True)

    def _field(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = FieldError()
        layout.addWidget(error)
        self.error_labels[name] = error
        return box

    def _connect(self) -> None:
        for name, edit in (
            ("name", self.name_edit),
            ("postcode", self.postcode_edit),
            ("district", self.district_edit),
        ):
            edit.textEdited.connect(lambda _text, n=name: self._touch(n))
        self.kind_combo.currentIndexChanged.connect(lambda: self._touch("kind"))
        self.contact_combo.currentIndexChanged.connect(lambda: self._touch("contact_person_id"))
        self.notes_edit.textChanged.connect(self.validate)

    # -- values ---------------------------------------------------------------------------------
    def _fill(self, detail: HouseholdDetail) -> None:
        data = detail.data
        self.name_edit.setText(data.name)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(data.kind), 0))
        self.postcode_edit.setText(data.postcode)
        self.district_edit.setText(data.district)
        self.notes_edit.setPlainText(data.notes)
        self._fill_members(detail)

    def _set_members(self, rows: list[MemberRow], contact_id: str | None) -> None:
        """Show `rows` and offer their registered people as contact, keeping `contact_id`."""
        self.members.set_rows(rows)
        self.contact_combo.blockSignals(True)
        self.contact_combo.clear()
        self.contact_combo.addItem(_("(ingen valgt)"), None)
        for row in rows:
            if row.person_id is not None:
                self.contact_combo.addItem(row.name, row.person_id)
        self.contact_combo.setCurrentIndex(max(self.contact_combo.findData(contact_id), 0))
        self.contact_combo.blockSignals(False)
        self.remove_button.setEnabled(self._selected() is not None)

    def current_data(self) -> HouseholdData:
        return HouseholdData(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            postcode=self.postcode_edit.text(),
            district=self.district_edit.text(),
            notes=self.notes_edit.toPlainText(),
            contact_person_id=self.contact_combo.currentData(),
        )

    def is_dirty(self) -> bool:
        if self.household_id is None and self.members.rows() != self._initial_members:
            return True
        return self.current_data() != self._initial

    def _selected(self) -> MemberRow | None:
        rows = self.members_table.selectionModel().selectedRows()
        return self.members.row_at(rows[0].row()) if rows else None

    # -- validation -------------------------------------------------------------------------------
    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.refusals.pop(field, None)
        if field == "kind":
            self.refusals.pop("members", None)
        self.validate()

    def validate(self) -> bool:
        """The service's rules on the fields (and, for a new household, on the members)."""
        self.errors = validate_household(self.current_data())
        if self.household_id is None:
            members = [row.data() for row in self.members.rows()]
            self.errors |= validate_members(members, self.today)
        self._show_errors()
        self.save_button.setEnabled(not self.errors)
        grow_to_fit(self)
        return not self.errors

    def _show_errors(self) -> None:
        for name, error_label in self.error_labels.items():
            if name == "district":
                continue  # shares the postcode's line
            shown = name in self._touched or self.household_id is not None or name == "members"
            message = self.errors.get(name) if shown else None
            if name == "postcode" and not message:
                message = self.errors.get("district")
            error_label.show_message(message or self.refusals.get(name))

    # -- members ----------------------------------------------------------------------------------
    def open_registered_picker(self) -> RegisteredMemberDialog:
        dialog = RegisteredMemberDialog(self.db, self.kind_combo.currentData(), self)
        dialog.action = lambda: self._add_registered(dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _add_registered(self, dialog: RegisteredMemberDialog) -> None:
        candidate = dialog.chosen()
        if candidate is None:
            raise ValidationFailed({"person_id": _("Velg en person i listen.")})
        if self.household_id is not None:
            add_member(self.db, self.household_id, candidate.row().data(), self.today)
            self._members_changed()
            return
        if any(row.person_id == candidate.person_id for row in self.members.rows()):
            raise ValidationFailed(
                {"members": _("{name} er allerede med i listen.").format(name=candidate.name)}
            )
        self._append(candidate.row())

    def open_unregistered_dialog(self) -> UnregisteredMemberDialog:
        dialog = UnregisteredMemberDialog(self.today, self)
        dialog.action = lambda: self._add_unregistered(dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _add_unregistered(self, dialog: UnregisteredMemberDialog) -> None:
        member = dialog.member()
        if self.household_id is not None:
            add_member(self.db, self.household_id, member, self.today)
            self._members_changed()
            return
        row = MemberRow(
            key=uuid.uuid4().hex,
            member_id=None,
            person_id=None,
            name=" ".join(member.first_name.split()),
            birth_year=member.birth_year,
            gender=member.gender,
            is_participant=False,
            is_volunteer=False,
        )
        self._append(row)

    def _append(self, row: MemberRow) -> None:
        rows = [*self.members.rows(), row]
        rows.sort(key=lambda r: (r.birth_year is None, r.birth_year or 0))
        self._set_members(rows, self.contact_combo.currentData())
        self.refusals.pop("members", None)
        self.validate()

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        if row.member_id is None:
            rest = [r for r in self.members.rows() if r.key != row.key]
            contact = self.contact_combo.currentData()
            self._set_members(rest, None if contact == row.person_id else contact)
            self.refusals.pop("members", None)
            self.validate()
            return
        if not self.ask_remove_member(row.name):
            return
        try:
            remove_member(self.db, row.member_id)
        except ValidationFailed as exc:
            self.refusals["members"] = "\n".join(exc.errors.values())
            self._show_errors()
            grow_to_fit(self)
            return
        except DugnadError as exc:
            messages.show_error(self, exc.message, _("Kunne ikke ta ut medlemmet"))
            return
        self._members_changed()

    def _members_changed(self) -> None:
        """A saved household's members changed: read them again, keep the edited fields."""
        assert self.household_id is not None
        self.detail = get_household(self.db, self.household_id, self.today)
        contact = self.contact_combo.currentData()
        self._fill_members(self.detail)
        self.contact_combo.setCurrentIndex(max(self.contact_combo.findData(contact), 0))
        if self.contact_combo.findData(self._initial.contact_person_id) < 0:
            # The contact person left: the service cleared the contact, so nothing is unsaved.
            self._initial = dataclasses.replace(self._initial, contact_person_id=None)
        self.refusals.pop("members", None)
        self.validate()
        self.changed_in_database.emit()

    def _fill_members(self, detail: HouseholdDetail) -> None:
        self._set_members(
            [
                MemberRow(
                    m.id,
                    m.id,
                    m.person_id,
                    m.name,
                    m.birth_year,
                    m.gender,
                    m.is_participant,
                    m.is_volunteer,
                )
                for m in detail.members
            ],  # fmt: skip
            detail.data.contact_person_id,
        )

    # -- saving and closing -----------------------------------------------------------------------
    def save(self) -> None:
        if not self.validate():
            self._touched.update(self.errors)
            self._show_errors()
            return
        data = self.current_data()
        try:
            if self.household_id is None:
                members = [row.data() for row in self.members.rows()]
                self.household_id = create_household(self.db, data, members, self.today)
            else:
                update_household(self.db, self.household_id, data)
        except ValidationFailed as exc:
            self._touched.update(exc.errors)
            self.refusals = dict(exc.errors)
            self._show_errors()
            unplaced = [m for f, m in exc.errors.items() if f not in self.error_labels]
            self.save_error.show_message("\n".join(unplaced) or _("Rett opp det som er merket."))
            grow_to_fit(self)
            return
        except DugnadError as exc:
            messages.show_error(self, exc.message, _("Kunne ikke lagre"))
            return
        self._initial = data
        self._initial_members = self.members.rows()
        self.changed_in_database.emit()
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc and the window's close button all end here: ask before losing edits."""
        if self.is_dirty() and not messages.ask_discard(self):
            return
        super().reject()

    def delete(self) -> None:
        if self.detail is None or not self.ask_delete(self.detail.data.name):
            return
        assert self.household_id is not None
        try:
            delete_household(self.db, self.household_id)
        except DugnadError as exc:
            messages.show_error(self, exc.message, _("Kunne ikke slette husstanden"))
            return
        self.changed_in_database.emit()
        self.done(QDialog.DialogCode.Accepted)
