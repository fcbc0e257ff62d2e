"""Filtering the volunteer list as the user types, with the service's own matching rule.

The search words are folded once per keystroke (`search_terms`) and each row is tested with
`matches(row.search_text, terms)`, the in-memory twin of the SQL search, so the list and the CLI
always agree on what "øde" finds. No database query is made while typing.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.services.text import matches, search_terms
from app.views.volunteers.list_model import VolunteerTableModel


class VolunteerFilterProxy(QSortFilterProxyModel):
    """Search words, a set of statuses and a language; sorting is forwarded to the source."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._terms: list[str] = []
        self._statuses: frozenset[str] | None = None
        self._language: str | None = None

    def _refilter(self) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        terms = search_terms(text)
        if terms != self._terms:
            self._terms = terms
            self._refilter()

    def set_statuses(self, statuses: frozenset[str] | None) -> None:
        """Show only these statuses; None shows every status."""
        if statuses != self._statuses:
            self._statuses = statuses
            self._refilter()

    def set_language(self, code: str | None) -> None:
        if code != self._language:
            self._language = code
            self._refilter()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,  # noqa: ARG002
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, VolunteerTableModel)
        row = model.row_at(source_row)
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if self._language is not None and self._language not in row.languages:
            return False
        return matches(row.search_text, self._terms)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort its list; the proxy keeps the source order."""
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)
