""" "Skriv ut bekreftelse på formål …": the purpose confirmation the volunteer attaches to the
police application.

The date of birth is asked for here, printed in the letter and forgotten: it goes into a
temporary PDF only (removed when the preview closes) and never through a service that stores.
The reports module (reportlab) is imported only when a letter is made, so opening the window
does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.services.centre_info import get_centre
from app.views.activities.dialogs import date_edit
from app.views.widgets.field_error import FieldError
from app.views.widgets.pdf_preview import PdfPreviewDialog

RESPONSIBLE_TITLE = "Daglig leder"


def write_purpose_letter(
    db: Database,
    *,
    name: str,
    role: str,
    birth_date: dt.date,
    language: str,
    target: Path,
    today: dt.date | None = None,
) -> None:
    """Render the letter for `name` into `target` (lazily importing the reports module)."""
    from app.reports.purpose_letter import PurposeLetter, render_purpose_letter

    centre = get_centre(db)
    letter = PurposeLetter(
        centre_name=centre.name,
        centre_address=centre.address,
        centre_postcode_place=" ".join(p for p in (centre.postcode, centre.place) if p),
        orgnr=centre.orgnr,
        volunteer_name=name,
        birth_date=birth_date,
        role=role,
        letter_date=today or dt.date.today(),
        responsible_name=centre.manager_name,
        responsible_title=RESPONSIBLE_TITLE if language == "nb" else "Dagleg leiar",
        language="nn" if language == "nn" else "nb",
        logo=centre.logo,
    )
    render_purpose_letter(letter, target)


def suggested_file_name(name: str) -> str:
    """`bekreftelse-kari-odegard.pdf`-like: letters, digits and dashes only."""
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "frivillig"
    return _("bekreftelse-pa-formal") + f"-{slug}.pdf"


class PurposeLetterDialog(QDialog):
    """Date of birth (never stored) and language, then the letter in a preview."""

    def __init__(self, db: Database, name: str, role: str, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.name = name
        self.role = role
        self.today = today or dt.date.today()
        self.preview: PdfPreviewDialog | None = None
        self.pdf_path: Path | None = None
        self.setWindowTitle(_("Bekreftelse på formål: {name}").format(name=name))

        self.birth_edit = date_edit(dt.date(self.today.year - 30, 1, 1))
        self.birth_edit.setMinimumDate(QDate(1900, 1, 1))
        self.birth_error = FieldError()
        privacy = QLabel(_("Fødselsdatoen brukes bare i brevet og lagres ikke."))
        privacy.setWordWrap(True)
        privacy.setStyleSheet("color: #57606a;")
        self.bokmaal = QRadioButton(_("Bokmål"))
        self.nynorsk = QRadioButton(_("Nynorsk"))
        self.bokmaal.setChecked(True)
        self.language_group = QButtonGroup(self)
        self.language_group.addButton(self.bokmaal)
        self.language_group.addButton(self.nynorsk)
        languages = QWidget()
        row = QHBoxLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bokmaal)
        row.addWidget(self.nynorsk)
        row.addStretch(1)
        role_label = QLabel(role or "–")
        role_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Frivillig"), QLabel(name))
        form.addRow(_("Oppgave"), role_label)
        form.addRow(_("Fødselsdato"), self.birth_edit)
        form.addRow("", self.birth_error)
        form.addRow("", privacy)
        form.addRow(_("Språk i brevet"), languages)
        self.general_error = FieldError()
        buttons = QDialogButtonBox()
        self.make_button = buttons.addButton(
            _("Lag brevet"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.make_letter)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.birth_edit.dateChanged.connect(self.validate)
        self.validate()

    def language(self) -> str:
        return "nn" if self.nynorsk.isChecked() else "nb"

    def validate(self) -> bool:
        born: dt.date = self.birth_edit.date().toPython()
        message = _("Fødselsdatoen må være før i dag.") if born >= self.today else None
        self.birth_error.show_message(message)
        self.make_button.setEnabled(message is None)
        return message is None

    def make_letter(self) -> PdfPreviewDialog | None:
        """Write the PDF to a temporary file and show it; the dialog closes, the preview opens."""
        if not self.validate():
            return None
        folder = Path(tempfile.mkdtemp(prefix="dugnad-"))
        path = folder / suggested_file_name(self.name)
        try:
            write_purpose_letter(
                self.db,
                name=self.name,
                role=self.role,
                birth_date=self.birth_edit.date().toPython(),
                language=self.language(),
                target=path,
                today=self.today,
            )
        except (ImportError, OSError) as exc:
            self.general_error.show_message(_("Kunne ikke lage brevet: {error}").format(error=exc))
            return None
        self.pdf_path = path
        preview = PdfPreviewDialog(path, self.windowTitle(), self.parentWidget(),
                                   suggested_name=path.name, delete_on_close=True)  # fmt: skip
        self.preview = preview
        self.accept()
        preview.open()
        return preview
