"""The "Aktiviteter" section: the activity list, and the activity page opened from it.

The list and the page share one stack so "◀ Alle aktiviteter" returns to the list as it was
(search and sort kept). Data is loaded per `reload()`; typing only filters the rows in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_number
from app.services.activities import list_activities
from app.services.text import fold, matches, search_terms
from app.views.activities.activity_page import ActivityPage
from app.views.activities.form import ActivityForm
from app.views.activities.list_model import SCHEDULE, ActivityTableModel, activity_search_text
from app.views.widgets.row_table_model import ROW_ID_ROLE

if TYPE_CHECKING:
    from app.views.widgets.pdf_preview import PdfPreviewDialog


class ActivityListPage(QStackedWidget):
    """List of activities, or one activity's page."""

    data_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.current_form: ActivityForm | None = None
        self._search_texts: dict[str, str] = {}

        title = QLabel(_("Aktiviteter"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.new_button = QPushButton(_("Ny aktivitet"))
        self.new_button.clicked.connect(lambda: self.open_form())
        self.print_button = QPushButton(_("Skriv ut aktivitetsoversikt …"))
        self.print_button.setToolTip(
            _("Oversikt over aktivitetene som går nå, til nye deltakere og kommunen")
        )
        self.print_button.clicked.connect(lambda: self.print_overview())
        self.preview: PdfPreviewDialog | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn, type, sted, dag eller målgruppe"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #57606a;")
        self.model = ActivityTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(SCHEDULE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)
        hint = QLabel(_("Dobbeltklikk en aktivitet for tidsplan, team, vaktliste og oppmøte."))
        hint.setStyleSheet("color: #57606a;")

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counter)
        bottom.addStretch(1)
        bottom.addWidget(hint)
        self.list_page = QWidget()
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.activity_page = ActivityPage(db)
        self.activity_page.back.connect(self.show_list)
        self.activity_page.changed.connect(self._after_change)
        self.addWidget(self.list_page)
        self.addWidget(self.activity_page)

    # -- loading ----------------------------------------------------------------------------------
    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        self.activity_page.set_database(db)
        self.show_list()
        if load:
            self.reload()

    def reload(self) -> None:
        rows = list_activities(self.db)
        self._search_texts = {r.id: fold(activity_search_text(r)) for r in rows}
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(SCHEDULE, QHeaderView.ResizeMode.Stretch)
        self._update_counter()

    def _search_changed(self, text: str) -> None:
        terms = search_terms(text)
        texts = self._search_texts
        self.model.set_filter((lambda r: matches(texts.get(r.id, ""), terms)) if terms else None)
        self._update_counter()

    def _update_counter(self) -> None:
        self.counter.setText(_("Viser {shown} av {total}").format(
            shown=format_number(self.model.rowCount()),
            total=format_number(self.model.total_count())))  # fmt: skip

    # -- opening ----------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.open_activity(index.data(ROW_ID_ROLE))

    def open_activity(self, activity_id: str) -> ActivityPage:
        self.activity_page.show_activity(activity_id)
        self.setCurrentWidget(self.activity_page)
        return self.activity_page

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)

    def open_form(self) -> ActivityForm:
        form = ActivityForm(self.db, None, self)
        form.saved.connect(self._created)
        self.current_form = form
        form.open()
        return form

    def print_overview(self) -> PdfPreviewDialog | None:
        """The activity overview (aktivitetsoversikt) in the preview, after asking for the
        participants' language; None if the user cancelled or it could not be made."""
        # Imported here: reportlab loads only when something is printed.
        from app.views.widgets import printout

        language = printout.ask_document_language(self)
        if language is None:
            return None
        db = self.db

        def write(path: Path) -> None:
            from app.reports.activity_overview import render_activity_overview
            from app.services.print_offers import activity_overview

            render_activity_overview(activity_overview(db), path, language=language or None)

        name = _("aktivitetsoversikt") + (f"-{language}" if language else "") + ".pdf"
        self.preview = printout.show_printout(self, _("Aktivitetsoversikt"), name, write)
        return self.preview

    def _created(self, activity_id: str) -> None:
        self._after_change()
        self.open_activity(activity_id)

    def _after_change(self) -> None:
        self.reload()
        self.data_changed.emit()
