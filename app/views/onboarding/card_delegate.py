"""Paints a board entry as a card: a rounded box in the model's background colour, the name in
bold and the days in the step under it.

A style sheet on `QListView::item` would replace the model's background colour, and that colour
is how a long wait stands out, so the cards are painted here instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

BORDER = QColor("#d0d7de")
SELECTED_BORDER = QColor("#2f6fb3")
TEXT = QColor("#24292f")
HINT = QColor("#57606a")
PADDING = 8


class CardDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(option.rect.width() or 160, 2 * line + 2 * PADDING + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        fill = background.color() if isinstance(background, QBrush) else QColor("white")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setBrush(fill)
        painter.setPen(QPen(SELECTED_BORDER if selected else BORDER, 2 if selected else 1))
        painter.drawRoundedRect(rect, 6, 6)
        name, _sep, detail = str(index.data() or "").partition("\n")
        text_rect = rect.adjusted(PADDING, PADDING / 2, -PADDING, -PADDING / 2)
        line = option.fontMetrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        top = QRectF(text_rect.left(), text_rect.top() + 2, text_rect.width(), line + 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                          int(top.width())))  # fmt: skip
        painter.setFont(option.font)
        painter.setPen(HINT)
        bottom = QRectF(text_rect.left(), top.bottom(), text_rect.width(), line + 2)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         detail)  # fmt: skip
        painter.restore()
