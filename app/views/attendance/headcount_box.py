"""Section 3 of the attendance screen: the anonymous headcount with optional splits.

The total is what most drop-in cafés record. The split by gender and by age band is optional and
shown with its running sum, and the service's `validate_headcount` says when a split is larger
than the total, so the message is the same as the CLI's.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from app.i18n import _
from app.i18n.formatting import format_number
from app.services.attendance import HeadcountInput, validate_headcount
from app.services.codes import AGE_BANDS, GENDERS, label
from app.views.widgets.field_error import FieldError

MAX_COUNT = 9999
PER_ROW = 4


def _spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_COUNT)
    spin.setMinimumWidth(70)
    return spin


class _Split(QGroupBox):
    """A checkable group of counts, one per code, with their sum."""

    changed = Signal()

    def __init__(self, title: str, codes: dict[str, str], values: dict[str, int] | None) -> None:
        super().__init__(title)
        self.setCheckable(True)
        self.setChecked(values is not None)
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout(self)
        for n, code in enumerate(codes):
            spin = _spin()
            spin.setValue((values or {}).get(code, 0))
            spin.setAccessibleName(label(codes, code))
            spin.valueChanged.connect(self.changed)
            self.spins[code] = spin
            cell = QHBoxLayout()
            cell.addWidget(QLabel(label(codes, code)))
            cell.addWidget(spin)
            cell.addStretch(1)
            grid.addLayout(cell, n // PER_ROW, n % PER_ROW)
        self.sum_label = QLabel()
        self.sum_label.setStyleSheet("color: #57606a;")
        self.error = FieldError()
        rows = (len(codes) - 1) // PER_ROW + 1
        grid.addWidget(self.sum_label, rows, 0, 1, PER_ROW)
        grid.addWidget(self.error, rows + 1, 0, 1, PER_ROW)
        self.toggled.connect(self.changed)

    def values(self) -> dict[str, int] | None:
        if not self.isChecked():
            return None
        return {code: spin.value() for code, spin in self.spins.items()}


class HeadcountBox(QWidget):
    """Total plus the two optional splits; `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, count: HeadcountInput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total_spin = _spin()
        self.total_spin.setValue(count.total)
        self.total_spin.setFixedWidth(90)
        self.total_spin.setAccessibleName(_("Antall frammøtte i alt"))
        self.total_error = FieldError()
        self.gender = _Split(_("Fordelt på kjønn (valgfritt)"), GENDERS, count.by_gender)
        self.age = _Split(_("Fordelt på alder (valgfritt)"), AGE_BANDS, count.by_age)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Antall frammøtte i alt:")))
        top.addWidget(self.total_spin)
        top.addWidget(self.total_error)
        top.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 0, 0)
        layout.addWidget(self.gender, 1, 0)
        layout.addWidget(self.age, 2, 0)
        self.total_spin.valueChanged.connect(self._changed)
        self.gender.changed.connect(self._changed)
        self.age.changed.connect(self._changed)
        self._changed()

    def focus_order(self) -> list[QWidget]:
        return [self.total_spin, self.gender, *self.gender.spins.values(), self.age,
                *self.age.spins.values()]  # fmt: skip

    def value(self) -> HeadcountInput:
        return HeadcountInput(self.total_spin.value(), self.gender.values(), self.age.values())

    def add_one(self) -> None:
        """A walk-in without consent went into the headcount."""
        self.total_spin.setValue(self.total_spin.value() + 1)

    def errors(self) -> dict[str, str]:
        return validate_headcount(self.value())

    def _changed(self) -> None:
        errors = self.errors()
        total = self.total_spin.value()
        for split, key in ((self.gender, "headcount.by_gender"), (self.age, "headcount.by_age")):
            values = split.values() or {}
            split.sum_label.setText(_("Sum: {sum} av {total}").format(
                sum=format_number(sum(values.values())), total=format_number(total)))  # fmt: skip
            split.sum_label.setVisible(split.isChecked())
            split.error.show_message(errors.get(key))
        self.total_error.show_message(errors.get("headcount.total"))
        self.changed.emit()
