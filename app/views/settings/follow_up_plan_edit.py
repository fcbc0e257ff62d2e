"""Editing a follow-up schedule without codes: "etter 2 uker, 1 måned, deretter hver 2. måned".

The rows are spans from the pairing's start; a tick adds the repeating one. What the schedule means
is written out below as the user changes it (`followup_schedule.describe`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.followup_schedule import UNITS, Offset, Plan, describe, from_text, to_text

MAX_ROWS = 6


def _unit_words() -> dict[str, str]:
    return {"days": _("dager"), "weeks": _("uker"), "months": _("måneder")}


class _OffsetRow(QWidget):
    changed = Signal()

    def __init__(self, offset: Offset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QSpinBox()
        self.amount.setRange(1, 99)
        self.amount.setValue(min(offset.amount, 99))
        self.unit = QComboBox()
        for code, word in _unit_words().items():
            self.unit.addItem(word, code)
        self.unit.setCurrentIndex(UNITS.index(offset.unit))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.amount.setFixedWidth(70)
        self.unit.setMinimumWidth(110)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.amount.valueChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self.changed)

    def offset(self) -> Offset:
        return Offset(self.amount.value(), self.unit.currentData())


class FollowUpPlanEdit(QWidget):
    """Fixed follow-ups after the start, then optionally one every so often."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_OffsetRow] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)
        self.add_button = QPushButton(_("Legg til oppfølging"))
        self.add_button.clicked.connect(lambda: self._add_row(Offset(1, "months")))
        self.remove_button = QPushButton(_("Fjern siste"))
        self.remove_button.clicked.connect(self._remove_last)
        self.repeat_box = QCheckBox(_("Deretter hver"))
        self.repeat = _OffsetRow(Offset(2, "months"))
        self.repeat_box.toggled.connect(self.repeat.setEnabled)
        self.repeat_box.toggled.connect(self._changed)
        self.repeat.changed.connect(self._changed)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #57606a;")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat_box)
        repeat_row.addWidget(self.repeat)
        repeat_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Oppfølging etter starten:")))
        layout.addLayout(self.rows_box)
        layout.addLayout(buttons)
        layout.addLayout(repeat_row)
        layout.addWidget(self.description)

    def set_code(self, code: str) -> None:
        """Show the stored schedule ("2w,1m,*2m")."""
        plan = from_text(code)
        while self.rows:
            self._remove_last(quiet=True)
        for offset in plan.offsets:
            self._add_row(offset, quiet=True)
        self.repeat_box.setChecked(plan.repeat is not None)
        self.repeat.setEnabled(plan.repeat is not None)
        if plan.repeat is not None:
            self.repeat.amount.setValue(min(plan.repeat.amount, 99))
            self.repeat.unit.setCurrentIndex(UNITS.index(plan.repeat.unit))
        self._changed()

    def plan(self) -> Plan:
        repeat = self.repeat.offset() if self.repeat_box.isChecked() else None
        return Plan(tuple(row.offset() for row in self.rows), repeat)

    def code(self) -> str:
        return to_text(self.plan())

    def _add_row(self, offset: Offset, quiet: bool = False) -> None:
        row = _OffsetRow(offset)
        row.changed.connect(self._changed)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        if not quiet:
            self._changed()

    def _remove_last(self, quiet: bool = False) -> None:
        if not self.rows:
            return
        row = self.rows.pop()
        self.rows_box.removeWidget(row)
        row.deleteLater()
        if not quiet:
            self._changed()

    def _changed(self) -> None:
        self.add_button.setEnabled(len(self.rows) < MAX_ROWS)
        self.remove_button.setEnabled(bool(self.rows))
        self.description.setText(describe(self.plan()))
        self.changed.emit()
