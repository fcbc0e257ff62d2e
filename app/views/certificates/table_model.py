"""The certificates overview as a table model over `CertificateRow`s.

This is the responsible staff's screen, the one place where dates and the `not_cleared` state are
shown. Requests waiting more than six weeks get an orange background (red text past nine weeks),
because a forgotten request is the most common reason a volunteer gives up before starting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.certificate_views_support import LONG_WAIT_DAYS, waits_long
from app.services.certificates import CertificateRow
from app.services.codes import CERTIFICATE_STATUSES, label
from app.services.text import sort_key
from app.views.widgets.row_table_model import AnyIndex, RowTableModel

NAME, ROLE, STATUS, REQUESTED, SHOWN, ISSUED, EXPIRES, DAYS = range(8)

_STATUS_ORDER = {"needed": 0, "expired": 1, "requested": 2, "not_cleared": 3, "cleared": 4}
_NO_DATE = dt.date.min
LONG_WAIT_BACKGROUND = QColor("#ffe2b8")
VERY_LONG_WAIT_TEXT = QColor("#b3261e")
EXPIRING_TEXT = QColor("#9a6700")


class CertificateTableModel(RowTableModel[CertificateRow]):
    """Name, role, status word, the dates, and days waiting."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Rolle"), _("Status"), _("Bedt om"), _("Vist"), _("Utstedt"),
                _("Utløper"), _("Dager venter")]  # fmt: skip

    def display(self, row: CertificateRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == ROLE:
            return row.role
        if column == STATUS:
            word = label(CERTIFICATE_STATUSES, row.status)
            return word + " – " + _("utløper snart") if row.expires_soon else word
        if column == REQUESTED:
            return format_date(row.requested_on)
        if column == SHOWN:
            return format_date(row.shown_on)
        if column == ISSUED:
            return format_date(row.issued_on)
        if column == EXPIRES:
            return format_date(row.expires_on)
        if column == DAYS:
            return "" if row.days_waiting is None else format_number(row.days_waiting)
        return ""

    def sort_value(self, row: CertificateRow, column: int) -> Any:
        if column == NAME:
            return sort_key(row.name)
        if column == ROLE:
            return sort_key(row.role)
        if column == STATUS:
            return _STATUS_ORDER.get(row.status, 9)
        dates = {REQUESTED: row.requested_on, SHOWN: row.shown_on, ISSUED: row.issued_on,
                 EXPIRES: row.expires_on}  # fmt: skip
        if column in dates:
            return dates[column] or _NO_DATE
        if column == DAYS:
            return -1 if row.days_waiting is None else row.days_waiting
        return ""

    def tie_breaker(self, row: CertificateRow) -> Any:
        return sort_key(row.name)

    def row_id(self, row: CertificateRow) -> str:
        return row.id

    def tooltip(self, row: CertificateRow, column: int) -> str | None:
        if column == DAYS and waits_long(row):
            return _("Har ventet i mer enn {days} dager. Minn den frivillige på søknaden.").format(
                days=LONG_WAIT_DAYS
            )
        if column == ROLE and row.role:
            return row.role
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.BackgroundRole and waits_long(row):
                return QBrush(LONG_WAIT_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                if waits_long(row) and (row.days_waiting or 0) > 1.5 * LONG_WAIT_DAYS:
                    return QBrush(VERY_LONG_WAIT_TEXT)
                if row.expires_soon and column_is_date(index.column()):
                    return QBrush(EXPIRING_TEXT)
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DAYS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


def column_is_date(column: int) -> bool:
    return column in (EXPIRES, STATUS)
