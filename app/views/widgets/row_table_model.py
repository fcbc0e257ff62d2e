"""A read-only table model over a Python list of service rows, filtered and sorted in Python.

Every people list in Dugnad (volunteers now, participants later, up to 12,000 rows) filters as
the user types. A QSortFilterProxyModel would call back into Python once per row per keystroke;
here the filter is one list comprehension over plain rows and the view is told to reset, which
stays a few milliseconds at 12,000 rows. Sorting is a Python sort on raw values (`sort_value`),
also exposed through `SORT_ROLE` for tests and delegates.

Subclasses say what the columns are: `headers()`, `display()`, `sort_value()`, `row_id()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """All rows in memory; the visible ones are those the current filter accepts."""

    def __init__(self, rows: Sequence[Row] | None = None, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._all: list[Row] = list(rows or [])
        self._accept: Callable[[Row], bool] | None = None
        self._visible: list[Row] = list(self._all)
        self._headers = self.headers()
        self._sort: tuple[int, bool] | None = None

    # -- for subclasses ---------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: Row, column: int) -> Any:
        """The raw value a column sorts by; never None, so values always compare."""
        raise NotImplementedError

    def row_id(self, row: Row) -> str:
        raise NotImplementedError

    def tie_breaker(self, row: Row) -> Any:
        """What orders rows whose sort values are equal (e.g. the name's sort key)."""
        return 0

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    # -- rows and filter --------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row (after a reload), keeping the current filter and sort order."""
        self.beginResetModel()
        self._all = list(rows)
        if self._sort is not None:
            self._sort_all(*self._sort)
        self._visible = self._filtered()
        self.endResetModel()

    def set_filter(self, accept: Callable[[Row], bool] | None) -> None:
        """Show only rows for which `accept(row)` is true (None shows all)."""
        self.beginResetModel()
        self._accept = accept
        self._visible = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Row]:
        accept = self._accept
        return list(self._all) if accept is None else [r for r in self._all if accept(r)]

    def row_at(self, row: int) -> Row:
        """The visible row at position `row`."""
        return self._visible[row]

    def rows(self) -> list[Row]:
        """The visible rows, in display order."""
        return list(self._visible)

    def total_count(self) -> int:
        """How many rows there are before filtering."""
        return len(self._all)

    # -- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._visible[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == SORT_ROLE:
            value = self.sort_value(row, column)
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == ROW_ID_ROLE:
            return self.row_id(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort = (column, descending)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self.row_id(self._visible[i.row()]) for i in old_persistent]
        self._sort_all(column, descending)
        self._visible = self._filtered()
        position = {self.row_id(r): n for n, r in enumerate(self._visible)}
        new_persistent = [
            self.index(position[row_id], i.column()) if row_id in position else QModelIndex()
            for row_id, i in zip(old_ids, old_persistent, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def _sort_all(self, column: int, descending: bool) -> None:
        self._all.sort(
            key=lambda r: (self.sort_value(r, column), self.tie_breaker(r)), reverse=descending
        )
