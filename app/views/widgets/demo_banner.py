"""The banner that makes it impossible to mistake demo data for the centre's own register."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _

BANNER_STYLE = """
QFrame#demoBanner { background: #fff4ce; border-bottom: 2px solid #c98a00; }
QLabel#demoText { color: #5c3d00; font-weight: 600; }
"""


class DemoBanner(QFrame):
    """ "Dette er demodata" with a button back to the real database."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel(
            _(
                "DEMO: Dette er oppdiktede personer for å prøve Dugnad. "
                "Det du gjør her, påvirker ikke sentralens egne data."
            )
        )
        self.text.setObjectName("demoText")
        self.text.setWordWrap(True)
        self.back_button = QPushButton(_("Tilbake til egne data"))
        self.back_button.clicked.connect(self.back_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back_button)
