"""What a brand-new, empty Dugnad shows: where to begin, or try it with made-up people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _


class WelcomePage(QWidget):
    """Two ways to start: register the first volunteer, or look around in demo data."""

    add_volunteer_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Velkommen til Dugnad"))
        title.setStyleSheet("font-size: 22pt; font-weight: 600; color: #1f3b57;")
        text = QLabel(
            _(
                "Her holder du oversikt over frivillige, aktiviteter og oppmøte, og lager "
                "rapportene til kommunen og tilskuddsgiverne.\n\n"
                "Registeret er tomt. Begynn med å legge til den første frivillige, eller se "
                "hvordan Dugnad ser ut med oppdiktede personer først. Demodata lagres i en egen "
                "fil og blandes aldri med sentralens egne data."
            )
        )
        text.setWordWrap(True)
        text.setMaximumWidth(620)
        text.setStyleSheet("font-size: 11pt;")
        self.add_button = QPushButton(_("Legg til frivillig"))
        self.add_button.setDefault(True)
        self.demo_button = QPushButton(_("Prøv med demodata"))
        for button in (self.add_button, self.demo_button):
            button.setMinimumHeight(36)
            button.setMinimumWidth(180)
        self.add_button.setStyleSheet(
            "QPushButton { background: #2f6fb3; color: white; border-radius: 4px;"
            " padding: 6px 16px; font-weight: 600; }"
            "QPushButton:hover { background: #255a92; }"
        )
        self.add_button.clicked.connect(self.add_volunteer_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(20)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
