"""The activity form, for a new activity and for editing one.

Every field of `ActivityInput`. Validation is the service's `validate_activity`, run on every
change; its message shows under the field once the user has touched it, and Save stays disabled
until nothing is left to fix. `certificate_warning` is shown in orange but never blocks: the
centre may keep the requirement.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.activities import (
    ActivityInput,
    certificate_warning,
    create_activity,
    get_activity,
    list_activity_types,
    list_places,
    update_activity,
    validate_activity,
)
from app.services.centre import list_staff
from app.services.codes import COUNTING, TARGET_GROUPS, label
from app.views.activities.type_place_dialogs import ActivityTypeDialog, PlaceDialog
from app.views.volunteers.language_picker import LanguagePicker
from app.views.widgets import messages
from app.views.widgets.field_error import FieldError
from app.views.widgets.fit import grow_to_fit

DATE_FORMAT = "dd.MM.yyyy"
WARNING_STYLE = "color: #9a6700; background: #fff8c5; border-radius: 4px; padding: 6px;"


def _age_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,3}")))
    edit.setFixedWidth(60)
    return edit


def _int_or_none(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    return int(text) if text else None


def _row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return box


class ActivityForm(QDialog):
    """Create (`activity_id=None`) or edit one activity; `saved(activity_id)` after saving."""

    saved = Signal(str)

    def __init__(
        self, db: Database, activity_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.activity_id = activity_id
        self.errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self.error_labels: dict[str, FieldError] = {}
        self._build()
        if activity_id is not None:
            detail = get_activity(db, activity_id)
            self._fill(detail.input)
            self.setWindowTitle(_("Aktivitet: {name}").format(name=detail.row.name))
        else:
            self.setWindowTitle(_("Ny aktivitet"))
        self._initial = self.current_input()
        self._connect()
        self.validate()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Språkkafé på biblioteket"))
        self.type_combo = QComboBox()
        self.new_type_button = QPushButton(_("Ny type …"))
        self.place_combo = QComboBox()
        self.new_place_button = QPushButton(_("Nytt sted …"))
        self._fill_types()
        self._fill_places()
        self.group_boxes: dict[str, QCheckBox] = {}
        groups = QWidget()
        group_grid = QGridLayout(groups)
        group_grid.setContentsMargins(0, 0, 0, 0)
        for n, code in enumerate(TARGET_GROUPS):
            box = QCheckBox(label(TARGET_GROUPS, code).capitalize())
            self.group_boxes[code] = box
            group_grid.addWidget(box, n // 4, n % 4)
        self.group_boxes["everyone"].setChecked(True)
        self.min_age_edit = _age_edit()
        self.max_age_edit = _age_edit()
        self.languages = LanguagePicker()
        self.coordinator_combo = QComboBox()
        self.coordinator_combo.addItem(_("(ingen valgt)"), None)
        for member in list_staff(self.db):
            self.coordinator_combo.addItem(member.name, member.id)
        self.needed_spin = QSpinBox()
        self.needed_spin.setRange(0, 99)
        self.needed_spin.setValue(1)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, 9999)
        self.capacity_spin.setSpecialValueText(_("Ingen grense"))
        self.capacity_spin.setMinimumWidth(120)
        self.counting_combo = QComboBox()
        for code in COUNTING:
            self.counting_combo.addItem(label(COUNTING, code), code)
        self.certificate_box = QCheckBox(_("Frivillige må vise politiattest"))
        self.certificate_warning = QLabel()
        self.certificate_warning.setWordWrap(True)
        self.certificate_warning.setStyleSheet(WARNING_STYLE)
        self.certificate_warning.hide()
        self.start_edit = QDateEdit(QDate.currentDate())
        self.end_edit = QDateEdit(QDate.currentDate().addYears(1))
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        self.has_end_box = QCheckBox(_("Har sluttdato"))
        self.end_edit.setEnabled(False)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(56)

        what = QFormLayout()
        what.addRow(_("Navn") + " *", self._field("name", self.name_edit))
        what.addRow(_("Type"), self._field(
            "type_code", _row(self.type_combo, self.new_type_button)))  # fmt: skip
        what.addRow(_("Sted"), _row(self.place_combo, self.new_place_button))
        what.addRow(_("Målgrupper"), self._field("target_groups", groups))
        ages = _row(QLabel(_("fra")), self.min_age_edit, QLabel(_("til")), self.max_age_edit,
                    QLabel(_("år (kan stå tomt)")))  # fmt: skip
        what.addRow(_("Alder"), self._field("min_age", ages))
        what.addRow("", self._field("max_age", QWidget()))
        what.addRow(_("Språk"), self._field("languages", self.languages))
        what.addRow(_("Beskrivelse"), self.description_edit)
        what_box = QGroupBox(_("Aktiviteten"))
        what_box.setLayout(what)

        how = QFormLayout()
        how.addRow(_("Ansvarlig"), self.coordinator_combo)
        how.addRow(_("Frivillige per økt"), self._field("volunteers_needed", _row(
            self.needed_spin)))  # fmt: skip
        how.addRow(_("Plasser"), self._field("capacity", _row(self.capacity_spin)))
        how.addRow(_("Deltakere telles"), self._field("counting", self.counting_combo))
        how.addRow(_("Politiattest"), self.certificate_box)
        how.addRow("", self.certificate_warning)
        how.addRow(_("Startdato"), self._field("start_date", _row(self.start_edit)))
        how.addRow(_("Sluttdato"), self._field("end_date", _row(self.has_end_box, self.end_edit)))
        how_box = QGroupBox(_("Drift"))
        how_box.setLayout(how)

        columns = QHBoxLayout()
        columns.addWidget(what_box, 3)
        columns.addWidget(how_box, 2)
        self.save_error = FieldError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for button in (self.new_type_button, self.new_place_button):
            button.setAutoDefault(False)
        hint = QLabel(_("* må fylles ut"))
        hint.setStyleSheet("color: #57606a;")
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addWidget(self.save_error, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        self.setMinimumWidth(1000)

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

    def _fill_types(self, select: str | None = None) -> None:
        current = select or self.type_combo.currentData() or "annet"
        self.type_combo.clear()
        for info in list_activity_types(self.db):
            self.type_combo.addItem(info.name, info.code)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(current), 0))

    def _fill_places(self, select: str | None = None) -> None:
        current = select or self.place_combo.currentData()
        self.place_combo.clear()
        self.place_combo.addItem(_("(ikke valgt)"), None)
        for place in list_places(self.db):
            text = f"{place.name}, {place.address}" if place.address else place.name
            self.place_combo.addItem(text, place.id)
        self.place_combo.setCurrentIndex(max(self.place_combo.findData(current), 0))

    def _connect(self) -> None:
        self.name_edit.textEdited.connect(lambda: self._touch("name"))
        self.type_combo.currentIndexChanged.connect(lambda: self._touch("type_code"))
        self.place_combo.currentIndexChanged.connect(self.validate)
        for box in self.group_boxes.values():
            box.toggled.connect(lambda _on: self._touch("target_groups"))
        self.min_age_edit.textEdited.connect(lambda: self._touch("min_age", "max_age"))
        self.max_age_edit.textEdited.connect(lambda: self._touch("min_age", "max_age"))
        self.languages.changed.connect(lambda: self._touch("languages"))
        self.coordinator_combo.currentIndexChanged.connect(self.validate)
        self.needed_spin.valueChanged.connect(lambda: self._touch("volunteers_needed"))
        self.capacity_spin.valueChanged.connect(lambda: self._touch("capacity"))
        self.counting_combo.currentIndexChanged.connect(lambda: self._touch("counting"))
        self.certificate_box.toggled.connect(self.validate)
        self.start_edit.dateChanged.connect(lambda: self._touch("start_date", "end_date"))
        self.end_edit.dateChanged.connect(lambda: self._touch("end_date"))
        self.has_end_box.toggled.connect(self.end_edit.setEnabled)
        self.has_end_box.toggled.connect(lambda: self._touch("end_date"))
        self.description_edit.textChanged.connect(self.validate)
        self.new_type_button.clicked.connect(self.open_type_dialog)
        self.new_place_button.clicked.connect(self.open_place_dialog)

    # -- values -----------------------------------------------------------------------------------
    def _fill(self, data: ActivityInput) -> None:
        self.name_edit.setText(data.name)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(data.type_code), 0))
        self.place_combo.setCurrentIndex(max(self.place_combo.findData(data.place_id), 0))
        for code, box in self.group_boxes.items():
            box.setChecked(code in data.target_groups)
        self.min_age_edit.setText("" if data.min_age is None else str(data.min_age))
        self.max_age_edit.setText("" if data.max_age is None else str(data.max_age))
        self.languages.set_codes(data.languages)
        self.coordinator_combo.setCurrentIndex(
            max(self.coordinator_combo.findData(data.coordinator_id), 0)
        )
        self.needed_spin.setValue(data.volunteers_needed)
        self.capacity_spin.setValue(data.capacity or 0)
        self.counting_combo.setCurrentIndex(max(self.counting_combo.findData(data.counting), 0))
        self.certificate_box.setChecked(data.requires_certificate)
        if data.start_date:
            self.start_edit.setDate(QDate(data.start_date))
        self.has_end_box.setChecked(data.end_date is not None)
        self.end_edit.setEnabled(data.end_date is not None)
        if data.end_date:
            self.end_edit.setDate(QDate(data.end_date))
        self.description_edit.setPlainText(data.description)

    def current_input(self) -> ActivityInput:
        start: dt.date = self.start_edit.date().toPython()
        end: dt.date | None = (
            self.end_edit.date().toPython() if self.has_end_box.isChecked() else None
        )
        return ActivityInput(
            name=self.name_edit.text(),
            type_code=self.type_combo.currentData() or "",
            target_groups=[c for c, box in self.group_boxes.items() if box.isChecked()],
            min_age=_int_or_none(self.min_age_edit),
            max_age=_int_or_none(self.max_age_edit),
            place_id=self.place_combo.currentData(),
            languages=self.languages.codes(),
            coordinator_id=self.coordinator_combo.currentData(),
            volunteers_needed=self.needed_spin.value(),
            requires_certificate=self.certificate_box.isChecked(),
            capacity=self.capacity_spin.value() or None,
            counting=self.counting_combo.currentData(),
            start_date=start,
            end_date=end,
            description=self.description_edit.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self.current_input() != self._initial

    # -- validation -------------------------------------------------------------------------------
    def _touch(self, *fields: str) -> None:
        self._touched.update(fields)
        self.validate()

    def validate(self) -> bool:
        data = self.current_input()
        self.errors = validate_activity(data)
        for name, error_label in self.error_labels.items():
            shown = name in self._touched or self.activity_id is not None
            error_label.show_message(self.errors.get(name) if shown else None)
        warning = certificate_warning(data)
        self.certificate_warning.setText(warning or "")
        self.certificate_warning.setVisible(bool(warning))
        self.save_button.setEnabled(not self.errors)
        grow_to_fit(self)
        return not self.errors

    # -- sub-dialogs ------------------------------------------------------------------------------
    def open_type_dialog(self) -> ActivityTypeDialog:
        dialog = ActivityTypeDialog(self.db, self)
        dialog.accepted.connect(lambda: self._fill_types(dialog.code))
        dialog.open()
        return dialog

    def open_place_dialog(self) -> PlaceDialog:
        dialog = PlaceDialog(self.db, self)
        dialog.accepted.connect(lambda: self._fill_places(dialog.place_id))
        dialog.open()
        return dialog

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> None:
        data = self.current_input()
        try:
            if self.activity_id is None:
                self.activity_id = create_activity(self.db, data)
            else:
                update_activity(self.db, self.activity_id, data)
        except ValidationFailed as exc:
            self._touched.update(exc.errors)
            for name, message in exc.errors.items():
                if name in self.error_labels:
                    self.error_labels[name].show_message(message)
            unplaced = [m for f, m in exc.errors.items() if f not in self.error_labels]
            self.save_error.show_message("\n".join(unplaced) or _("Rett opp det som er merket."))
            return
        except DugnadError as exc:
            self.save_error.show_message(exc.message)
            return
        self._initial = data
        self.saved.emit(self.activity_id)
        self.accept()

    def reject(self) -> None:
        if self.is_dirty() and not messages.ask_discard(self):
            return
        super().reject()
