"""First start: ask the centre's name (required), organisation number and municipality.

Three fields only; everything else waits in Innstillinger until someone needs it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.db import Database
from app.i18n import _
from app.services.centre_info import get_centre
from app.views.settings.centre_fields import CentreFields
from app.views.widgets.field_error import FieldError
from app.views.widgets.fit import grow_to_fit


class SetupDialog(QDialog):
    """Saves the centre's first settings; Save stays disabled until they are valid."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Velkommen til Dugnad"))
        title = QLabel(_("Først litt om sentralen"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        intro = QLabel(
            _(
                "Navnet står øverst i vinduet og på rapporter og utskrifter. "
                "Organisasjonsnummeret finner du i Brønnøysundregistrene; "
                "det kan fylles ut senere. "
                "Alt kan endres under Innstillinger."
            )
        )
        intro.setWordWrap(True)
        self.fields = CentreFields(short=True)
        self.fields.set_info(get_centre(db))
        self.error = FieldError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(_("Senere"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.fields.changed.connect(self._update_save)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(not self.fields.errors)
        grow_to_fit(self)

    def save(self) -> None:
        if self.fields.save_to(self.db, self.error):
            self.accept()
