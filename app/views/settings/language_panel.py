"""The language Dugnad speaks on this PC (a per-PC preference, so QSettings, not the database).

Every text is translated when it is created, so the new language takes effect at the next start;
the panel says so plainly instead of half-translating the open window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _, current_language
from app.views import preferences


def _choices() -> list[tuple[str, str]]:
    # Each language is named in itself, so a user lost in the wrong language finds their own.
    return [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]


class LanguagePanel(QWidget):
    """A combo of the three UI languages, saved at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for code, name in _choices():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(self.combo.findData(current_language()), 0))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #1a7f37;")
        self.note.hide()
        self.combo.currentIndexChanged.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Språk i Dugnad på denne PC-en:")))
        row.addWidget(self.combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def _changed(self) -> None:
        preferences.save_language(self.combo.currentData())
        self.note.setText(_("Språket endres neste gang Dugnad starter."))
        self.note.show()
