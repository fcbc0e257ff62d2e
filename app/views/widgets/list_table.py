"""The read-only, sortable table every people list uses, set up once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.i18n import _
from app.i18n.formatting import format_number
from app.views.widgets.row_table_model import RowTableModel

# Measure column widths on the first rows only: measuring all of 2,000 took most of the
# window's start-up time, and names and phones are about equally wide all the way down.
RESIZE_PRECISION = 25


def make_list_table(model: RowTableModel, stretch_column: int, parent: QWidget) -> QTableView:
    """A table over `model`: whole rows selected, sorted by the first column, no editing."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    table.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 10)
    return table


def fit_columns(table: QTableView, stretch_column: int, max_width: int) -> None:
    """Fit columns to their content, within 80..`max_width` pixels (the stretch one fills)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        if column != stretch_column:
            header.resizeSection(column, min(max(header.sectionSize(column), 80), max_width))


def counter_text(model: RowTableModel) -> str:
    """ "Viser 12 av 300"."""
    return _("Viser {shown} av {total}").format(
        shown=format_number(model.rowCount()), total=format_number(model.total_count())
    )
