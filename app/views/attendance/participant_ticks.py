"""Section 2a of the attendance screen: enrolled participants as a tick grid.

Checkboxes filled down the columns in the sheet's order (enrolled by name, then named walk-ins),
and tabbed through in that same order, so entering a paper sheet is top-to-bottom copying.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from app.i18n import _
from app.services.attendance import ParticipantPresence

COLUMNS = 3
MIN_PER_COLUMN = 8


class ParticipantTicks(QWidget):
    """One checkbox per named participant; `changed` fires on every tick."""

    changed = Signal()

    def __init__(
        self, participants: tuple[ParticipantPresence, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.grid.setHorizontalSpacing(18)
        self.empty = QLabel(_("Ingen påmeldte deltakere. Legg til de som kom nedenfor."))
        self.empty.setStyleSheet("color: #57606a;")
        self.grid.addWidget(self.empty, 0, 0, 1, COLUMNS)
        self._entries = [(p.participant_id, p.name, p.present, p.enrolled) for p in participants]
        self._lay_out()

    def _lay_out(self) -> None:
        for box in self.boxes.values():
            self.grid.removeWidget(box)
        count = len(self._entries)
        self.empty.setVisible(count == 0)
        per_column = max(MIN_PER_COLUMN, -(-count // COLUMNS))
        for n, (participant_id, name, present, enrolled) in enumerate(self._entries):
            box = self.boxes.get(participant_id)
            if box is None:
                text = name if enrolled else _("{name} (kom innom)").format(name=name)
                box = QCheckBox(text)
                box.setChecked(present)
                box.toggled.connect(self.changed)
                self.boxes[participant_id] = box
            self.grid.addWidget(box, 1 + n % per_column, n // per_column)

    def add(self, participant_id: str, name: str) -> QCheckBox:
        """A walk-in just saved by name: ticked, last in the list (as on the sheet)."""
        self._entries.append((participant_id, name, True, False))
        self._lay_out()
        self.changed.emit()
        return self.boxes[participant_id]

    def focus_order(self) -> list[QWidget]:
        return [self.boxes[e[0]] for e in self._entries]

    def present(self) -> set[str]:
        return {pid for pid, box in self.boxes.items() if box.isChecked()}
