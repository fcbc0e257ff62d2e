""" "Registrer vist …": the certificate was shown to the responsible staff member.

Show, don't keep: the dialog asks only for what the centre may record — the date it was shown,
the issue date printed on it, who checked it, and whether it was without remarks. There is no
text field at all, so no remark can be typed in by mistake. The dates are checked as you change
them with the same rule the service applies (`check_shown`), and Save stays disabled until they
pass and a result is chosen.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.certificate_rules import check_shown
from app.services.certificates import get_policy, record_shown
from app.views.activities.dialogs import date_edit
from app.views.certificates.staff_combo import StaffCombo
from app.views.widgets.field_error import FieldError


class RecordShownDialog(QDialog):
    """Shown on, issued on, checked by, and "Uten merknader" / "Med merknader"."""

    def __init__(
        self,
        db: Database,
        volunteer_id: str,
        name: str,
        requested_on: dt.date | None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.volunteer_id = volunteer_id
        self.requested_on = requested_on
        self.today = today or dt.date.today()
        self.policy = get_policy(db)
        self.setWindowTitle(_("Politiattest vist: {name}").format(name=name))

        self.shown_edit = date_edit(self.today)
        self.issued_edit = date_edit(self.today)
        self.staff_combo = StaffCombo(db)
        self.without_remarks = QRadioButton(_("Uten merknader"))
        self.with_remarks = QRadioButton(_("Med merknader"))
        self.result_group = QButtonGroup(self)
        self.result_group.addButton(self.without_remarks)
        self.result_group.addButton(self.with_remarks)
        result_row = QWidget()
        result_layout = QHBoxLayout(result_row)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.without_remarks)
        result_layout.addWidget(self.with_remarks)
        result_layout.addStretch(1)

        self.error_labels = {name: FieldError() for name in ("shown_on", "issued_on", "result")}
        self.general_error = FieldError()
        form = QFormLayout()
        form.addRow(_("Vist"), self.shown_edit)
        form.addRow("", self.error_labels["shown_on"])
        form.addRow(_("Utstedt (dato på attesten)"), self.issued_edit)
        form.addRow("", self.error_labels["issued_on"])
        form.addRow(_("Kontrollert av"), self.staff_combo)
        form.addRow(_("Resultat"), result_row)
        form.addRow("", self.error_labels["result"])
        note = QLabel(
            _("Attesten vises og leveres tilbake. Dugnad lagrer bare datoene og resultatet, "
              "aldri en kopi eller hva en merknad gjelder.")
        )  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #57606a;")

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

        self.shown_edit.dateChanged.connect(self.validate)
        self.issued_edit.dateChanged.connect(self.validate)
        self.result_group.buttonToggled.connect(self.validate)
        self.validate()

    def errors(self) -> dict[str, str]:
        """The service's date rules for the current values (the result is checked separately)."""
        return check_shown(
            shown_on=self.shown_edit.date().toPython(),
            issued_on=self.issued_edit.date().toPython(),
            requested_on=self.requested_on,
            today=self.today,
            policy=self.policy,
        )

    def validate(self) -> bool:
        errors = self.errors()
        for name, error_label in self.error_labels.items():
            error_label.show_message(errors.get(name))
        chosen = self.result_group.checkedButton() is not None
        self.save_button.setEnabled(not errors and chosen)
        self.adjustSize()
        return not errors and chosen

    def save(self) -> None:
        if not self.validate():
            return
        try:
            record_shown(
                self.db,
                self.volunteer_id,
                shown_on=self.shown_edit.date().toPython(),
                issued_on=self.issued_edit.date().toPython(),
                without_remarks=self.without_remarks.isChecked(),
                staff_id=self.staff_combo.staff_id(),
                today=self.today,
            )
        except ValidationFailed as exc:
            unplaced = []
            for name, message in exc.errors.items():
                if name in self.error_labels:
                    self.error_labels[name].show_message(message)
                else:
                    unplaced.append(message)
            self.general_error.show_message(" ".join(unplaced))
            return
        except DugnadError as exc:
            self.general_error.show_message(exc.message)
            return
        self.accept()
