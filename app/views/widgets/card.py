"""A figure card for the home screen: a big number, a title and a line of explanation.

Later screens (activities, certificates, grants) add their own cards; the card knows nothing
about what it counts, it only shows it and says when it is clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

CARD_STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; }
QFrame#card:hover { border: 1px solid #2f6fb3; background: #f5f9fd; }
QFrame#card:focus { border: 2px solid #2f6fb3; }
QLabel#cardValue { font-size: 28pt; font-weight: 600; color: #1f3b57; }
QLabel#cardTitle { font-size: 11pt; font-weight: 600; color: #24292f; }
QLabel#cardHint { color: #57606a; }
"""


class Card(QFrame):
    """A clickable card; `clicked` fires on a mouse click or Enter/Space when focused."""

    clicked = Signal()

    def __init__(self, title: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(170)
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setWordWrap(True)
        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("cardHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(bool(hint))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.addWidget(self.value_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
