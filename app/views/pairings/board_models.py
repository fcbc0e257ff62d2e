"""The pairing board's tables: the pairings in one state, and the overdue follow-ups.

Each state shows the columns its work needs: the waiting list how long people have waited, the
active pairings their next follow-up (red when its day has passed), the ended ones their dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from app.i18n import _
from app.i18n.formatting import format_date
from app.services.pairings import OverdueRow, PairingRow
from app.services.text import sort_key
from app.views.pairings.texts import AMBER, RED, days_text, names_text
from app.views.widgets.row_table_model import AnyIndex, RowTableModel

SEEKER, VOLUNTEERS, PROGRAMME, REFERRED, DAYS, START, NEXT, END = (
    "seeker", "volunteers", "programme", "referred", "days", "start", "next", "end",
)  # fmt: skip

# A wait longer than this stands out (about three months on the list).
LONG_WAIT_DAYS = 90

COLUMNS: dict[str, tuple[str, ...]] = {
    "waiting": (SEEKER, DAYS, REFERRED, PROGRAMME),
    "proposed": (SEEKER, VOLUNTEERS, DAYS, PROGRAMME),
    "active": (SEEKER, VOLUNTEERS, NEXT, START, PROGRAMME),
    "ended": (SEEKER, VOLUNTEERS, START, END, PROGRAMME),
}
# The column each state's table is sorted by at first, and whether descending.
FIRST_SORT: dict[str, tuple[str, bool]] = {
    "waiting": (DAYS, True),
    "proposed": (DAYS, True),
    "active": (NEXT, False),
    "ended": (END, True),
}


def _headers() -> dict[str, str]:
    return {
        SEEKER: _("Deltaker eller husstand"),
        VOLUNTEERS: _("Frivillig"),
        PROGRAMME: _("Program"),
        REFERRED: _("Henvist"),
        DAYS: _("Har ventet"),
        START: _("Startet"),
        NEXT: _("Neste oppfølging"),
        END: _("Avsluttet"),
    }


def seeker_kind(row: PairingRow) -> str:
    return _("Husstand") if row.household_id is not None else _("Deltaker")


class PairingTableModel(RowTableModel[PairingRow]):
    """The pairings of one state (`status`); the page gives all rows and filters by state."""

    def __init__(self, status: str, parent=None, today: dt.date | None = None) -> None:  # noqa: ANN001
        self.status = status
        self.columns = COLUMNS[status]
        self.today = today or dt.date.today()
        super().__init__(parent=parent)

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def headers(self) -> list[str]:
        titles = _headers()
        return [titles[key] for key in self.columns]

    def display(self, row: PairingRow, column: int) -> str:
        key = self.columns[column]
        if key == SEEKER:
            return row.seeker_name
        if key == VOLUNTEERS:
            return names_text(row.volunteer_names)
        if key == PROGRAMME:
            return row.programme
        if key == REFERRED:
            return format_date(row.referred_on)
        if key == DAYS:
            return days_text(row.days_waiting) if row.days_waiting is not None else ""
        if key == START:
            return format_date(row.start)
        if key == END:
            return format_date(row.end)
        if key == NEXT:
            if row.next_follow_up is None:
                return _("Ingen planlagt")
            if row.overdue:
                return _("{date} (på etterskudd)").format(date=format_date(row.next_follow_up))
            return format_date(row.next_follow_up)
        return ""

    def sort_value(self, row: PairingRow, column: int) -> Any:
        key = self.columns[column]
        if key == SEEKER:
            return sort_key(row.seeker_name)
        if key == VOLUNTEERS:
            return sort_key(names_text(row.volunteer_names))
        if key == PROGRAMME:
            return sort_key(row.programme)
        if key == REFERRED:
            return row.referred_on
        if key == DAYS:
            return row.days_waiting if row.days_waiting is not None else -1
        if key == START:
            return row.start or dt.date.max
        if key == END:
            return row.end or dt.date.min
        if key == NEXT:
            return row.next_follow_up or dt.date.max
        return ""

    def tie_breaker(self, row: PairingRow) -> Any:
        return (sort_key(row.seeker_name), row.id)

    def row_id(self, row: PairingRow) -> str:
        return row.id

    def tooltip(self, row: PairingRow, column: int) -> str | None:
        key = self.columns[column]
        if key == SEEKER:
            return seeker_kind(row)
        if key == VOLUNTEERS and len(row.volunteer_names) > 1:
            return _("Team: {names}").format(names=names_text(row.volunteer_names))
        if key == NEXT and row.overdue and row.next_follow_up is not None:
            return _("Skulle vært gjort for {days} siden").format(
                days=days_text((self.today - row.next_follow_up).days)
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            key = self.columns[index.column()]
            if key == NEXT and row.overdue:
                return RED
            if key == DAYS and (row.days_waiting or 0) > LONG_WAIT_DAYS:
                return AMBER
            return None
        return super().data(index, role)


DUE, OVERDUE_DAYS, O_SEEKER, O_VOLUNTEERS, O_PROGRAMME = range(5)


class OverdueTableModel(RowTableModel[OverdueRow]):
    """Planned follow-ups whose day has passed, oldest first."""

    def headers(self) -> list[str]:
        return [_("Skulle vært gjort"), _("På etterskudd"), _("Deltaker eller husstand"),
                _("Frivillig"), _("Program")]  # fmt: skip

    def display(self, row: OverdueRow, column: int) -> str:
        if column == DUE:
            return format_date(row.due_on)
        if column == OVERDUE_DAYS:
            return days_text(row.days_overdue)
        if column == O_SEEKER:
            return row.seeker_name
        if column == O_VOLUNTEERS:
            return names_text(row.volunteer_names)
        if column == O_PROGRAMME:
            return row.programme
        return ""

    def sort_value(self, row: OverdueRow, column: int) -> Any:
        if column == DUE:
            return row.due_on
        if column == OVERDUE_DAYS:
            return row.days_overdue
        if column == O_SEEKER:
            return sort_key(row.seeker_name)
        if column == O_VOLUNTEERS:
            return sort_key(names_text(row.volunteer_names))
        if column == O_PROGRAMME:
            return sort_key(row.programme)
        return ""

    def tie_breaker(self, row: OverdueRow) -> Any:
        return (sort_key(row.seeker_name), row.follow_up_id)

    def row_id(self, row: OverdueRow) -> str:
        return row.follow_up_id

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return RED if index.column() in (DUE, OVERDUE_DAYS) else None
        return super().data(index, role)
