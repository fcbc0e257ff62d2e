"""Sessions as a table: the schedule tab, the attendance history and the understaffed list.

One model with a choice of columns, because the three lists show the same `SessionRow`s from the
session service, only different facts about them. Understaffed sessions are coloured and
cancelled ones grey, so the eye finds them without reading the staffing column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import _
from app.i18n.formatting import format_date, format_number, format_time
from app.services.codes import WEEKDAYS, label
from app.services.sessions import SessionRow
from app.views.widgets.row_table_model import AnyIndex, RowTableModel

DATE, TIME, ACTIVITY, PLACE, STAFFING, STATUS, VOLUNTEERS, HOURS, REGISTERED, HEADCOUNT = range(10)

UNDERSTAFFED_COLOUR = QColor("#b3261e")
CANCELLED_COLOUR = QColor("#8c959f")


def staffing_text(row: SessionRow) -> str:
    """`2 av 3`: who is on the roster out of how many are needed."""
    return _("{assigned} av {needed}").format(
        assigned=format_number(row.volunteers_assigned), needed=format_number(row.volunteers_needed)
    )


def day_and_date(day: dt.date) -> str:
    """`tor. 05.03.2026`: the weekday helps more than the date when planning."""
    return f"{label(WEEKDAYS, list(WEEKDAYS)[day.weekday()])[:3]}. {format_date(day)}"


def status_text(row: SessionRow, today: dt.date) -> str:
    if row.cancelled:
        reason = f" ({row.cancel_reason})" if row.cancel_reason else ""
        return _("Avlyst") + reason
    if row.attendance_recorded:
        return _("Oppmøte ført ✓")
    if row.date < today:
        return _("Oppmøte mangler")
    return ""


def _headers() -> dict[int, str]:
    return {
        DATE: _("Dato"),
        TIME: _("Tid"),
        ACTIVITY: _("Aktivitet"),
        PLACE: _("Sted"),
        STAFFING: _("Frivillige"),
        STATUS: _("Status"),
        VOLUNTEERS: _("Frivillige til stede"),
        HOURS: _("Timer"),
        REGISTERED: _("Deltakere (navngitt)"),
        HEADCOUNT: _("Antall frammøtte"),
    }


class SessionTableModel(RowTableModel[SessionRow]):
    """Read-only sessions with the columns the caller asks for."""

    def __init__(
        self,
        columns: Sequence[int],
        rows: Sequence[SessionRow] | None = None,
        parent=None,  # noqa: ANN001
        today: dt.date | None = None,
    ) -> None:
        self.columns = list(columns)
        self.today = today or dt.date.today()
        super().__init__(rows, parent)

    def headers(self) -> list[str]:
        names = _headers()
        return [names[c] for c in self.columns]

    def display(self, row: SessionRow, column: int) -> str:
        kind = self.columns[column]
        if kind == DATE:
            return day_and_date(row.date)
        if kind == TIME:
            return f"{format_time(row.start)}–{format_time(row.end)}"
        if kind == ACTIVITY:
            return row.activity
        if kind == PLACE:
            return row.place or ""
        if kind == STAFFING:
            return "" if row.cancelled else staffing_text(row)
        if kind == STATUS:
            return status_text(row, self.today)
        if kind == VOLUNTEERS:
            return format_number(row.attendance.volunteers)
        if kind == HOURS:
            return format_number(row.attendance.volunteer_hours, 1)
        if kind == REGISTERED:
            return format_number(row.attendance.registered)
        if kind == HEADCOUNT:
            return format_number(row.attendance.headcount)
        return ""

    def sort_value(self, row: SessionRow, column: int) -> Any:
        kind = self.columns[column]
        if kind in (DATE, TIME):
            return f"{row.date.isoformat()} {row.start.isoformat()}"
        if kind == ACTIVITY:
            return row.activity.casefold()
        if kind == PLACE:
            return (row.place or "").casefold()
        if kind == STAFFING:
            return row.volunteers_assigned - row.volunteers_needed
        if kind == STATUS:
            return status_text(row, self.today)
        if kind == VOLUNTEERS:
            return row.attendance.volunteers
        if kind == HOURS:
            return row.attendance.volunteer_hours
        if kind == REGISTERED:
            return row.attendance.registered
        if kind == HEADCOUNT:
            return row.attendance.headcount
        return ""

    def tie_breaker(self, row: SessionRow) -> Any:
        return f"{row.date.isoformat()} {row.start.isoformat()} {row.activity.casefold()}"

    def row_id(self, row: SessionRow) -> str:
        return row.id

    def tooltip(self, row: SessionRow, column: int) -> str | None:
        if row.cancelled and row.cancel_reason:
            return _("Avlyst: {reason}").format(reason=row.cancel_reason)
        if row.understaffed:
            return _("For få frivillige på vaktlisten")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ForegroundRole:
                if row.cancelled:
                    return QBrush(CANCELLED_COLOUR)
                if row.understaffed and self.columns[index.column()] == STAFFING:
                    return QBrush(UNDERSTAFFED_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                if row.cancelled:
                    font = QFont()
                    font.setStrikeOut(self.columns[index.column()] != STATUS)
                    return font
                if row.understaffed and self.columns[index.column()] == STAFFING:
                    font = QFont()
                    font.setBold(True)
                    return font
        return super().data(index, role)
