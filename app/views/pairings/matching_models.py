"""The matching screen's tables: the ranked suggestions (with a score bar) and those left out.

A suggestion's score (0..100) is drawn as the number and a short bar, so the coordinator sees at
a glance how far apart the candidates are; the reasons are the plain sentences from
`matching_rules.score`, joined with a middle dot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.i18n import _
from app.i18n.formatting import format_number
from app.services.matching_rules import Candidate, Match
from app.services.text import fold, sort_key
from app.views.widgets.row_table_model import RowTableModel

SEPARATOR = " · "
NAME, SCORE, REASONS = range(3)
SCORE_ROLE = Qt.ItemDataRole.UserRole + 10

BAR_BACK = QColor("#e6ebf0")
BAR_FILL = QColor("#2f8f5b")
BAR_WEAK = QColor("#9aa7b4")


@dataclass(frozen=True)
class RankedRow:
    """A suggestion and its place in the ranking (1 is the best)."""

    rank: int
    match: Match


def reasons_text(reasons: tuple[str, ...] | list[str]) -> str:
    return SEPARATOR.join(reasons)


class CandidateTableModel(RowTableModel[RankedRow]):
    """The volunteers allowed for the seeker, in the ranking's order."""

    def headers(self) -> list[str]:
        return [_("Frivillig"), _("Poeng"), _("Hvorfor de passer")]

    def display(self, row: RankedRow, column: int) -> str:
        if column == NAME:
            return row.match.candidate.name
        if column == SCORE:
            return format_number(row.match.score)
        if column == REASONS:
            return reasons_text(row.match.reasons) or _("Ingen særlige likheter")
        return ""

    def sort_value(self, row: RankedRow, column: int) -> Any:
        if column == NAME:
            return sort_key(row.match.candidate.sort_name)
        if column == SCORE:
            return -row.rank  # the ranking's own order, ties included
        return fold(reasons_text(row.match.reasons))

    def tie_breaker(self, row: RankedRow) -> Any:
        return row.rank

    def row_id(self, row: RankedRow) -> str:
        return row.match.candidate.volunteer_id

    def tooltip(self, row: RankedRow, column: int) -> str | None:
        if column == SCORE:
            return _("{score} av 100 poeng").format(score=format_number(row.match.score))
        if column == REASONS:
            return "\n".join(row.match.reasons) or None
        return None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SCORE_ROLE and index.isValid():
            return self.row_at(index.row()).match.score
        return super().data(index, role)


X_NAME, X_PROBLEMS = range(2)


class ExcludedTableModel(RowTableModel[tuple[Candidate, list[str]]]):
    """Volunteers who may not be paired with this seeker, and every rule they break."""

    def headers(self) -> list[str]:
        return [_("Frivillig"), _("Hvorfor ikke")]

    def display(self, row: tuple[Candidate, list[str]], column: int) -> str:
        candidate, problems = row
        return candidate.name if column == X_NAME else reasons_text(problems)

    def sort_value(self, row: tuple[Candidate, list[str]], column: int) -> Any:
        candidate, problems = row
        return sort_key(candidate.sort_name) if column == X_NAME else fold(reasons_text(problems))

    def tie_breaker(self, row: tuple[Candidate, list[str]]) -> Any:
        return (sort_key(row[0].sort_name), row[0].volunteer_id)

    def row_id(self, row: tuple[Candidate, list[str]]) -> str:
        return row[0].volunteer_id

    def tooltip(self, row: tuple[Candidate, list[str]], column: int) -> str | None:
        return "\n".join(row[1]) if column == X_PROBLEMS else None


class ScoreDelegate(QStyledItemDelegate):
    """The score as a number and a bar of 0..100."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.fontMetrics.horizontalAdvance("100") + 90, option.fontMetrics.height())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        score = index.data(SCORE_ROLE)
        if score is None:
            super().paint(painter, option, index)
            return
        # The selection and row background as usual, then the number and the bar.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(6, 0, -8, 0)
        number_width = option.fontMetrics.horizontalAdvance("100") + 6
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected
                       else option.palette.text().color())  # fmt: skip
        painter.drawText(
            QRectF(rect.left(), rect.top(), number_width, rect.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_number(int(score)),
        )
        bar = QRectF(rect.left() + number_width + 6, rect.center().y() - 4,
                     max(rect.width() - number_width - 6, 10), 8)  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR_BACK)
        painter.drawRoundedRect(bar, 4, 4)
        filled = QRectF(bar.left(), bar.top(), bar.width() * max(0, min(100, score)) / 100,
                        bar.height())  # fmt: skip
        painter.setBrush(BAR_FILL if score >= 50 else BAR_WEAK)
        painter.drawRoundedRect(filled, 4, 4)
        painter.restore()
