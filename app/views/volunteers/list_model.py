"""The volunteer list as a Qt table model over `VolunteerRow`s from the volunteer service.

Display text is made here (phone, language names, status words, dates through the formatting
module); `SORT_ROLE` gives raw values (sort key, dates, ints) so a column sorts by meaning, not by
its text. Filtering and sorting happen on the Python list (see `RowTableModel`).

The "Politiattest" column is a badge only ("✓", "Mangler", or blank when no role needs one):
dates and results belong to the responsible staff's overview, not to the shared list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import _
from app.i18n.formatting import format_date
from app.services.certificate_need import BADGE_MISSING, BADGE_OK, generic_state
from app.services.codes import VOLUNTEER_STATUSES, label
from app.services.languages import language_name
from app.services.phones import format_phone
from app.services.volunteer_list import VolunteerRow
from app.views.widgets.row_table_model import ROW_ID_ROLE, SORT_ROLE, AnyIndex, RowTableModel

__all__ = ["ROW_ID_ROLE", "SORT_ROLE", "VolunteerTableModel"]


NAME, PHONE, EMAIL, LANGUAGES, SKILLS, STATUS, START_DATE, CERTIFICATE = range(8)

_STATUS_ORDER = {"active": 0, "paused": 1, "ended": 2}
_NO_DATE = dt.date.min
_BADGE_ORDER = {BADGE_MISSING: 0, BADGE_OK: 1}
_BADGE_COLOURS = {BADGE_MISSING: "#b3261e", BADGE_OK: "#1a7f37"}


def _headers() -> list[str]:
    return [_("Navn"), _("Telefon"), _("E-post"), _("Språk"), _("Ferdigheter"), _("Status"),
            _("Startdato"), _("Politiattest")]  # fmt: skip


def _display(row: VolunteerRow, column: int) -> str:
    if column == NAME:
        return row.name
    if column == PHONE:
        return format_phone(row.phone)
    if column == EMAIL:
        return row.email or ""
    if column == LANGUAGES:
        return ", ".join(language_name(code) for code in row.languages)
    if column == SKILLS:
        return ", ".join(row.skills)
    if column == STATUS:
        return label(VOLUNTEER_STATUSES, row.status)
    if column == START_DATE:
        return format_date(row.start_date)
    return ""


def sort_value(row: VolunteerRow, column: int) -> Any:
    """The raw value a column sorts by; never None, so values always compare."""
    if column == NAME:
        return row.sort_key
    if column == PHONE:
        return row.phone or ""
    if column == EMAIL:
        return (row.email or "").casefold()
    if column == LANGUAGES:
        return ", ".join(language_name(code) for code in row.languages).casefold()
    if column == SKILLS:
        return ", ".join(row.skills).casefold()
    if column == STATUS:
        return _STATUS_ORDER.get(row.status, 9)
    if column == START_DATE:
        return row.start_date or _NO_DATE
    return ""


def badge_text(state: str | None) -> str:
    if state == BADGE_OK:
        return "✓"
    if state == BADGE_MISSING:
        return _("Mangler")
    return ""


class VolunteerTableModel(RowTableModel[VolunteerRow]):
    """Read-only table of volunteers; `set_rows` replaces everything after a reload."""

    def __init__(self, rows=None, parent=None) -> None:  # noqa: ANN001
        self._badges: dict[str, str] = {}
        super().__init__(rows, parent)

    def set_badges(self, badges: dict[str, str]) -> None:
        """volunteer_id -> "ok"/"missing" (from `certificate_badges`); call before `set_rows`."""
        self._badges = dict(badges)

    def badge(self, row: VolunteerRow) -> str | None:
        return self._badges.get(row.id)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == CERTIFICATE
            and 0 <= index.row() < self.rowCount()
        ):
            state = self.badge(self.row_at(index.row()))
            return QBrush(QColor(_BADGE_COLOURS[state])) if state in _BADGE_COLOURS else None
        return super().data(index, role)

    def headers(self) -> list[str]:
        return _headers()

    def display(self, row: VolunteerRow, column: int) -> str:
        if column == CERTIFICATE:
            return badge_text(self.badge(row))
        return _display(row, column)

    def sort_value(self, row: VolunteerRow, column: int) -> Any:
        if column == CERTIFICATE:
            return _BADGE_ORDER.get(self.badge(row) or "", 2)
        return sort_value(row, column)

    def tie_breaker(self, row: VolunteerRow) -> Any:
        return row.sort_key

    def row_id(self, row: VolunteerRow) -> str:
        return row.id

    def tooltip(self, row: VolunteerRow, column: int) -> str | None:
        if column in (LANGUAGES, SKILLS):
            return _display(row, column) or None
        if column == CERTIFICATE:
            return generic_state(self.badge(row)) or None
        return None
