"""One pairing programme's terms: length, expected contact, follow-ups, certificate, steps."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.codes import ONBOARDING_STEPS, PROGRAMME_CERTIFICATE_RULES, label
from app.services.onboarding import RECORDED_STEPS
from app.services.programmes import (
    MAX_HOURS_PER_MONTH,
    MAX_MONTHS,
    MIN_AGE_HIGHEST,
    MIN_AGE_LOWEST,
    MIN_MONTHS,
    ProgrammeData,
    ProgrammeRow,
    save_programme,
    validate_programme,
)
from app.views.settings.follow_up_plan_edit import FollowUpPlanEdit
from app.views.widgets import messages
from app.views.widgets.field_error import FieldError

DEFAULT_PLAN = "2w,1m,*2m"


class ProgrammeDialog(QDialog):
    """New programme (`programme` None) or a change to one; saved on "Lagre"."""

    saved = Signal()

    def __init__(
        self, db: Database, programme: ProgrammeRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.programme = programme
        self.setWindowTitle(programme.name if programme else _("Nytt koblingsprogram"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Flyktningguide"))
        self.months = QSpinBox()
        self.months.setRange(MIN_MONTHS, MAX_MONTHS)
        self.months.setSuffix(" " + _("måneder"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, MAX_HOURS_PER_MONTH)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" " + _("timer i måneden"))
        self.plan = FollowUpPlanEdit()
        self.certificate = QComboBox()
        for code in PROGRAMME_CERTIFICATE_RULES:
            self.certificate.addItem(label(PROGRAMME_CERTIFICATE_RULES, code), code)
        self.steps = {code: QCheckBox(label(ONBOARDING_STEPS, code)) for code in RECORDED_STEPS}
        steps_row = QHBoxLayout()
        for box in self.steps.values():
            steps_row.addWidget(box)
        steps_row.addStretch(1)
        self.min_age = QSpinBox()
        self.min_age.setRange(MIN_AGE_LOWEST, MIN_AGE_HIGHEST)
        self.min_age.setSuffix(" " + _("år"))
        self.active = QCheckBox(_("I bruk (kan velges for nye koblinger)"))
        self.error = FieldError()

        form = QFormLayout()
        form.addRow(_("Navn"), self.name_edit)
        form.addRow(_("Varighet"), self.months)
        form.addRow(_("Forventet kontakt"), self.hours)
        form.addRow(_("Oppfølging"), self.plan)
        form.addRow(_("Politiattest"), self.certificate)
        form.addRow(_("Frivillige må ha"), steps_row)
        form.addRow(_("Laveste alder"), self.min_age)
        form.addRow("", self.active)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        data = programme.data if programme else ProgrammeData(name="")
        self.name_edit.setText(data.name)
        self.months.setValue(data.months)
        self.hours.setValue(data.hours_per_month)
        self.plan.set_code(data.follow_up_plan or DEFAULT_PLAN)
        self.certificate.setCurrentIndex(max(self.certificate.findData(data.certificate), 0))
        for code, box in self.steps.items():
            box.setChecked(code in data.required_steps)
        self.min_age.setValue(data.min_age)
        self.active.setChecked(data.active)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()

    def data(self) -> ProgrammeData:
        return ProgrammeData(
            name=self.name_edit.text().strip(),
            months=self.months.value(),
            hours_per_month=self.hours.value(),
            follow_up_plan=self.plan.code(),
            certificate=self.certificate.currentData(),
            required_steps=tuple(code for code, box in self.steps.items() if box.isChecked()),
            min_age=self.min_age.value(),
            active=self.active.isChecked(),
        )

    def _validate(self) -> bool:
        errors = validate_programme(self.data())
        self.save_button.setEnabled(not errors)
        shown = errors.get("name") if self.name_edit.text().strip() else None
        self.error.show_message(shown or next((m for k, m in errors.items() if k != "name"), None))
        return not errors

    def save(self) -> None:
        if not self._validate():
            return
        try:
            save_programme(self.db, self.data(), self.programme.id if self.programme else None)
        except ValidationFailed as exc:
            self.error.show_message(" ".join(exc.errors.values()))
            return
        except DugnadError as exc:
            messages.show_error(self, exc.message)
            return
        self.saved.emit()
        self.accept()
