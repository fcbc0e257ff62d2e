"""When a volunteer can help: a grid of weekdays × daytime/evening checkboxes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from app.services.codes import DAY_PARTS, WEEKDAYS, label


class AvailabilityGrid(QWidget):
    """Slot codes like `thu_evening`, one checkbox each; `changed` fires on every tick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        for column, day in enumerate(WEEKDAYS, start=1):
            heading = QLabel(label(WEEKDAYS, day)[:3].capitalize())
            heading.setToolTip(label(WEEKDAYS, day))
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(heading, 0, column)
        for row, part in enumerate(DAY_PARTS, start=1):
            grid.addWidget(QLabel(label(DAY_PARTS, part).capitalize()), row, 0)
            for column, day in enumerate(WEEKDAYS, start=1):
                box = QCheckBox()
                box.setToolTip(f"{label(WEEKDAYS, day)} {label(DAY_PARTS, part)}")
                box.toggled.connect(self.changed)
                grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignCenter)
                self.boxes[f"{day}_{part}"] = box

    def slots(self) -> list[str]:
        return [slot for slot, box in self.boxes.items() if box.isChecked()]

    def set_slots(self, slots: list[str]) -> None:
        for slot, box in self.boxes.items():
            box.setChecked(slot in slots)
