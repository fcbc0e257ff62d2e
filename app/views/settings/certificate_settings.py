"""Centre settings for police certificates and onboarding.

The periods are the centre's own policy, not law (DOMAIN.md): how old a certificate may be when
shown, how often it is renewed, how early the overview warns, and how long a record is kept after
the last role that needed it ends. The onboarding steps a centre does not use can be switched off
so its board has no column nobody ever leaves. Each change is saved at once, like the other
settings boxes; the service's range checks show under the field.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.certificate_rules import CertificatePolicy
from app.services.certificate_views_support import get_enabled_steps
from app.services.certificates import get_policy, set_policy
from app.services.codes import ONBOARDING_STEPS, label
from app.services.onboarding import RECORDED_STEPS, set_enabled_steps
from app.views.widgets.field_error import FieldError


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(" " + suffix)
    spin.setMinimumWidth(110)
    return spin


class CertificateSettings(QWidget):
    """Four periods (→ `set_policy`) and the onboarding steps (→ `set_enabled_steps`)."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.spins = {
            "max_age_months": _spin(1, 24, _("måneder")),
            "renewal_years": _spin(1, 10, _("år")),
            "reminder_days": _spin(0, 365, _("dager")),
            "grace_days": _spin(0, 365, _("dager")),
        }
        texts = {
            "max_age_months": (_("Høyeste alder når vist"),
                               _("En eldre attest avvises: be om en ny.")),
            "renewal_years": (_("Fornyes hvert"), _("Regnet fra datoen attesten er utstedt.")),
            "reminder_days": (_("Varsle før utløp"), _("Vises som «Utløper snart».")),
            "grace_days": (_("Slettes etter"),
                           _("Etter at siste rolle som krever attest er avsluttet "
                             "(politiregisterforskriften § 37-2).")),
        }  # fmt: skip
        self.errors = {name: FieldError() for name in self.spins}
        form = QFormLayout()
        for name, spin in self.spins.items():
            title, hint = texts[name]
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet("color: #57606a;")
            row = QWidget()
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(2)
            row_layout.addWidget(spin)
            row_layout.addWidget(hint_label)
            row_layout.addWidget(self.errors[name])
            form.addRow(title, row)
            spin.valueChanged.connect(self._save_policy)

        self.step_boxes = {s: QCheckBox(label(ONBOARDING_STEPS, s)) for s in RECORDED_STEPS}
        steps = QWidget()
        steps_layout = QVBoxLayout(steps)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.setSpacing(2)
        for box in self.step_boxes.values():
            steps_layout.addWidget(box)
            box.toggled.connect(self._save_steps)
        steps_hint = QLabel(_("Politiattest blir et steg for dem som har en rolle som krever det."))
        steps_hint.setWordWrap(True)
        steps_hint.setStyleSheet("color: #57606a;")
        steps_layout.addWidget(steps_hint)
        self.steps_error = FieldError()
        steps_layout.addWidget(self.steps_error)
        form.addRow(_("Steg i oppstarten"), steps)
        QVBoxLayout(self).addLayout(form)
        self.layout().setContentsMargins(0, 0, 0, 0)

    def set_database(self, db: Database) -> None:
        self.db = db

    def reload(self) -> None:
        policy = get_policy(self.db)
        enabled = get_enabled_steps(self.db)
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(policy, name))
            spin.blockSignals(False)
            self.errors[name].show_message(None)
        for step, box in self.step_boxes.items():
            box.blockSignals(True)
            box.setChecked(step in enabled)
            box.blockSignals(False)
        self.steps_error.show_message(None)

    def policy(self) -> CertificatePolicy:
        return CertificatePolicy(**{name: spin.value() for name, spin in self.spins.items()})

    def _save_policy(self) -> None:
        for error in self.errors.values():
            error.show_message(None)
        try:
            set_policy(self.db, self.policy())
        except ValidationFailed as exc:
            for name, message in exc.errors.items():
                if name in self.errors:
                    self.errors[name].show_message(message)
            return
        except DugnadError as exc:
            self.errors["max_age_months"].show_message(exc.message)
            return
        self.changed.emit()

    def _save_steps(self) -> None:
        chosen = {step for step, box in self.step_boxes.items() if box.isChecked()}
        try:
            set_enabled_steps(self.db, chosen)
        except DugnadError as exc:
            self.steps_error.show_message(exc.message)
            return
        self.steps_error.show_message(None)
        self.changed.emit()
