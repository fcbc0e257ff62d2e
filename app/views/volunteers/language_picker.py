"""Choosing the languages a person speaks: a short list of chosen ones and a searchable picker."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.languages import language_choices, language_name


class LanguagePicker(QWidget):
    """The chosen languages, in order, as ISO 639 codes; `changed` fires on every change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen = QListWidget()
        self.chosen.setFixedHeight(58)
        self.chosen.setFlow(QListWidget.Flow.LeftToRight)
        self.chosen.setWrapping(True)
        self.chosen.setSpacing(3)
        self.chosen.setStyleSheet(
            "QListWidget::item { background: #e8f0f8; border-radius: 4px; padding: 2px 6px; }"
            "QListWidget::item:selected { background: #2f6fb3; color: white; }"
        )
        self.remove_button = QPushButton(_("Fjern valgt språk"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.remove_button.setEnabled(False)
        self.chosen.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.chosen.selectedItems()))
        )

        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.lineEdit().setPlaceholderText(_("Skriv eller velg et språk"))
        for code, name in language_choices():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(-1)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.combo.activated.connect(self._add_current)
        self.add_button = QPushButton(_("Legg til språk"))
        self.add_button.clicked.connect(self._add_current)

        picker = QHBoxLayout()
        picker.addWidget(self.combo, 1)
        picker.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chosen)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addLayout(picker)

    def codes(self) -> list[str]:
        return [
            self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())
        ]

    def set_codes(self, codes: list[str]) -> None:
        self.chosen.clear()
        for code in codes:
            self._append(code)
        self.changed.emit()

    def add_language(self, code: str) -> None:
        if code and code not in self.codes():
            self._append(code)
            self.changed.emit()

    def _append(self, code: str) -> None:
        item = QListWidgetItem(language_name(code))
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.chosen.addItem(item)

    def _add_current(self) -> None:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return
        self.add_language(self.combo.itemData(index))
        self.combo.setCurrentIndex(-1)
        self.combo.clearEditText()

    def _remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self.changed.emit()
