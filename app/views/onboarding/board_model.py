"""One column of the onboarding board: the volunteers waiting for one step, as cards.

A list model (one column) over `OnboardingRow`s; the card text is the name and the days in the
step, and a long wait gets a warm background so it is seen across the room — slow onboarding is
what makes new volunteers go elsewhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import _, ngettext
from app.i18n.formatting import format_number
from app.services.onboarding import LONG_WAIT_DAYS, OnboardingRow
from app.services.text import sort_key
from app.views.widgets.row_table_model import AnyIndex, RowTableModel

LONG_WAIT_BACKGROUND = QColor("#ffe2b8")
CARD_BACKGROUND = QColor("#ffffff")


def days_text(days: int) -> str:
    return ngettext("{n} dag i steget", "{n} dager i steget", days).format(n=format_number(days))


class OnboardingColumnModel(RowTableModel[OnboardingRow]):
    """Longest wait first (the board's order), name and days on each card."""

    def headers(self) -> list[str]:
        return [_("Frivillig")]

    def display(self, row: OnboardingRow, column: int) -> str:
        return f"{row.name}\n{days_text(row.days_in_step)}"

    def sort_value(self, row: OnboardingRow, column: int) -> Any:
        return -row.days_in_step

    def tie_breaker(self, row: OnboardingRow) -> Any:
        return sort_key(row.name)

    def row_id(self, row: OnboardingRow) -> str:
        return row.volunteer_id

    def tooltip(self, row: OnboardingRow, column: int) -> str | None:
        if row.long_wait:
            return _("Har ventet mer enn {days} dager på dette steget.").format(days=LONG_WAIT_DAYS)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < self.rowCount():
                long = self.row_at(index.row()).long_wait
                return QBrush(LONG_WAIT_BACKGROUND if long else CARD_BACKGROUND)
        return super().data(index, role)
