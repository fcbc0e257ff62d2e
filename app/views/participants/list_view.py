"""The participant register as a filterable table, with "Ny deltaker" and a household list.

Filtering runs in Python on the rows already read (`filter_participant_rows`' rule through
`text.matches`), so it stays within a keystroke at 10,000 participants.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.services.participant_register import list_participants
from app.services.text import matches, search_terms
from app.views.participants.list_model import INTERESTS, ParticipantTableModel
from app.views.widgets.list_table import counter_text, fit_columns, make_list_table
from app.views.widgets.row_table_model import ROW_ID_ROLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from app.views.widgets.pdf_preview import PdfPreviewDialog

MAX_WIDTH = 220


class ParticipantListPage(QWidget):
    """Participants: search as you type, open one to edit, add a new one with consent."""

    data_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.current_form: QDialog | None = None

        title = QLabel(_("Deltakere"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.households_button = QPushButton(_("Husstander"))
        self.households_button.clicked.connect(self.open_households)
        self.new_button = QPushButton(_("Ny deltaker"))
        self.new_button.clicked.connect(lambda: self.open_form(None))
        # Blank forms for participants, in Bokmål and (if chosen) their own language.
        self.print_menu = QMenu(self)
        self.consent_action = self.print_menu.addAction(_("Samtykkeskjema …"))
        self.consent_action.triggered.connect(lambda: self.print_consent_form())
        self.interests_action = self.print_menu.addAction(_("Interesseskjema …"))
        self.interests_action.triggered.connect(lambda: self.print_interest_form())
        self.print_button = QPushButton(_("Skriv ut"))
        self.print_button.setMenu(self.print_menu)
        self.preview: PdfPreviewDialog | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Søk på navn, telefon, språk, interesse eller bydel"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #57606a;")
        self.model = ParticipantTableModel(parent=self)
        self.table = make_list_table(self.model, INTERESTS, self)
        self.table.activated.connect(self._open_index)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.households_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counter)
        if load:
            self.reload()

    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        """Read the participants again (after a save, or when the database changed)."""
        self.model.set_rows(list_participants(self.db))
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        fit_columns(self.table, INTERESTS, MAX_WIDTH)
        self._update_counter()

    def _search_changed(self, text: str) -> None:
        terms = search_terms(text)
        self.model.set_filter((lambda row: matches(row.search_text, terms)) if terms else None)
        self._update_counter()

    def _update_counter(self) -> None:
        self.counter.setText(counter_text(self.model))

    # -- opening ----------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.open_form(index.data(ROW_ID_ROLE))

    def open_form(self, participant_id: str | None) -> QDialog:
        """The participant's form (a new participant, with consent, when the ID is None)."""
        from app.views.participants.form import ParticipantForm

        form = ParticipantForm(self.db, participant_id, self)
        form.changed_in_database.connect(self._after_save)
        form.finished.connect(lambda _result: form.deleteLater())
        self.current_form = form
        form.open()
        return form

    def open_households(self) -> QDialog:
        """The households: families waiting for or in a pairing, and volunteer families."""
        from app.views.participants.households_dialog import HouseholdsDialog

        dialog = HouseholdsDialog(self.db, self)
        dialog.changed_in_database.connect(self._after_save)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.current_form = dialog
        dialog.open()
        return dialog

    # -- printing ---------------------------------------------------------------------------------
    def print_consent_form(self) -> PdfPreviewDialog | None:
        """The blank consent and privacy form (samtykke og personvern), in the preview."""

        def render(db: Database, path: Path, language: str | None) -> None:
            from app.reports.consent_form import render_consent_form
            from app.services.print_offers import consent_form

            render_consent_form(consent_form(db), path, language=language)

        return self._print_form(_("Samtykke og personvern"), _("samtykkeskjema"), render)

    def print_interest_form(self) -> PdfPreviewDialog | None:
        """The blank interest form (interessekartlegging), in the preview."""

        def render(db: Database, path: Path, language: str | None) -> None:
            from app.reports.interest_form import render_interest_form
            from app.services.print_offers import interest_form

            render_interest_form(interest_form(db), path, language=language)

        return self._print_form(_("Interessekartlegging"), _("interesseskjema"), render)

    def _print_form(
        self, title: str, file_stem: str, render: Callable[[Database, Path, str | None], None]
    ) -> PdfPreviewDialog | None:
        """Ask for the participants' language, then write the form and open the preview; None
        if the user cancelled or it could not be made."""
        # Imported here: reportlab loads only when something is printed.
        from app.views.widgets import printout

        language = printout.ask_document_language(self)
        if language is None:
            return None
        db = self.db
        name = file_stem + (f"-{language}" if language else "") + ".pdf"
        self.preview = printout.show_printout(
            self, title, name, lambda path: render(db, path, language or None)
        )
        return self.preview

    def _after_save(self) -> None:
        self.reload()
        self.data_changed.emit()
