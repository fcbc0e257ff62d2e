"""The activity list as a table model over `ActivityRow`s from the activity service."""

from __future__ import annotations

from typing import Any

from app.i18n import _
from app.services.activities import ActivityRow
from app.services.codes import TARGET_GROUPS, label
from app.services.text import sort_key
from app.views.widgets.row_table_model import RowTableModel

NAME, TYPE, PLACE, SCHEDULE, TARGET, CERTIFICATE = range(6)


def target_text(row: ActivityRow) -> str:
    return ", ".join(label(TARGET_GROUPS, g) for g in row.target_groups)


class ActivityTableModel(RowTableModel[ActivityRow]):
    """Read-only table of activities; search filters in Python (see `RowTableModel`)."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Type"), _("Sted"), _("Tidsplan"), _("Målgrupper"),
                _("Krever politiattest")]  # fmt: skip

    def display(self, row: ActivityRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == TYPE:
            return row.type_name
        if column == PLACE:
            return row.place or ""
        if column == SCHEDULE:
            return row.schedule
        if column == TARGET:
            return target_text(row)
        if column == CERTIFICATE:
            return _("Ja") if row.requires_certificate else ""
        return ""

    def sort_value(self, row: ActivityRow, column: int) -> Any:
        if column == NAME:
            return sort_key(row.name)
        if column == CERTIFICATE:
            return int(row.requires_certificate)
        return sort_key(self.display(row, column))

    def tie_breaker(self, row: ActivityRow) -> Any:
        return sort_key(row.name)

    def row_id(self, row: ActivityRow) -> str:
        return row.id

    def tooltip(self, row: ActivityRow, column: int) -> str | None:
        if column in (SCHEDULE, TARGET):
            return self.display(row, column) or None
        return None


def activity_search_text(row: ActivityRow) -> str:
    """What the search box matches: name, type, place, schedule and target groups."""
    return " ".join((row.name, row.type_name, row.place or "", row.schedule, target_text(row)))
