"""Section 1 of the attendance screen: each volunteer with "til stede" and hours.

A checkbox and a spin box per volunteer, in the sheet's order (roster, then the team, then anyone
else recorded), because that is the order of the paper sign-in sheet being copied. The hours box
is enabled only while the volunteer is ticked, so Tab skips the hours of people who were away.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QGridLayout, QLabel, QWidget

from app.i18n import _
from app.services.attendance import VolunteerPresence
from app.views.widgets.field_error import FieldError

HOURS_STEP = 0.5


class VolunteerRows(QWidget):
    """Ticks and hours; `changed` fires on every edit."""

    changed = Signal()

    def __init__(
        self, volunteers: tuple[VolunteerPresence, ...], max_hours: float, default_hours: float,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.errors: dict[str, FieldError] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(3, 1)
        if not volunteers:
            grid.addWidget(QLabel(_("Ingen frivillige står på vaktlisten eller i teamet.")), 0, 0)
        row = 0
        for person in volunteers:
            box = QCheckBox(person.name)
            box.setChecked(person.present)
            spin = QDoubleSpinBox()
            spin.setDecimals(1)
            spin.setSingleStep(HOURS_STEP)
            spin.setRange(0.0, max(max_hours, person.hours))
            spin.setValue(person.hours if person.present else default_hours)
            spin.setSuffix(" " + _("timer"))
            spin.setEnabled(person.present)
            spin.setAccessibleName(_("Timer for {name}").format(name=person.name))
            where = _("på vaktlisten") if person.on_roster else _("i teamet")
            role = f"{person.role} · {where}" if person.role else where
            hint = QLabel(role)
            hint.setStyleSheet("color: #57606a;")
            error = FieldError()
            box.toggled.connect(spin.setEnabled)
            box.toggled.connect(self.changed)
            spin.valueChanged.connect(self.changed)
            grid.addWidget(box, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(hint, row, 2)
            grid.addWidget(error, row + 1, 0, 1, 4)
            row += 2
            self.boxes[person.volunteer_id] = box
            self.spins[person.volunteer_id] = spin
            self.errors[person.volunteer_id] = error

    def focus_order(self) -> list[QWidget]:
        """Tick, hours, next tick, ... (the sheet's order)."""
        order: list[QWidget] = []
        for volunteer_id, box in self.boxes.items():
            order += [box, self.spins[volunteer_id]]
        return order

    def values(self) -> dict[str, float]:
        """Hours for each volunteer ticked present."""
        return {vid: self.spins[vid].value() for vid, box in self.boxes.items() if box.isChecked()}

    def show_errors(self, errors: dict[str, str]) -> None:
        for volunteer_id, label in self.errors.items():
            label.show_message(errors.get(f"hours.{volunteer_id}"))
