"""The pairing page's tables: the follow-up timeline and the meetings the pair reported.

The timeline runs by date: a done follow-up on the day it was done, a planned one on the day it
is due. An overdue one is red and says for how long; "how it goes" is coloured when it worries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from app.i18n import _
from app.i18n.formatting import format_date
from app.services.codes import FOLLOW_UP_HOW, FOLLOW_UP_KINDS, label
from app.services.pairings import FollowUpRow, MeetingRow
from app.services.text import fold
from app.views.pairings.texts import AMBER, GREEN, GREY, RED, capitalised, days_text, hours_text
from app.views.widgets.row_table_model import AnyIndex, RowTableModel

DATE, STATE, KIND, HOW, STAFF, NOTE = range(6)


def follow_up_day(row: FollowUpRow) -> dt.date:
    return row.done_on or row.due_on or dt.date.max


class FollowUpTableModel(RowTableModel[FollowUpRow]):
    """Planned and done follow-ups of one pairing, by date."""

    def __init__(self, parent=None, today: dt.date | None = None) -> None:  # noqa: ANN001
        self.today = today or dt.date.today()
        super().__init__(parent=parent)

    def headers(self) -> list[str]:
        return [_("Dato"), _("Status"), _("Type"), _("Hvordan går det?"), _("Ansatt"),
                _("Notat")]  # fmt: skip

    def state(self, row: FollowUpRow) -> str:
        if row.done_on is not None:
            if row.due_on is None:
                return _("Gjort (ekstra)")
            if row.due_on != row.done_on:
                return _("Gjort (planlagt {date})").format(date=format_date(row.due_on))
            return _("Gjort")
        if row.overdue and row.due_on is not None:
            return _("På etterskudd ({days})").format(
                days=days_text((self.today - row.due_on).days)
            )
        return _("Planlagt")

    def display(self, row: FollowUpRow, column: int) -> str:
        if column == DATE:
            return format_date(row.done_on or row.due_on)
        if column == STATE:
            return self.state(row)
        if column == KIND:
            return capitalised(label(FOLLOW_UP_KINDS, row.kind)) if row.kind else ""
        if column == HOW:
            return capitalised(label(FOLLOW_UP_HOW, row.how)) if row.how else ""
        if column == STAFF:
            return row.staff_name or ""
        if column == NOTE:
            return row.note or ""
        return ""

    def sort_value(self, row: FollowUpRow, column: int) -> Any:
        if column == DATE:
            return follow_up_day(row)
        return fold(self.display(row, column))

    def tie_breaker(self, row: FollowUpRow) -> Any:
        return (follow_up_day(row), row.id)

    def row_id(self, row: FollowUpRow) -> str:
        return row.id

    def tooltip(self, row: FollowUpRow, column: int) -> str | None:
        return (row.note or None) if column == NOTE else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ForegroundRole:
                if row.overdue and index.column() in (DATE, STATE):
                    return RED
                if row.done_on is None and not row.overdue:
                    return GREY if index.column() in (DATE, STATE) else None
                if index.column() == HOW:
                    return {"good": GREEN, "some_concern": AMBER, "needs_follow_up": RED}.get(
                        row.how or ""
                    )
            return None
        return super().data(index, role)


M_DATE, M_HOURS, M_NOTE = range(3)


class MeetingTableModel(RowTableModel[MeetingRow]):
    """Meetings the pair reported, newest first."""

    def headers(self) -> list[str]:
        return [_("Dato"), _("Timer"), _("Notat")]

    def display(self, row: MeetingRow, column: int) -> str:
        if column == M_DATE:
            return format_date(row.met_on)
        if column == M_HOURS:
            return hours_text(row.hours)
        return row.note or ""

    def sort_value(self, row: MeetingRow, column: int) -> Any:
        if column == M_DATE:
            return row.met_on
        if column == M_HOURS:
            return row.hours
        return fold(row.note)

    def tie_breaker(self, row: MeetingRow) -> Any:
        return (row.met_on, row.id)

    def row_id(self, row: MeetingRow) -> str:
        return row.id
